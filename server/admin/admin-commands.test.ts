import { describe, expect, it } from 'vitest';
import { STORE_KINDS, storePerTest } from '../../test/support/stores.ts';
import { verifyPassword } from '../moderators/password-hash.ts';
import { parseAdminArgs, type AdminCommand } from './admin-args.ts';
import { runAdminCommand, type AdminDeps } from './admin-commands.ts';

function command(...argv: string[]): AdminCommand {
  const parsed = parseAdminArgs(argv);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.command;
}

describe.each(STORE_KINDS)('admin commands on the %s store', (kind) => {
  const freshStore = storePerTest(kind);

  async function setup(passwords: string[] = []) {
    const store = await freshStore();
    const printed: string[] = [];
    let now = 1_800_000_000_000;
    let ids = 0;
    const deps: AdminDeps = {
      store,
      clock: () => now,
      newId: () => `mod-${(ids += 1)}`,
      newSecret: () => 'not used by moderator commands',
      server: { url: 'http://127.0.0.1:3000', fromPublicUrl: false },
      readPassword: () => Promise.resolve(passwords.shift() ?? ''),
      print: (line) => printed.push(line),
    };
    return { deps, printed, store, later: (ms: number) => (now += ms) };
  }

  it('adds a moderator of a site with the password given, and lists them', async () => {
    const { deps, printed, store } = await setup(['kata-sandi-dewi-123']);
    expect(await runAdminCommand(command('moderator', 'add', '--email', 'Dewi@Example.com', '--site', 'demo'), deps)).toBe(0);
    expect(printed).toEqual(['Added dewi@example.com (moderator of demo).']);
    const account = await store.findModeratorByEmail('dewi@example.com');
    expect(account).toMatchObject({ id: 'mod-1', role: 'moderator', sites: ['demo'] });
    expect(await verifyPassword('kata-sandi-dewi-123', account?.passwordHash ?? '')).toBe(true);
    printed.length = 0;
    expect(await runAdminCommand(command('moderator', 'list'), deps)).toBe(0);
    expect(printed).toEqual(['dewi@example.com (moderator of demo), added 2027-01-15']);
  });

  it('generates an admin’s password and prints it once', async () => {
    const { deps, printed, store } = await setup();
    expect(await runAdminCommand(command('moderator', 'add', '--email', 'boss@example.com', '--admin', '--generate-password'), deps)).toBe(0);
    expect(printed[0]).toBe('Added boss@example.com (admin of every site).');
    const password = /Password \(shown once, store it now\): (\S+)$/.exec(printed[1] ?? '')?.[1] ?? '';
    expect(password).toHaveLength(24);
    expect(await verifyPassword(password, (await store.findModeratorByEmail('boss@example.com'))?.passwordHash ?? '')).toBe(true);
  });

  it('refuses a short password and a taken email, and changes nothing', async () => {
    const { deps, printed, store } = await setup(['pendek', 'kata-sandi-yang-cukup', 'kata-sandi-lain-lagi']);
    expect(await runAdminCommand(command('moderator', 'add', '--email', 'a@example.com', '--site', 'demo'), deps)).toBe(1);
    expect(printed.at(-1)).toMatch(/at least 12 characters\. Nothing changed/);
    expect(await store.listModerators()).toEqual([]);
    expect(await runAdminCommand(command('moderator', 'add', '--email', 'a@example.com', '--site', 'demo'), deps)).toBe(0);
    expect(await runAdminCommand(command('moderator', 'add', '--email', 'A@EXAMPLE.COM', '--admin'), deps)).toBe(1);
    expect(printed.at(-1)).toMatch(/exists already/);
    expect(await store.listModerators()).toHaveLength(1);
  });

  it('sets a new password and signs the account out everywhere', async () => {
    const { deps, printed, store, later } = await setup(['kata-sandi-pertama', 'kata-sandi-kedua-ya']);
    await runAdminCommand(command('moderator', 'add', '--email', 'a@example.com', '--site', 'demo'), deps);
    const now = deps.clock();
    await store.createSession({ id: 'a'.repeat(64), moderatorId: 'mod-1', createdAt: now, expiresAt: now + 86_400_000 });
    later(1_000);
    expect(await runAdminCommand(command('moderator', 'passwd', '--email', 'a@example.com'), deps)).toBe(0);
    expect(printed.at(-1)).toBe('New password set for a@example.com; 1 session signed out.');
    expect(await store.getSession('a'.repeat(64), deps.clock())).toBeNull();
    const account = await store.findModeratorByEmail('a@example.com');
    expect(await verifyPassword('kata-sandi-kedua-ya', account?.passwordHash ?? '')).toBe(true);
    expect(await verifyPassword('kata-sandi-pertama', account?.passwordHash ?? '')).toBe(false);
  });

  it('removes an account, and says so when there is none', async () => {
    const { deps, printed, store } = await setup(['kata-sandi-pertama']);
    await runAdminCommand(command('moderator', 'add', '--email', 'a@example.com', '--site', 'demo'), deps);
    expect(await runAdminCommand(command('moderator', 'remove', '--email', 'a@example.com'), deps)).toBe(0);
    expect(printed.at(-1)).toBe('Removed a@example.com (moderator of demo); every session of theirs is signed out.');
    expect(await store.listModerators()).toEqual([]);
    expect(await runAdminCommand(command('moderator', 'remove', '--email', 'a@example.com'), deps)).toBe(1);
    expect(printed.at(-1)).toBe('No moderator has the email a@example.com.');
    expect(await runAdminCommand(command('moderator', 'passwd', '--email', 'a@example.com'), deps)).toBe(1);
  });
});
