import { describe, expect, it } from 'vitest';
import { parseSitesFile } from './sites-file.ts';

const parse = (json: unknown) => parseSitesFile(JSON.stringify(json), 'sites.json');

describe('SITES_FILE', () => {
  it('reads each site with its origins normalized, and leaves out what the file does not say', () => {
    expect(
      parse({
        sites: [
          { id: 'situs-energi', name: 'Situs Energi', origins: ['https://SitusEnergi.com/', 'https://situsenergi.com'], preModerated: true },
          { id: 'berita', name: 'Berita', moderation: { links: { max: 1 } }, closedPages: ['/lama/'] },
        ],
      }),
    ).toEqual({
      ok: true,
      sites: [
        { id: 'situs-energi', name: 'Situs Energi', origins: ['https://situsenergi.com'], preModerated: true },
        { id: 'berita', name: 'Berita', moderation: { links: { max: 1 } }, closedPages: ['/lama/'] },
      ],
    });
  });

  it('reads a site’s readers’ settings, and refuses a window out of range and a list too long', () => {
    expect(parse({ sites: [{ id: 'berita', name: 'Berita', reservedNames: [' Redaksi '], editWindowMinutes: 30 }] })).toEqual({
      ok: true,
      sites: [{ id: 'berita', name: 'Berita', reservedNames: ['Redaksi'], editWindowMinutes: 30 }],
    });
    const bad = parse({
      sites: [{ id: 'berita', name: 'Berita', editWindowMinutes: -1, reservedNames: Array.from({ length: 201 }, (_, i) => `n${i}`) }],
    });
    expect(!bad.ok && bad.errors).toEqual([
      expect.stringMatching(/^SITES_FILE sites\.json: sites\.0\.reservedNames: must hold at most 200 names/),
      expect.stringMatching(/^SITES_FILE sites\.json: sites\.0\.editWindowMinutes: /),
    ]);
  });

  it('reports every problem of every site at once: shape, origins without a scheme, policies, webhooks and duplicate ids', () => {
    const result = parse({
      sites: [
        { id: 'situs-energi', name: 'Situs Energi', origins: ['situsenergi.com', 'https://ok.example', 'ftp://x.example'] },
        { id: 'Bad Id', name: '', moderation: { links: { max: 'two' }, nope: true } },
        { id: 'situs-energi', name: 'Again', alerts: { webhook: { url: 'https://hooks.example', secret: 'short' } } },
      ],
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      'SITES_FILE sites.json: sites.0.origins.0: "situsenergi.com" is not an origin: give its scheme, e.g. https://situsenergi.com',
      expect.stringMatching(/^SITES_FILE sites\.json: sites\.0\.origins\.2: "ftp:\/\/x\.example" is not an origin/),
      expect.stringMatching(/^SITES_FILE sites\.json: sites\.1\.id: must be lower-case letters/),
      expect.stringMatching(/^SITES_FILE sites\.json: sites\.1\.name: /),
      expect.stringMatching(/^SITES_FILE sites\.json: sites\.1\.moderation\.links\.max: /),
      'SITES_FILE sites.json: sites.1.moderation.nope: unknown key',
      'SITES_FILE sites.json: sites.2.alerts.webhook.secret: must be at least 32 characters',
      'SITES_FILE sites.json: sites.2.id: "situs-energi" is already the id of sites.0',
    ]);
  });

  it('says when the file is not JSON or has no sites list', () => {
    expect(parseSitesFile('{"sites": [', 'sites.json')).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^SITES_FILE sites\.json: is not JSON/)],
    });
    expect(parse({ site: [] })).toMatchObject({ ok: false, errors: [expect.stringMatching(/^SITES_FILE sites\.json: sites: /)] });
  });
});
