import { describe, expect, it } from 'vitest';
import type { ModeratorAccount } from '../store/moderator-types.ts';
import { createReservedNames, nameKey } from './reserved-names.ts';

function account(over: Partial<ModeratorAccount>): ModeratorAccount {
  return { id: 'm1', email: 'redaksi@koran.id', role: 'moderator', sites: ['koran'], passwordHash: 'x', createdAt: 0, passwordChangedAt: 0, ...over };
}

function setup(accounts: ModeratorAccount[], reservedNames: string[] = []) {
  let reads = 0;
  let now = 0;
  const names = createReservedNames({
    store: {
      listModerators: () => {
        reads += 1;
        return Promise.resolve(accounts);
      },
    },
    reservedNamesOf: (site) => (site === 'koran' ? reservedNames : []),
    clock: () => now,
    ttlMs: 1_000,
  });
  return { names, reads: () => reads, advance: (ms: number) => (now += ms) };
}

describe('reserved names', () => {
  it('folds case, accents, look-alike letters, spaces and punctuation into one key', () => {
    expect(nameKey('Admin')).toBe(nameKey('ADMIN'));
    expect(nameKey('Admin')).toBe(nameKey('Ädmin'));
    // A Cyrillic А.
    expect(nameKey('Admin')).toBe(nameKey('\u0410dmin'));
    expect(nameKey('Tim Redaksi')).toBe(nameKey('tim-redaksi'));
    expect(nameKey('Ani')).not.toBe(nameKey('Ana'));
  });

  it('reserves a site moderator’s name, or their email’s local part when they set none, on that site only', async () => {
    const { names } = setup([
      account({ id: 'm1', name: 'Budi Santoso' }),
      account({ id: 'm2', email: 'sari@koran.id', name: null, sites: ['lain'] }),
    ]);
    expect(await names.isReserved('koran', 'budi santoso')).toBe(true);
    expect(await names.isReserved('koran', 'Redaksi')).toBe(false);
    expect(await names.isReserved('koran', 'Sari')).toBe(false);
    expect(await names.isReserved('lain', 'SARI')).toBe(true);
    expect(await names.isReserved('koran', 'Budi')).toBe(false);
  });

  it('reserves an admin’s name on every site', async () => {
    const { names } = setup([account({ role: 'admin', sites: [], email: 'pemred@koran.id' })]);
    expect(await names.isReserved('koran', 'Pemred')).toBe(true);
    expect(await names.isReserved('mana-saja', 'pemred')).toBe(true);
  });

  it('reserves the site’s own list', async () => {
    const { names } = setup([], ['Redaksi Koran', 'Admin']);
    expect(await names.isReserved('koran', 'redaksi  koran')).toBe(true);
    expect(await names.isReserved('koran', 'ADMIN')).toBe(true);
    expect(await names.isReserved('koran', 'Pembaca')).toBe(false);
  });

  it('reads the accounts at most once per ttl', async () => {
    const { names, reads, advance } = setup([account({ name: 'Budi' })]);
    await names.isReserved('koran', 'a');
    await names.isReserved('koran', 'b');
    expect(reads()).toBe(1);
    advance(1_000);
    await names.isReserved('koran', 'c');
    expect(reads()).toBe(2);
  });
});
