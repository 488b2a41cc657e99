import { describe, expect, it } from 'vitest';
import { addTestModerator } from '../../test/support/moderators.ts';
import { storePerTest } from '../../test/support/stores.ts';
import type { CommentStore } from '../store/types.ts';
import { FIRST_ADMIN_EMAIL, FIRST_ADMIN_LINK_TTL_MS, firstAdminLink } from './first-admin.ts';
import { createModeratorAuth } from './moderator-auth.ts';
import { hashPassword } from './password-hash.ts';

describe('the first admin’s sign-in link, on the embedded store', () => {
  const freshStore = storePerTest('embedded');

  async function setup() {
    const store: CommentStore = await freshStore();
    let now = 1_800_000_000_000;
    let ids = 0;
    let tokens = 0;
    const clock = () => now;
    const auth = createModeratorAuth({ store, clock, randomToken: () => `link-${(tokens += 1)}` });
    const deps = { store, auth, clock, newId: () => `mod-${(ids += 1)}` };
    return { store, auth, deps, later: (ms: number) => (now += ms) };
  }

  it('makes one admin account on a fresh store and a link that signs it in once', async () => {
    const { store, auth, deps } = await setup();
    const link = await firstAdminLink(deps);
    expect(link).toEqual({ email: FIRST_ADMIN_EMAIL, token: 'link-1' });
    const accounts = await store.listModerators();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ id: 'mod-1', email: FIRST_ADMIN_EMAIL, role: 'admin', sites: [] });
    const signedIn = await auth.signInWithLink('link-1');
    expect(signedIn).toMatchObject({ ok: true, account: { id: 'mod-1', role: 'admin' } });
    expect(await auth.signInWithLink('link-1')).toMatchObject({ ok: false, code: 'SIGN_IN_FAILED' });
  });

  it('gives a new link at the next start while nobody has set the password, without a second account', async () => {
    const { store, deps } = await setup();
    await firstAdminLink(deps);
    expect(await firstAdminLink(deps)).toEqual({ email: FIRST_ADMIN_EMAIL, token: 'link-2' });
    expect(await store.listModerators()).toHaveLength(1);
  });

  it('makes a link valid for 24 hours and no longer', async () => {
    const { auth, deps, later } = await setup();
    await firstAdminLink(deps);
    later(FIRST_ADMIN_LINK_TTL_MS + 1);
    expect(await auth.signInWithLink('link-1')).toMatchObject({ ok: false, code: 'SIGN_IN_FAILED' });
    const next = await firstAdminLink(deps);
    later(FIRST_ADMIN_LINK_TTL_MS - 1);
    expect(await auth.signInWithLink(next?.token ?? '')).toMatchObject({ ok: true });
  });

  it('makes no account and no link when a moderator account exists already', async () => {
    const { store, deps } = await setup();
    await addTestModerator(store, 1_700_000_000_000);
    expect(await firstAdminLink(deps)).toBeNull();
    expect((await store.listModerators()).map((a) => a.email)).toEqual(['dewi@example.com']);
  });

  it('gives no link once the admin’s password was changed', async () => {
    const { store, deps, later } = await setup();
    await firstAdminLink(deps);
    later(60_000);
    expect(
      await store.updateModerator('mod-1', { passwordHash: await hashPassword('sandi-baru-yang-panjang'), passwordChangedAt: deps.clock() }),
    ).toBe(true);
    expect(await firstAdminLink(deps)).toBeNull();
    expect(await store.listModerators()).toHaveLength(1);
  });

  it('gives no link once the admin was removed and other accounts exist', async () => {
    const { store, deps } = await setup();
    await firstAdminLink(deps);
    await addTestModerator(store, 1_800_000_000_000);
    await store.removeModerator('mod-1');
    expect(await firstAdminLink(deps)).toBeNull();
  });
});
