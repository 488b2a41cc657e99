/**
 * Moderators sign in and out over HTTP on a real server, on both stores: the cookie's
 * attributes, one message for every wrong credential, refusals of other origins and forged
 * cookies, and the limit on failed attempts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addTestModerator } from '../support/moderators.ts';
import { openStore, STORE_KINDS, type OpenedStore } from '../support/stores.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

describe.each(STORE_KINDS)('moderator sessions over HTTP (%s store)', (kind) => {
  let opened: OpenedStore | undefined;
  let server: TestApp | undefined;
  afterEach(async () => {
    await server?.close();
    await opened?.dispose();
    server = undefined;
    opened = undefined;
  });

  async function setup() {
    opened = await openStore(kind);
    const now = Date.now();
    await addTestModerator(opened.store, now);
    server = await startTestApp(opened.store);
    const url = `${server.url}/moderate/api/session`;
    const own = { origin: server.url, 'content-type': 'application/json' };
    const signIn = (body: unknown, headers: Record<string, string> = own) => fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
    return { url, own, signIn };
  }

  it('signs in with an httpOnly, SameSite=Strict cookie, tells who is signed in, and signs out', async () => {
    const { url, own, signIn } = await setup();
    const res = await signIn({ email: 'Dewi@Example.com', password: 'kata-sandi-dewi-123' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^rembuk_moderator=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(await res.json()).toMatchObject({
      ok: true,
      data: { email: 'dewi@example.com', role: 'moderator', sites: [{ id: 'demo', name: 'Demo' }] },
    });
    const cookie = setCookie.split(';')[0] ?? '';

    const me = await fetch(url, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ ok: true, data: { email: 'dewi@example.com' } });

    const out = await fetch(url, { method: 'DELETE', headers: { ...own, cookie } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^rembuk_moderator=; Max-Age=0;/);
    const after = await fetch(url, { headers: { cookie } });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('answers a wrong password and an unknown email alike, and sets no cookie', async () => {
    const { signIn } = await setup();
    const wrong = await signIn({ email: 'dewi@example.com', password: 'salah-sama-sekali' });
    const unknown = await signIn({ email: 'nobody@example.com', password: 'kata-sandi-dewi-123' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('refuses a sign-in or sign-out from another origin, or with no origin, before reading it', async () => {
    const { url, signIn } = await setup();
    for (const headers of [{ origin: 'https://evil.example', 'content-type': 'application/json' }, { 'content-type': 'application/json' }]) {
      const res = await signIn({ email: 'dewi@example.com', password: 'kata-sandi-dewi-123' }, headers);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await fetch(url, { method: 'DELETE', headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });

  it('knows nobody by a forged or malformed cookie', async () => {
    const { url } = await setup();
    for (const cookie of ['rembuk_moderator=forged-token-value', 'rembuk_moderator=', 'other=1']) {
      const res = await fetch(url, { headers: { cookie } });
      expect(res.status).toBe(401);
    }
  });

  it('limits failed sign-ins to an account, then refuses even the right password for a while', async () => {
    const { signIn } = await setup();
    for (let i = 0; i < 5; i += 1) expect((await signIn({ email: 'dewi@example.com', password: `salah-${i}-sekali` })).status).toBe(401);
    const limited = await signIn({ email: 'dewi@example.com', password: 'kata-sandi-dewi-123' });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) } });
  });

  it('answers a malformed body with INVALID_INPUT', async () => {
    const { signIn } = await setup();
    const res = await signIn({ email: 'dewi@example.com' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
