/**
 * Configuration errors in one round (issue 9): the real server, started as `npm start` does,
 * with bad settings and a SITES_FILE holding several different problems, prints every one of
 * them in one stderr and exits 2; a good SITES_FILE is served, one log line per site.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('configuration errors at start-up', () => {
  const dirs: string[] = [];
  const started: ChildServer[] = [];
  afterEach(async () => {
    for (const s of started.splice(0)) await s.cleanup();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  function sitesFile(json: unknown): string {
    const dir = mkdtempSync(join(tmpdir(), 'rembuk-sites-'));
    dirs.push(dir);
    const file = join(dir, 'sites.json');
    writeFileSync(file, JSON.stringify(json));
    return file;
  }

  it('reports bad settings, origins without a scheme, bad policies, bad ids and duplicate ids together, and exits 2', () => {
    const file = sitesFile({
      sites: [
        { id: 'situs-energi', name: 'Situs Energi', origins: ['situsenergi.com', 'https://www.situsenergi.com'] },
        { id: 'berita', name: 'Berita', origins: ['https://berita.example'], moderation: { links: { max: 'two' }, colour: 'red' } },
        { id: 'situs-energi', name: 'Situs Energi lagi', origins: ['https://lagi.example'] },
        { id: 'Not An Id', name: 'X', origins: [] },
      ],
    });
    const dataDir = mkdtempSync(join(tmpdir(), 'rembuk-data-'));
    dirs.push(dataDir);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, SITES_FILE: file, DATA_DIR: dataDir, PORT: 'eighty', LOG_LEVEL: 'loud', LOG_FORMAT: 'json' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toBe('Rembuk cannot start; fix these settings:');
    expect(lines.slice(1).map((l) => l.trim())).toEqual([
      expect.stringMatching(/^PORT: /),
      expect.stringMatching(/^LOG_LEVEL: /),
      `SITES_FILE ${file}: sites.0.origins.0: "situsenergi.com" is not an origin: give its scheme, e.g. https://situsenergi.com`,
      expect.stringMatching(new RegExp(`^SITES_FILE ${file}: sites\\.1\\.moderation\\.links\\.max: `)),
      `SITES_FILE ${file}: sites.1.moderation.colour: unknown key`,
      `SITES_FILE ${file}: sites.2.id: "situs-energi" is already the id of sites.0`,
      expect.stringMatching(new RegExp(`^SITES_FILE ${file}: sites\\.3\\.id: must be lower-case letters`)),
    ]);
  });

  it('says a SITES_FILE that is missing or not JSON beside the other problems', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rembuk-sites-'));
    dirs.push(dir);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"sites": [');
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dir, ...env },
        encoding: 'utf8',
        timeout: 20_000,
      });
    const missing = run({ SITES_FILE: join(dir, 'nowhere.json'), RATE_LIMIT_POSTS_PER_MINUTE: '-1' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/RATE_LIMIT_POSTS_PER_MINUTE: [\s\S]*SITES_FILE .*nowhere\.json: cannot be read \(ENOENT\)/);
    const notJson = run({ SITES_FILE: broken });
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toMatch(/SITES_FILE .*broken\.json: is not JSON/);
  });

  it('serves the sites of a good SITES_FILE and logs each with its origins', async () => {
    const file = sitesFile({
      sites: [
        { id: 'situs-energi', name: 'Situs Energi', origins: ['https://SitusEnergi.com/', 'https://www.situsenergi.com'] },
        { id: 'berita', name: 'Berita', origins: ['https://berita.example'] },
      ],
    });
    const server = await startChildServer({ env: { SITES_FILE: file } });
    started.push(server);
    const serving = server.logs.filter((l) => l['msg'] === 'serving site');
    // The demo site first (it is always there), then the stored ones by id.
    expect(serving.map((l) => [l['site'], l['origins']])).toEqual([
      ['demo', [server.url, expect.stringMatching(/^http:\/\/localhost:\d+$/)]],
      ['berita', ['https://berita.example']],
      ['situs-energi', ['https://situsenergi.com', 'https://www.situsenergi.com']],
    ]);
    const res = await fetch(`${server.url}/api/v1/threads/situs-energi/${encodeURIComponent('/a/')}`, {
      headers: { origin: 'https://situsenergi.com' },
    });
    expect(res.status).toBe(200);
  });
});
