/**
 * Who may not moderate, on a real server over both stores: every way in without a live session
 * for the site, from this server's own console, is refused with FORBIDDEN — on the reader
 * namespace, at the /moderation handshake, on each request after a session ends, and on the
 * HTTP paths (audit export, sign-in).
 */
import { describe, expect, it } from 'vitest';
import { MODERATION_HTTP } from '../../protocol/moderation.ts';
import { sessionIdOf } from '../../server/moderators/moderator-auth.ts';
import { useModerationFixture } from '../support/moderation-fixture.ts';
import { connectConsole, ensureModerator, moderate, moderateOk, postSignIn, refusedConsole, signIn, signOut } from '../support/moderator-client.ts';
import { requestRaw } from '../support/reader-client.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { OTHER_ALLOWED_ORIGIN } from '../support/test-app.ts';

const LIST = { queue: 'pending', order: 'newest', cursor: null } as const;

describe.each(STORE_KINDS)('refusing moderation on the %s store', (kind) => {
  const fx = useModerationFixture(kind);

  /** Dewi (demo only) signed in: the cookie a valid browser would send. */
  async function dewiCookie(): Promise<string> {
    await ensureModerator(fx.opened.store);
    return signIn(fx.server.url);
  }

  it('answers FORBIDDEN to a reader’s socket that sends queue:list on the readers’ namespace', async () => {
    const reader = await fx.reader();
    expect(await requestRaw(reader, 'queue:list', LIST)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await requestRaw(reader, 'queue:decide', { page: '/p', id: 'x', revision: 0, action: 'approve' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('refuses a signed-out browser (no cookie) at the /moderation handshake with FORBIDDEN', async () => {
    expect(await refusedConsole(fx.server.url, {})).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a forged session cookie with FORBIDDEN', async () => {
    const forged = `rembuk_moderator=${'A'.repeat(43)}`;
    expect(await refusedConsole(fx.server.url, { cookie: forged })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusedConsole(fx.server.url, { cookie: 'rembuk_moderator=' })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a moderator of the demo site who asks for another site’s console with FORBIDDEN', async () => {
    const cookie = await dewiCookie();
    expect(await refusedConsole(fx.server.url, { cookie, site: 'other' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusedConsole(fx.server.url, { cookie, site: 'no-such-site' })).toMatchObject({ code: 'FORBIDDEN' });
    // The same cookie is let in for its own site: the refusals above are about the site.
    (await connectConsole(fx.server.url, { cookie, site: 'demo' })).disconnect();
  });

  it('refuses a handshake from another origin with a valid cookie, even the site’s own reader pages', async () => {
    const cookie = await dewiCookie();
    for (const origin of ['https://evil.example', OTHER_ALLOWED_ORIGIN]) {
      expect(await refusedConsole(fx.server.url, { cookie, origin })).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('ends an open console when its session is signed out: session:ended, disconnected, and the cookie no longer connects', async () => {
    const dewi = await fx.console();
    const disconnected = new Promise<string>((resolve) => dewi.socket.once('disconnect', (reason) => resolve(reason)));
    const out = await signOut(fx.server.url, dewi.cookie);
    expect(out.status).toBe(200);
    expect(await dewi.events.until('session:ended')).toEqual({});
    expect(await disconnected).toBe('io server disconnect');
    expect(await refusedConsole(fx.server.url, { cookie: dewi.cookie })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('answers the next request of a console whose session was revoked elsewhere with FORBIDDEN and session:ended', async () => {
    const dewi = await fx.console();
    expect((await moderate(dewi.socket, 'queue:list', LIST)).ok).toBe(true);
    // As the admin command does from another process: the store alone knows, no server is told.
    await fx.opened.store.revokeSession(sessionIdOf(dewi.cookie.slice(dewi.cookie.indexOf('=') + 1)));
    const disconnected = new Promise<void>((resolve) => dewi.socket.once('disconnect', () => resolve()));
    expect(await moderate(dewi.socket, 'queue:list', LIST)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await dewi.events.until('session:ended')).toEqual({});
    await disconnected;
  });

  it('refuses a console whose moderator lost the site since connecting', async () => {
    const dewi = await fx.console();
    await fx.opened.store.updateModerator(dewi.account.id, { sites: ['other'] });
    expect(await moderate(dewi.socket, 'overview:get', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('exports the audit log only to a signed-in moderator of that site, from the console itself', async () => {
    const dewi = await fx.console();
    await moderateOk(dewi.socket, 'author:trust', { authorId: 'some-author', trusted: true });
    const exportUrl = (site: string) => `${fx.server.url}${MODERATION_HTTP.auditExport}?site=${site}`;
    const refusals = [
      await fetch(exportUrl('demo')),
      await fetch(exportUrl('demo'), { headers: { cookie: 'rembuk_moderator=forged' } }),
      await fetch(exportUrl('other'), { headers: { cookie: dewi.cookie } }),
      await fetch(exportUrl('demo'), { headers: { cookie: dewi.cookie, 'sec-fetch-site': 'cross-site' } }),
      await fetch(exportUrl('demo'), { headers: { cookie: dewi.cookie, 'sec-fetch-site': 'same-site' } }),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const allowed = await fetch(exportUrl('demo'), { headers: { cookie: dewi.cookie, 'sec-fetch-site': 'same-origin' } });
    expect(allowed.status).toBe(200);
    expect((await allowed.text()).trim().split('\n')).toHaveLength(1);
  });

  it('refuses POST /moderate/api/session from another origin with FORBIDDEN and sets no cookie', async () => {
    await ensureModerator(fx.opened.store);
    for (const origin of ['https://evil.example', OTHER_ALLOWED_ORIGIN]) {
      const res = await postSignIn(fx.server.url, { origin });
      expect(res.status).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});
