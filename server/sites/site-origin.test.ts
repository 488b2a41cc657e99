import { describe, expect, it } from 'vitest';
import { parseSiteOrigin } from './site-origin.ts';

describe('a site origin as an owner writes it', () => {
  it.each([
    ['https://situsenergi.com', 'https://situsenergi.com'],
    ['https://WWW.SitusEnergi.com:443/berita/', 'https://www.situsenergi.com'],
    ['http://localhost:8080', 'http://localhost:8080'],
    ['  https://situsenergi.com  ', 'https://situsenergi.com'],
  ])('keeps %s as %s', (text, origin) => {
    expect(parseSiteOrigin(text)).toEqual({ ok: true, origin });
  });

  it('names an origin without a scheme and says what to write instead', () => {
    expect(parseSiteOrigin('situsenergi.com')).toEqual({
      ok: false,
      message: '"situsenergi.com" is not an origin: give its scheme, e.g. https://situsenergi.com',
    });
    expect(parseSiteOrigin('localhost:3000')).toMatchObject({ ok: false, message: expect.stringContaining('"localhost:3000"') });
  });

  it.each(['ftp://situsenergi.com', 'javascript://x', 'https://', ''])('refuses %j', (text) => {
    expect(parseSiteOrigin(text)).toMatchObject({ ok: false, message: expect.stringMatching(/is not an origin/) });
  });
});
