import { describe, expect, it } from 'vitest';
import type { CheckOptions } from './options.ts';
import { runCheck, type ReadText } from './run.ts';

const files: Record<string, unknown> = {
  'sites.json': {
    sites: [
      { id: 'koran', name: 'Koran', moderation: { newAuthor: { holdFirst: 2 }, words: { banned: ['korup'] } } },
      { id: 'majalah', name: 'Majalah', preModerated: true },
      { id: 'rusak', name: 'Rusak', moderation: { links: { maximum: 3 }, length: { min: 'two' } } },
    ],
  },
  'sites-next.json': { sites: [{ id: 'koran', name: 'Koran', moderation: { words: { banned: ['korup', 'maling'] } } }] },
  'strict.json': { newAuthor: { holdFirst: 1 } },
};
const readText: ReadText = (path) => (path in files ? { ok: true, text: JSON.stringify(files[path]) } : { ok: false, message: 'ENOENT' });

const options = (o: Partial<CheckOptions>): CheckOptions => ({
  policy: { kind: 'default' },
  diff: undefined,
  author: 'established',
  json: true,
  ...o,
});
const koran = { kind: 'site', sitesFile: 'sites.json', site: 'koran' } as const;
const actions = (stdout: readonly string[]) => stdout.map((l) => (JSON.parse(l) as { action: string }).action);
const input = [JSON.stringify('Tarif listrik naik lagi bulan ini.'), JSON.stringify('Pejabat itu korup.'), JSON.stringify('Maling uang rakyat.')];

describe('check run', () => {
  it('applies the policy of the site picked from the sites file', () => {
    const r = runCheck(options({ policy: koran }), input, readText);
    expect(r).toMatchObject({ code: 0, stderr: [] });
    expect(actions(r.stdout)).toEqual(['publish', 'reject', 'publish']);
  });

  it('holds every comment of a new author under newAuthor.holdFirst, and none of an established one', () => {
    const held = runCheck(options({ policy: koran, author: 'new' }), input.slice(0, 1), readText);
    expect(actions(held.stdout)).toEqual(['hold']);
    expect(held.stdout[0]).toContain('"rule":"new-author"');
    expect(actions(runCheck(options({ policy: koran }), input.slice(0, 1), readText).stdout)).toEqual(['publish']);
  });

  it('lets a line’s own context override the simulated author', () => {
    const line = JSON.stringify({ text: 'Tarif listrik naik lagi bulan ini.', context: { author: { approvedCount: 5 } } });
    expect(actions(runCheck(options({ policy: koran, author: 'new' }), [line], readText).stdout)).toEqual(['publish']);
  });

  it('holds on a pre-moderated site, as the live server does', () => {
    const r = runCheck(options({ policy: { kind: 'site', sitesFile: 'sites.json', site: 'majalah' } }), input.slice(0, 1), readText);
    expect(actions(r.stdout)).toEqual(['hold']);
  });

  it('answers an unknown site with the ids that exist, exit code 2', () => {
    expect(runCheck(options({ policy: { ...koran, site: 'tabloid' } }), input, readText)).toEqual({
      stdout: [],
      stderr: ['sites.json: no site "tabloid"; the sites are: koran, majalah, rusak'],
      code: 2,
    });
  });

  it('lists every error of the site’s invalid policy', () => {
    const r = runCheck(options({ policy: { ...koran, site: 'rusak' } }), input, readText);
    expect(r.code).toBe(2);
    expect([...r.stderr].sort()).toEqual([
      expect.stringMatching(/^sites\.json: sites\.2\.moderation\.length\.min: /),
      'sites.json: sites.2.moderation.links.maximum: unknown key',
    ]);
  });

  it('diffs the site’s policy against the same site in another sites file', () => {
    const r = runCheck(options({ policy: koran, diff: 'sites-next.json' }), input, readText);
    expect(r.stdout[0]).toContain('publish → reject');
    expect(r.stdout.at(-1)).toBe('1 of 3 verdicts change.');
  });

  it('diffs the site’s policy against a bare policy file', () => {
    const r = runCheck(options({ policy: koran, diff: 'strict.json', author: 'new' }), input, readText);
    expect(r.stdout.at(-1)).toBe('1 of 3 verdicts change.');
    expect(r.stdout[0]).toContain('reject → hold');
  });

  it('refuses a sites file given as a bare policy, and a missing file', () => {
    expect(runCheck(options({ policy: { kind: 'file', path: 'sites.json' } }), input, readText).stderr).toEqual([
      'sites.json: is a sites file; name the site with --sites-file sites.json --site ID',
    ]);
    expect(runCheck(options({ policy: { kind: 'file', path: 'nope.json' } }), input, readText)).toEqual({
      stdout: [],
      stderr: ['nope.json: cannot read: ENOENT'],
      code: 2,
    });
  });
});
