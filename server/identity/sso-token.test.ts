import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../protocol/limits.ts';
import { verifySsoToken } from './sso-token.ts';

const site = { id: 'koran', ssoSecret: 'c2l0ZS1zZWNyZXQtb2YtYXQtbGVhc3QtMzItYnl0ZXMtLS0' };
const other = { id: 'majalah', ssoSecret: 'YW5vdGhlci1zaXRlcy1zZWNyZXQtb2YtMzItYnl0ZXMtLS0' };
const NOW = Date.UTC(2026, 11, 1, 12);
const key = (secret: string) => new TextEncoder().encode(secret);

interface Claims {
  sub?: string;
  name?: unknown;
  avatar?: unknown;
  aud?: string;
  exp?: number;
}

/** A token as a site's server would sign it; each test changes one thing. */
async function sign(claims: Claims = {}, options: { secret?: string; alg?: string } = {}): Promise<string> {
  const { sub = 'user-42', name = 'Ani Sari', avatar, aud = site.id, exp = NOW / 1000 + 600 } = claims;
  // null: the claim left out.
  const body: Record<string, unknown> = name === null ? {} : { name };
  if (avatar !== undefined) body['avatar'] = avatar;
  let jwt = new SignJWT(body).setProtectedHeader({ alg: options.alg ?? 'HS256' }).setIssuedAt(NOW / 1000);
  if (sub !== '') jwt = jwt.setSubject(sub);
  if (aud !== '') jwt = jwt.setAudience(aud);
  if (exp !== 0) jwt = jwt.setExpirationTime(exp);
  return jwt.sign(key(options.secret ?? site.ssoSecret));
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('SSO tokens', () => {
  it('takes a token signed with the site’s secret for the site: sso:<sub>, the name and the avatar', async () => {
    const token = await sign({ avatar: 'https://koran.id/u/42.png', name: '  Ani   Sari ' });
    expect(await verifySsoToken(token, site, NOW)).toEqual({
      ok: true,
      identity: { authorId: 'sso:user-42', name: 'Ani Sari', avatarUrl: 'https://koran.id/u/42.png' },
    });
  });

  it('takes a token without an avatar', async () => {
    expect(await verifySsoToken(await sign(), site, NOW)).toMatchObject({ ok: true, identity: { avatarUrl: null } });
  });

  it('refuses a token whose signature does not match the site’s secret', async () => {
    // The claims swapped under a genuine signature: someone claiming another user.
    const [header, , signature] = (await sign()).split('.');
    const forged = `${header}.${b64({ sub: 'admin', name: 'Admin', aud: site.id, exp: NOW / 1000 + 600 })}.${signature}`;
    expect(await verifySsoToken(forged, site, NOW)).toEqual({ ok: false, message: expect.stringMatching(/signature/) });
  });

  it('refuses an expired token, and one without exp', async () => {
    expect(await verifySsoToken(await sign({ exp: NOW / 1000 - 120 }), site, NOW)).toEqual({ ok: false, message: expect.stringMatching(/expired/) });
    expect(await verifySsoToken(await sign({ exp: 0 }), site, NOW)).toEqual({ ok: false, message: expect.stringMatching(/"exp"/) });
  });

  it('refuses another site’s token: its audience, or its secret', async () => {
    expect(await verifySsoToken(await sign({ aud: other.id }), site, NOW)).toEqual({ ok: false, message: expect.stringMatching(/"aud".*"koran"/) });
    expect(await verifySsoToken(await sign({ aud: '' }), site, NOW)).toMatchObject({ ok: false });
    expect(await verifySsoToken(await sign({}, { secret: other.ssoSecret }), site, NOW)).toEqual({
      ok: false,
      message: expect.stringMatching(/signature/),
    });
  });

  it('refuses an unsigned token (alg none)', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'admin', name: 'Admin', aud: site.id, exp: NOW / 1000 + 600 })}.`;
    expect(await verifySsoToken(unsigned, site, NOW)).toMatchObject({ ok: false });
  });

  it('refuses HS512 with the right secret, and RS256', async () => {
    expect(await verifySsoToken(await sign({}, { alg: 'HS512' }), site, NOW)).toEqual({ ok: false, message: expect.stringMatching(/HS256/) });
    const { privateKey } = await generateKeyPair('RS256');
    const rs = await new SignJWT({ name: 'Ani' })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('user-42')
      .setAudience(site.id)
      .setExpirationTime(NOW / 1000 + 600)
      .sign(privateKey);
    expect(await verifySsoToken(rs, site, NOW)).toEqual({ ok: false, message: expect.stringMatching(/HS256/) });
  });

  it.each([
    ['no sub', { sub: '' }, /"sub"/],
    ['a sub over 64 characters', { sub: 'u'.repeat(65) }, /"sub"/],
    ['a sub with a space', { sub: 'user 42' }, /"sub"/],
    ['a sub with braces', { sub: '{other}' }, /"sub"/],
    ['no name', { name: null }, /"name"/],
    ['a name of spaces', { name: '   ' }, /"name"/],
    ['a name over the limit', { name: 'n'.repeat(LIMITS.nameMax + 1) }, /"name"/],
    ['a name that is not a string', { name: 42 }, /"name"/],
    ['an http avatar', { avatar: 'http://koran.id/a.png' }, /https/],
    ['a javascript: avatar', { avatar: 'javascript:alert(1)' }, /https/],
    ['an avatar that is not a URL', { avatar: 'not a url' }, /https/],
  ] as const)('refuses a token with %s', async (_what, claims, message) => {
    expect(await verifySsoToken(await sign(claims), site, NOW)).toEqual({ ok: false, message: expect.stringMatching(message) });
  });

  it('refuses an oversize token before reading it, and garbage', async () => {
    expect(await verifySsoToken('a'.repeat(LIMITS.ssoTokenMax + 1), site, NOW)).toEqual({ ok: false, message: expect.stringMatching(/longer/) });
    expect(await verifySsoToken('not.a.jwt', site, NOW)).toMatchObject({ ok: false });
    expect(await verifySsoToken('', site, NOW)).toMatchObject({ ok: false });
  });
});
