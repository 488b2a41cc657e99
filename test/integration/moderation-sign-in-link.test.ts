/**
 * A fresh install's way in, on a real server over both stores: the first-run admin link signs
 * its holder in once (cookie, then the console), and stops being offered once the admin's
 * password has been set or another account exists.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isModeratorSessionView } from '../../protocol/moderation-guards.ts';
import { MODERATION_HTTP } from '../../protocol/moderation.ts';
import { FIRST_ADMIN_EMAIL, firstAdminLink } from '../../server/moderators/first-admin.ts';
import { hashPassword } from '../../server/moderators/password-hash.ts';
import { useModerationFixture } from '../support/moderation-fixture.ts';
import { connectConsole, cookieOf, ensureModerator, moderateOk } from '../support/moderator-client.ts';
import { STORE_KINDS } from '../support/stores.ts';

describe.each(STORE_KINDS)('the one-time sign-in link on the %s store', (kind) => {
  const fx = useModerationFixture(kind);
  const issue = () =>
    firstAdminLink({ store: fx.opened.store, auth: fx.server.app.auth, clock: Date.now, newId: () => randomBytes(12).toString('base64url') });
  const openLink = (token: string) =>
    fetch(`${fx.server.url}${MODERATION_HTTP.signInLink}?token=${encodeURIComponent(token)}`, { redirect: 'manual' });

  it('signs the first admin in once with the link printed on an empty store, then answers 401', async () => {
    const link = await issue();
    expect(link?.email).toBe(FIRST_ADMIN_EMAIL);
    expect(link?.token).toMatch(/^[\w-]{20,}$/);
    if (!link) return;

    const res = await openLink(link.token);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/moderate/');
    expect(res.headers.get('set-cookie')).toMatch(/^rembuk_moderator=[\w-]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict$/);
    const cookie = cookieOf(res);

    const session = await fetch(`${fx.server.url}${MODERATION_HTTP.session}`, { headers: { cookie } });
    const body: unknown = await session.json();
    expect(body).toMatchObject({ ok: true, data: { email: FIRST_ADMIN_EMAIL, role: 'admin' } });
    const view = (body as { data: unknown }).data;
    expect(isModeratorSessionView(view) && view.sites.map((s) => s.id)).toEqual(['demo', 'other']);
    // An admin moderates every site.
    const console = await connectConsole(fx.server.url, { cookie, site: 'other' });
    expect((await moderateOk(console, 'queue:list', { queue: 'pending', order: 'newest', cursor: null })).items).toEqual([]);
    console.disconnect();

    const again = await openLink(link.token);
    expect(again.status).toBe(401);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.text()).toMatch(/used or has expired/);
    expect((await openLink('not-a-real-token')).status).toBe(401);
    expect((await openLink('')).status).toBe(401);
  });

  it('offers a new link at each start while the admin’s password was never set, and none once it is', async () => {
    const first = await issue();
    const second = await issue();
    expect(first && second && second.token !== first.token).toBe(true);
    expect(await fx.opened.store.listModerators()).toHaveLength(1);

    const admin = await fx.opened.store.findModeratorByEmail(FIRST_ADMIN_EMAIL);
    if (!admin) throw new Error('no first admin');
    await fx.opened.store.updateModerator(admin.id, { passwordHash: await hashPassword('kata-sandi-admin-baru'), passwordChangedAt: Date.now() + 1 });
    expect(await issue()).toBeNull();
  });

  it('offers no link when a moderator account exists already', async () => {
    await ensureModerator(fx.opened.store);
    expect(await issue()).toBeNull();
    expect(await fx.opened.store.findModeratorByEmail(FIRST_ADMIN_EMAIL)).toBeNull();
  });
});
