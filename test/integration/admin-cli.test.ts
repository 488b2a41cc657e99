/**
 * `npm run admin` as a site owner runs it: a separate process on the same DATA_DIR (or
 * REDIS_URL) as a running server, with the password piped in or generated; sites added,
 * changed and removed are served (or refused) by the running server within its refresh.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { deleteRedisKeys } from '../support/stores.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function admin(env: Record<string, string>, args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/admin/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    ...(input === undefined ? { stdio: ['ignore', 'pipe', 'pipe'] } : { input }),
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

// Each admin command is a process of its own (node and tsx start in about a second, more on a
// loaded machine): a test that runs several beside a server gets a minute.
describe('the admin command beside a running server', () => {
  const started: ChildServer[] = [];
  afterEach(async () => {
    for (const s of started.splice(0)) await s.cleanup();
  });

  it.each([
    ['embedded', () => ({})],
    ['redis', () => ({ REDIS_URL: inject('redisUrl'), REDIS_PREFIX: `admin-${randomUUID()}` })],
  ] as const)(
    'adds, lists, re-passwords and removes moderators while the server runs (%s store)',
    async (_kind, makeEnv) => {
      const storeEnv: Record<string, string> = makeEnv();
      const server = await startChildServer({ env: storeEnv });
      started.push(server);
      const env = { ...storeEnv, DATA_DIR: server.dataDir };

      const piped = admin(env, ['moderator', 'add', '--email', 'Dewi@Example.com', '--site', 'demo'], 'kata-sandi-dewi-123\n');
      expect(piped).toMatchObject({ code: 0, out: 'Added dewi@example.com (moderator of demo).\n' });
      const generated = admin(env, ['moderator', 'add', '--email', 'boss@example.com', '--admin', '--generate-password']);
      expect(generated.code).toBe(0);
      expect(generated.out).toMatch(/^Added boss@example.com \(admin of every site\)\.\nPassword \(shown once, store it now\): [\w-]{24}\n$/);

      const listed = admin(env, ['moderator', 'list']);
      expect(listed.code).toBe(0);
      // The first is the account a fresh install makes for its one-time sign-in link.
      expect(listed.out.trim().split('\n')).toEqual([
        expect.stringMatching(/^admin@rembuk.local \(admin of every site\), added \d{4}-\d\d-\d\d$/),
        expect.stringMatching(/^boss@example.com \(admin of every site\), added \d{4}-\d\d-\d\d$/),
        expect.stringMatching(/^dewi@example.com \(moderator of demo\), added \d{4}-\d\d-\d\d$/),
      ]);
      expect(admin(env, ['moderator', 'passwd', '--email', 'dewi@example.com'], 'kata-sandi-baru-456\n')).toMatchObject({
        code: 0,
        out: 'New password set for dewi@example.com; 0 sessions signed out.\n',
      });
      expect(admin(env, ['moderator', 'remove', '--email', 'boss@example.com']).code).toBe(0);
      expect(admin(env, ['moderator', 'list']).out).not.toContain('boss@');

      // The server kept running throughout and still answers.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      if (storeEnv['REDIS_URL'] && storeEnv['REDIS_PREFIX']) await deleteRedisKeys(storeEnv['REDIS_URL'], storeEnv['REDIS_PREFIX']);
    },
    60_000,
  );

  it.each([
    ['embedded', () => ({})],
    ['redis', () => ({ REDIS_URL: inject('redisUrl'), REDIS_PREFIX: `admin-${randomUUID()}` })],
  ] as const)(
    'adds, changes and removes a site while the server runs, which serves it within seconds (%s store)',
    async (_kind, makeEnv) => {
      const storeEnv: Record<string, string> = makeEnv();
      const server = await startChildServer({ env: { ...storeEnv, SITES_REFRESH_MS: '200' } });
      started.push(server);
      const env = { ...storeEnv, DATA_DIR: server.dataDir, PUBLIC_URL: 'https://komentar.situsenergi.com' };
      const thread = (origin: string) =>
        fetch(`${server.url}/api/v1/threads/situs-energi/${encodeURIComponent('/berita/')}`, { headers: { origin } }).then(async (res) => ({
          status: res.status,
          code: ((await res.json()) as { error?: { code?: string } }).error?.code ?? null,
        }));
      const refused = { status: 403, code: 'ORIGIN_NOT_ALLOWED' };
      expect(await thread('https://situsenergi.com')).toEqual(refused);

      const added = admin(env, ['site', 'add', '--name', 'Situs Energi', '--origin', 'https://situsenergi.com']);
      expect(added.code).toBe(0);
      const secret = /SSO secret .*: ([\w-]{43})$/m.exec(added.out)?.[1];
      expect(secret).toBeDefined();
      expect(added.out).toContain(
        '\n  <script src="https://komentar.situsenergi.com/embed.js" data-site="situs-energi" async></script>\n  <rembuk-thread></rembuk-thread>\n',
      );
      await expect.poll(() => thread('https://situsenergi.com'), { timeout: 5_000 }).toEqual({ status: 200, code: null });
      await expect.poll(() => server.logs.some((l) => l['msg'] === 'serving site (added)' && l['site'] === 'situs-energi')).toBe(true);

      expect(
        admin(env, [
          'site',
          'update',
          '--id',
          'situs-energi',
          '--add-origin',
          'https://www.situsenergi.com',
          '--remove-origin',
          'https://situsenergi.com',
        ]).code,
      ).toBe(0);
      await expect.poll(() => thread('https://situsenergi.com'), { timeout: 5_000 }).toEqual(refused);
      expect(await thread('https://www.situsenergi.com')).toEqual({ status: 200, code: null });
      expect(admin(env, ['site', 'list']).out).toMatch(/^situs-energi \(Situs Energi\) on https:\/\/www\.situsenergi\.com, added \d{4}-\d\d-\d\d\n$/);
      expect(admin(env, ['site', 'show', '--id', 'situs-energi']).out).toContain(secret);

      expect(admin(env, ['site', 'add', '--name', 'Situs Energi', '--origin', 'situsenergi.com'])).toMatchObject({
        code: 2,
        err: expect.stringContaining('"situsenergi.com" is not an origin: give its scheme, e.g. https://situsenergi.com'),
      });
      expect(admin(env, ['site', 'remove', '--id', 'situs-energi']).code).toBe(0);
      await expect.poll(() => thread('https://www.situsenergi.com'), { timeout: 5_000 }).toEqual(refused);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      if (storeEnv['REDIS_URL'] && storeEnv['REDIS_PREFIX']) await deleteRedisKeys(storeEnv['REDIS_URL'], storeEnv['REDIS_PREFIX']);
    },
    60_000,
  );

  it.skipIf(spawnSync('script', ['--version']).status !== 0)('asks twice on a terminal, and refuses two different answers', async () => {
    const server = await startChildServer();
    started.push(server);
    // util-linux's script gives the command a terminal; the answers arrive typed ahead, in one chunk.
    const onTerminal = (email: string, typed: string) =>
      spawnSync('script', ['-qc', `node --import tsx server/admin/main.ts moderator add --email ${email} --site demo`, '/dev/null'], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: server.dataDir },
        input: typed,
        encoding: 'utf8',
      }).stdout;
    expect(onTerminal('tty@example.com', 'kata-sandi-tty-123\rkata-sandi-tty-123\r')).toMatch(/New password: \r?\nAgain: \r?\nAdded tty@example.com/);
    expect(onTerminal('tty2@example.com', 'kata-sandi-tty-123\rkata-sandi-lain-99\r')).toMatch(/The two passwords differ; nothing changed\./);
    expect(admin({ DATA_DIR: server.dataDir }, ['moderator', 'list']).out.trim().split('\n')).toEqual([
      expect.stringMatching(/^admin@rembuk.local /),
      expect.stringMatching(/^tty@example.com /),
    ]);
  });

  it('answers a mistyped command with its usage and exit code 2', () => {
    const run = admin({}, ['moderator', 'ad', '--email', 'a@b.co']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/Unknown command "moderator ad"[\s\S]*Usage: npm run admin -- <command>/);
  });

  it('refuses a short piped password and stores nothing', async () => {
    const server = await startChildServer();
    started.push(server);
    const env = { DATA_DIR: server.dataDir };
    expect(admin(env, ['moderator', 'add', '--email', 'a@example.com', '--site', 'demo'], 'pendek\n')).toMatchObject({ code: 1 });
    expect(admin(env, ['moderator', 'list']).out).not.toMatch(/a@example\.com/);
  });
});
