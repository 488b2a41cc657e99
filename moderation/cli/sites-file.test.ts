import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy.ts';
import { looksLikeSitesFile, siteModerationOf } from './sites-file.ts';

const sitesFile = {
  sites: [
    { id: 'koran', name: 'Koran', origins: ['https://koran.example'], moderation: { words: { banned: ['korup'] } } },
    { id: 'majalah', name: 'Majalah', origins: [], preModerated: true },
  ],
};

describe('the sites file as the CLI reads it', () => {
  it('picks the policy of the site named by id', () => {
    const r = siteModerationOf(sitesFile, 'koran');
    expect(r.ok && r.site.policy.words.banned).toEqual(['korup']);
    expect(r.ok && r.site.preModerated).toBe(false);
  });

  it('gives a site without a moderation object the default policy and keeps its pre-moderation', () => {
    expect(siteModerationOf(sitesFile, 'majalah')).toEqual({ ok: true, site: { policy: defaultPolicy, preModerated: true } });
  });

  it('takes the last entry when an id is listed twice, as the server does', () => {
    const twice = { sites: [...sitesFile.sites, { id: 'koran', moderation: { words: { banned: ['maling'] } } }] };
    const r = siteModerationOf(twice, 'koran');
    expect(r.ok && r.site.policy.words.banned).toEqual(['maling']);
  });

  it('says which site ids exist when the id is unknown', () => {
    expect(siteModerationOf(sitesFile, 'tabloid')).toEqual({ ok: false, errors: ['no site "tabloid"; the sites are: koran, majalah'] });
    expect(siteModerationOf({ sites: [] }, 'tabloid')).toEqual({ ok: false, errors: ['no site "tabloid": the file lists no sites'] });
  });

  it('lists every error of an invalid policy, with its path in the file', () => {
    const bad = {
      sites: [sitesFile.sites[1], { id: 'koran', moderation: { links: { maximum: 3 }, shouting: { ratio: 2 }, words: { profanityAction: 'ban' } } }],
    };
    const r = siteModerationOf(bad, 'koran');
    expect(r.ok).toBe(false);
    expect(!r.ok && [...r.errors].sort()).toEqual([
      'sites.1.moderation.links.maximum: unknown key',
      expect.stringMatching(/^sites\.1\.moderation\.shouting\.ratio: /),
      expect.stringMatching(/^sites\.1\.moderation\.words\.profanityAction: /),
    ]);
  });

  it('names the moderation object itself when it is not an object', () => {
    const r = siteModerationOf({ sites: [{ id: 'koran', moderation: 'strict' }] }, 'koran');
    expect(!r.ok && r.errors).toEqual([expect.stringMatching(/^sites\.0\.moderation: /)]);
  });

  it('reports a file that is not shaped like a sites file', () => {
    const r = siteModerationOf({ sites: [{ name: 'no id' }] }, 'koran');
    expect(!r.ok && r.errors).toEqual([expect.stringMatching(/^sites\.0\.id: /)]);
  });

  it('tells a sites file from a bare policy by its sites key', () => {
    expect(looksLikeSitesFile(sitesFile)).toBe(true);
    expect(looksLikeSitesFile({ words: { banned: ['x'] } })).toBe(false);
    expect(looksLikeSitesFile(null)).toBe(false);
  });
});
