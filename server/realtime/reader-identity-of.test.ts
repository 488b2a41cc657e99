import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.ts';
import type { SiteConfig } from '../sites/site-registry.ts';
import type { ModeratorAccount, ModeratorSession } from '../store/moderator-types.ts';
import { LIMITS } from '../../protocol/limits.ts';
import { identityOf, setAsideUnusableSso } from './reader-identity-of.ts';

const NOW = Date.UTC(2026, 11, 1, 12);
const site: SiteConfig & { ssoSecret: string } = {
  id: 'koran',
  name: 'Koran',
  origins: [],
  ssoSecret: 'c2l0ZS1zZWNyZXQtb2YtYXQtbGVhc3QtMzItYnl0ZXMtLS0',
};
const dewi: ModeratorAccount = {
  id: 'm-dewi',
  email: 'dewi@koran.id',
  role: 'moderator',
  sites: ['koran'],
  passwordHash: 'x',
  createdAt: 0,
  passwordChangedAt: 0,
};
const session: ModeratorSession = { id: 's', moderatorId: 'm-dewi', createdAt: 0, expiresAt: NOW + 1 };

function deps(authenticate: (token: string) => Promise<{ account: ModeratorAccount; session: ModeratorSession } | null>) {
  return { auth: { authenticate }, logger: silentLogger(), clock: () => NOW };
}
const signedIn = (account: ModeratorAccount) => deps((token) => Promise.resolve(token === 'good' ? { account, session } : null));
const token = (secret = site.ssoSecret) =>
  new SignJWT({ name: 'Ani' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('u1')
    .setAudience('koran')
    .setExpirationTime(NOW / 1000 + 60)
    .sign(new TextEncoder().encode(secret));
const request = (over: { sso?: string; cookie?: string; site?: SiteConfig } = {}) => ({
  site: over.site ?? site,
  anonymousId: 'a_device',
  sso: over.sso,
  cookie: over.cookie,
});

describe('who a reader’s handshake says they are', () => {
  it('is the device’s anonymous author without a token or a session', async () => {
    expect(await identityOf(signedIn(dewi), request())).toEqual({
      identity: { authorId: 'a_device', kind: 'anonymous', name: null, avatarUrl: null },
      ssoError: null,
    });
  });

  it('is a moderator of the site whose session cookie came along, under their name', async () => {
    const result = await identityOf(
      signedIn({ ...dewi, name: 'Dewi Redaksi' }),
      request({ cookie: 'x=1; rembuk_moderator=good', sso: await token() }),
    );
    expect(result.identity).toEqual({ authorId: 'mod:m-dewi', kind: 'moderator', name: 'Dewi Redaksi', avatarUrl: null });
  });

  it('is not a moderator of another site, nor with a session that is not valid', async () => {
    expect((await identityOf(signedIn({ ...dewi, sites: ['lain'] }), request({ cookie: 'rembuk_moderator=good' }))).identity.kind).toBe('anonymous');
    expect((await identityOf(signedIn(dewi), request({ cookie: 'rembuk_moderator=revoked' }))).identity.kind).toBe('anonymous');
    const failing = deps(() => Promise.reject(new Error('store down')));
    expect((await identityOf(failing, request({ cookie: 'rembuk_moderator=good' }))).identity.kind).toBe('anonymous');
  });

  it('is the SSO identity a valid token proves, and anonymous with the reason when the token is refused', async () => {
    expect((await identityOf(signedIn(dewi), request({ sso: await token() }))).identity).toEqual({
      authorId: 'sso:u1',
      kind: 'sso',
      name: 'Ani',
      avatarUrl: null,
    });
    const refused = await identityOf(signedIn(dewi), request({ sso: await token('YW5vdGhlci1zaXRlcy1zZWNyZXQtb2YtMzItYnl0ZXMtLS0') }));
    expect(refused).toEqual({
      identity: { authorId: 'a_device', kind: 'anonymous', name: null, avatarUrl: null },
      ssoError: { code: 'SSO_INVALID', message: expect.stringMatching(/signature/) },
    });
    const { ssoSecret: _none, ...withoutSecret } = site;
    const noSecret = await identityOf(signedIn(dewi), request({ sso: await token(), site: withoutSecret }));
    expect(noSecret.ssoError).toMatchObject({ code: 'SSO_INVALID', message: expect.stringMatching(/no SSO secret/) });
  });

  it('sets aside an SSO token that cannot be one, so the handshake goes on anonymous, and says why', () => {
    expect(setAsideUnusableSso({ site: 'koran', sso: 'a.b.c' })).toEqual({ auth: { site: 'koran', sso: 'a.b.c' }, refused: null });
    expect(setAsideUnusableSso({ site: 'koran' })).toEqual({ auth: { site: 'koran' }, refused: null });
    expect(setAsideUnusableSso({ site: 'koran', sso: '' })).toEqual({ auth: { site: 'koran' }, refused: null });
    expect(setAsideUnusableSso({ site: 'koran', sso: 'x'.repeat(LIMITS.ssoTokenMax + 1) })).toEqual({
      auth: { site: 'koran' },
      refused: { code: 'SSO_INVALID', message: expect.stringMatching(/longer/) },
    });
    expect(setAsideUnusableSso({ site: 'koran', sso: 42 })).toMatchObject({ auth: { site: 'koran' }, refused: { code: 'SSO_INVALID' } });
    expect(setAsideUnusableSso('not an object')).toEqual({ auth: 'not an object', refused: null });
  });
});
