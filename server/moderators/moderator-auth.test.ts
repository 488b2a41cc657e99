import { describe, expect, it } from 'vitest';
import { STORE_KINDS, storePerTest } from '../../test/support/stores.ts';
import { createModeratorAuth, mayModerate, sessionIdOf, SIGN_IN_FAILED_MESSAGE } from './moderator-auth.ts';
import { addTestModerator } from '../../test/support/moderators.ts';

describe.each(STORE_KINDS)('moderator sign-in on the %s store', (kind) => {
  const freshStore = storePerTest(kind);

  async function setup() {
    const store = await freshStore();
    let now = 1_800_000_000_000;
    await addTestModerator(store, now);
    let tokens = 0;
    const auth = createModeratorAuth({
      store,
      clock: () => now,
      sessionTtlMs: 3_600_000,
      failuresPerAccount: 3,
      failuresPerAddress: 5,
      randomToken: () => `token-${(tokens += 1)}`,
    });
    return { store, auth, later: (ms: number) => (now += ms) };
  }

  it('signs in with the right password and knows the session by its token; the store keeps only its hash', async () => {
    const { store, auth } = await setup();
    const result = await auth.signIn(' Dewi@Example.com ', 'kata-sandi-dewi-123', '203.0.113.5');
    expect(result).toMatchObject({ ok: true, token: 'token-1', account: { id: 'mod-dewi' } });
    expect(await store.getSession('token-1', 1_800_000_000_000)).toBeNull();
    expect(await store.getSession(sessionIdOf('token-1'), 1_800_000_000_000)).toMatchObject({ moderatorId: 'mod-dewi' });
    expect(await auth.authenticate('token-1')).toMatchObject({ account: { email: 'dewi@example.com' } });
    expect(await auth.authenticate('token-2')).toBeNull();
  });

  it('answers a wrong password and an unknown email with the same message', async () => {
    const { auth } = await setup();
    expect(await auth.signIn('dewi@example.com', 'salah-sama-sekali', '203.0.113.5')).toEqual({
      ok: false,
      code: 'SIGN_IN_FAILED',
      message: SIGN_IN_FAILED_MESSAGE,
    });
    expect(await auth.signIn('nobody@example.com', 'kata-sandi-dewi-123', '203.0.113.5')).toEqual({
      ok: false,
      code: 'SIGN_IN_FAILED',
      message: SIGN_IN_FAILED_MESSAGE,
    });
  });

  it('refuses an account after repeated failures, even with the right password, until the window passes', async () => {
    const { auth } = await setup();
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) await auth.signIn('dewi@example.com', 'salah-sama-sekali', address);
    const blocked = await auth.signIn('dewi@example.com', 'kata-sandi-dewi-123', '198.51.100.9');
    expect(blocked).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(!blocked.ok && blocked.code === 'RATE_LIMITED' && blocked.retryAfterMs).toBeGreaterThan(0);
  });

  it('refuses an address that tries many accounts', async () => {
    const { auth } = await setup();
    for (let i = 0; i < 5; i += 1) await auth.signIn(`guess${i}@example.com`, 'salah-sama-sekali', '2001:db8:1:2::7');
    // Another address in the same /64 is the same client.
    expect(await auth.signIn('dewi@example.com', 'kata-sandi-dewi-123', '2001:db8:1:2::99')).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(await auth.signIn('dewi@example.com', 'kata-sandi-dewi-123', '203.0.113.5')).toMatchObject({ ok: true });
  });

  it('ends a session at sign-out and when it expires', async () => {
    const { auth, later } = await setup();
    const first = await auth.signIn('dewi@example.com', 'kata-sandi-dewi-123', '203.0.113.5');
    const second = await auth.signIn('dewi@example.com', 'kata-sandi-dewi-123', '203.0.113.5');
    await auth.signOut(first.ok ? first.token : '');
    expect(await auth.authenticate('token-1')).toBeNull();
    expect(await auth.authenticate(second.ok ? second.token : '')).not.toBeNull();
    later(3_600_001);
    expect(await auth.authenticate('token-2')).toBeNull();
  });

  it('signs in once with a sign-in link, starting a session like a password does', async () => {
    const { auth } = await setup();
    const token = await auth.issueSignInLink('mod-dewi', 60_000);
    const first = await auth.signInWithLink(token);
    expect(first).toMatchObject({ ok: true, account: { id: 'mod-dewi' }, session: { moderatorId: 'mod-dewi' } });
    expect(await auth.authenticate(first.ok ? first.token : '')).toMatchObject({ account: { email: 'dewi@example.com' } });
    expect(await auth.signInWithLink(token)).toMatchObject({ ok: false, code: 'SIGN_IN_FAILED' });
  });

  it('lets only one of two uses of a link at the same moment sign in', async () => {
    const { auth } = await setup();
    const token = await auth.issueSignInLink('mod-dewi', 60_000);
    const outcomes = await Promise.all([auth.signInWithLink(token), auth.signInWithLink(token)]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
  });

  it('refuses a sign-in link after it expires, and one nobody issued', async () => {
    const { auth, later } = await setup();
    const token = await auth.issueSignInLink('mod-dewi', 60_000);
    later(60_001);
    const expired = await auth.signInWithLink(token);
    expect(expired).toMatchObject({ ok: false, code: 'SIGN_IN_FAILED' });
    expect(!expired.ok && expired.message).toMatch(/used or has expired/);
    expect(await auth.signInWithLink('never-issued')).toMatchObject({ ok: false, code: 'SIGN_IN_FAILED' });
  });

  it('keeps only the hash of a sign-in link, so the stored id signs nobody in', async () => {
    const { auth } = await setup();
    const token = await auth.issueSignInLink('mod-dewi', 60_000);
    expect(await auth.signInWithLink(sessionIdOf(token))).toMatchObject({ ok: false });
    expect(await auth.signInWithLink(token)).toMatchObject({ ok: true });
  });

  it('refuses a link whose account was removed after it was issued', async () => {
    const { store, auth } = await setup();
    const token = await auth.issueSignInLink('mod-dewi', 60_000);
    await store.removeModerator('mod-dewi');
    expect(await auth.signInWithLink(token)).toMatchObject({ ok: false, code: 'SIGN_IN_FAILED' });
  });

  it('lets a moderator moderate their sites only, and an admin every site', () => {
    const base = { id: 'x', email: 'x@example.com', passwordHash: '', createdAt: 0, passwordChangedAt: 0 };
    expect(mayModerate({ ...base, role: 'moderator', sites: ['demo'] }, 'demo')).toBe(true);
    expect(mayModerate({ ...base, role: 'moderator', sites: ['demo'] }, 'other')).toBe(false);
    expect(mayModerate({ ...base, role: 'admin', sites: [] }, 'other')).toBe(true);
  });
});
