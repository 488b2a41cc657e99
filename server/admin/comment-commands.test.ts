import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, STORE_KINDS, type OpenedStore } from '../../test/support/stores.ts';
import { newComment } from '../store/contract-fixtures.ts';
import type { CommentStore } from '../store/types.ts';
import { parseAdminArgs, type AdminCommand } from './admin-args.ts';
import { runAdminCommand, type AdminDeps } from './admin-commands.ts';

function command(...argv: string[]): AdminCommand {
  const parsed = parseAdminArgs(argv);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.command;
}

/** A first page, newest first, as the admin tests read threads back. */
const page = (limit: number) => ({ sort: 'newest' as const, cursor: null, limit, repliesPerRoot: 50, viewerId: null });
const DISQUS = resolve(import.meta.dirname, '../../test/fixtures/disqus-situsenergi.xml');

describe.each(STORE_KINDS)('comments commands on the %s store', (kind) => {
  const opened: OpenedStore[] = [];
  let dir: string | undefined;
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((o) => o.dispose()));
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  /** A fresh store (a test may open two: an export's source and its target), with a folder for files. */
  async function setup() {
    const fresh = await openStore(kind);
    opened.push(fresh);
    const store = fresh.store;
    dir ??= await mkdtemp(join(tmpdir(), 'rembuk-comments-'));
    const printed: string[] = [];
    const warned: string[] = [];
    const deps: AdminDeps = {
      store,
      clock: () => 1_800_000_000_000,
      newId: () => 'unused',
      newSecret: () => 'unused',
      server: { url: 'http://127.0.0.1:3000', fromPublicUrl: false },
      readPassword: () => Promise.resolve(''),
      print: (line) => printed.push(line),
      warn: (line) => warned.push(line),
      progress: null,
    };
    return { store, deps, printed, warned, dir };
  }

  async function fill(store: CommentStore) {
    await store.createComment(newComment({ site: 'demo', text: 'satu' }), 'key-io-1');
    await store.createComment(newComment({ site: 'demo', status: 'pending', moderation: { action: 'hold', reasons: [] } }), 'key-io-2');
    await store.createComment(
      newComment({ site: 'demo', page: '/b', status: 'rejected', moderation: { action: 'reject', reasons: [] } }),
      'key-io-3',
    );
    await store.createComment(newComment({ site: 'other' }), 'key-io-4');
  }

  it('exports a site to a file and imports it into a fresh store, which exports the same lines', async () => {
    const source = await setup();
    await fill(source.store);
    const file = join(source.dir, 'demo.jsonl');
    expect(await runAdminCommand(command('comments', 'export', '--site', 'demo', '--out', file), source.deps)).toBe(0);
    expect(source.printed).toEqual([`Exported 3 comments of site demo to ${file}.`]);
    const text = await readFile(file, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(3);

    const target = await setup();
    expect(await runAdminCommand(command('comments', 'import', '--site', 'demo', file), target.deps)).toBe(0);
    expect(target.printed).toEqual(['Imported 3 comments; 0 already there (left as they were); 0 skipped.']);
    expect(target.warned[0]).toMatch(/^Note: no site has the id demo yet/);
    const again = join(target.dir, 'again.jsonl');
    await runAdminCommand(command('comments', 'export', '--site', 'demo', '--out', again), target.deps);
    expect(await readFile(again, 'utf8')).toBe(text);

    target.printed.length = 0;
    expect(await runAdminCommand(command('comments', 'import', '--site', 'demo', file), target.deps)).toBe(0);
    expect(target.printed).toEqual(['Imported 0 comments; 3 already there (left as they were); 0 skipped.']);
  });

  it('skips bad JSON, another site’s comment and an invalid record, naming each line and why, and imports the rest', async () => {
    const { deps, printed, dir, store } = await setup();
    const good = newComment({ site: 'demo' });
    const file = join(dir, 'mixed.jsonl');
    await writeFile(
      file,
      [
        JSON.stringify(good),
        '{"id": "broken"',
        JSON.stringify(newComment({ site: 'other' })),
        JSON.stringify({ ...newComment({ site: 'demo' }), status: 'lost' }),
        '',
        JSON.stringify({ ...newComment({ site: 'demo' }), extra: 1 }),
      ].join('\n'),
    );
    expect(await runAdminCommand(command('comments', 'import', '--site', 'demo', file), deps)).toBe(1);
    expect(printed[0]).toBe('Imported 1 comments; 0 already there (left as they were); 4 skipped.');
    expect(printed[1]).toMatch(/^ {2}line 2: bad JSON \(/);
    expect(printed[2]).toBe('  line 3: wrong site (a comment of site "other", not "demo")');
    expect(printed[3]).toMatch(/^ {2}line 4: invalid record \(status: /);
    expect(printed[4]).toMatch(/^ {2}line 6: invalid record \(.*extra/);
    expect(await store.getComment('demo', good.page, good.id)).toEqual(good);
  });

  it('imports an export written before replies had roots: each reply placed from its parent’s chain', async () => {
    const { deps, dir, store } = await setup();
    const before0021 = (over: Record<string, unknown>) => {
      const {
        rootId: _r,
        depth: _d,
        replyTo: _t,
        authorKind: _k,
        avatarUrl: _a,
        editedAt: _e,
        likes: _l,
        replyCount: _c,
        ...old
      } = newComment({
        site: 'demo',
        page: '/lama',
        ...over,
      });
      return JSON.stringify(old);
    };
    const file = join(dir, 'old.jsonl');
    await writeFile(
      file,
      [
        before0021({ id: 'old-top-1', authorName: 'Ani', createdAt: 1 }),
        before0021({ id: 'old-rep-1', parentId: 'old-top-1', authorName: 'Budi', createdAt: 2 }),
        before0021({ id: 'old-rep-2', parentId: 'old-rep-1', authorName: 'Citra', createdAt: 3 }),
      ].join('\n'),
    );
    expect(await runAdminCommand(command('comments', 'import', '--site', 'demo', file), deps)).toBe(0);
    expect(await store.getComment('demo', '/lama', 'old-rep-2')).toMatchObject({
      rootId: 'old-top-1',
      depth: 2,
      replyTo: 'Budi',
      likes: 0,
      editedAt: null,
      authorKind: 'anonymous',
      avatarUrl: null,
    });
    expect(await store.getComment('demo', '/lama', 'old-rep-1')).toMatchObject({ rootId: 'old-top-1', depth: 1, replyTo: 'Ani' });
    expect(await store.getComment('demo', '/lama', 'old-top-1')).toMatchObject({ rootId: null, depth: 0, replyTo: null });
  });

  it('imports a Disqus export: threads as pages, authors, dates and replies; spam, orphans and bad dates skipped and why', async () => {
    const { deps, printed, store } = await setup();
    expect(await runAdminCommand(command('comments', 'import-disqus', '--site', 'situs-energi', DISQUS), deps)).toBe(0);
    expect(printed).toEqual([
      'Imported 4 Disqus posts; 0 already there (left as they were); 4 skipped.',
      '  post 9004: marked spam in Disqus',
      '  post 9007: its date "kemarin" is not a date',
      '  post 9008: its thread 7999 is not in the export',
      '  post 9005: deleted in Disqus (no reply under it is kept)',
    ]);
    const nikel = await store.getThreadPage('situs-energi', 'https://situsenergi.com/2024/05/hilirisasi-nikel', page(10));
    expect(nikel.count).toBe(2);
    expect(nikel.comments.map((c) => [c.id, c.parentId, c.authorName, c.text, new Date(c.createdAt).toISOString(), c.replyCount])).toEqual([
      [
        'disqus-9001',
        null,
        'Budi Santoso',
        'Hilirisasi perlu standar lingkungan yang **jelas**.\n\nBaca laporan ESDM (https://esdm.go.id/laporan) dulu.',
        '2024-05-01T02:00:00.000Z',
        1,
      ],
    ]);
    // The deleted post stays as a tombstone, so Citra's reply keeps its place under it, in Budi's conversation.
    expect(nikel.replies.map((c) => [c.id, c.parentId, c.rootId, c.depth, c.status])).toEqual([
      ['disqus-9002', 'disqus-9001', 'disqus-9001', 1, 'deleted'],
      ['disqus-9003', 'disqus-9002', 'disqus-9001', 2, 'published'],
    ]);
    expect(await store.getComment('situs-energi', 'https://situsenergi.com/2024/05/hilirisasi-nikel', 'disqus-9002')).toMatchObject({
      status: 'deleted',
      text: '',
      parentId: 'disqus-9001',
      replyTo: 'Budi Santoso',
    });
    const reply = await store.getComment('situs-energi', 'https://situsenergi.com/2024/05/hilirisasi-nikel', 'disqus-9003');
    expect(reply).toMatchObject({
      status: 'published',
      parentId: 'disqus-9002',
      authorName: 'Citra',
      text: 'Setuju, Pak Budi & tim.',
      createdAt: Date.parse('2024-05-01T04:00:00.000Z'),
      likes: 0,
      editedAt: null,
      authorKind: 'anonymous',
    });
    expect(reply?.authorId).toMatch(/^disqus-guest-[0-9a-f]{16}$/);
    const bbm = await store.getThreadPage('situs-energi', 'https://situsenergi.com/2024/06/harga-bbm', page(10));
    expect(bbm.comments.map((c) => [c.authorId, c.text])).toEqual([['disqus-budisantoso', 'Harga naik lagi?\nSemoga subsidi tepat sasaran.']]);
    expect((await store.getAuthorHistory('situs-energi', 'disqus-budisantoso')).approvedCount).toBe(2);

    printed.length = 0;
    await runAdminCommand(command('comments', 'import-disqus', '--site', 'situs-energi', DISQUS), deps);
    expect(printed[0]).toBe('Imported 0 Disqus posts; 4 already there (left as they were); 4 skipped.');
  });

  it('names a thread by its link’s path or its identifier when asked', async () => {
    const { deps, store, printed } = await setup();
    await runAdminCommand(command('comments', 'import-disqus', '--site', 'a', DISQUS, '--page-from', 'path'), deps);
    expect((await store.getThreadPage('a', '/2024/05/hilirisasi-nikel', page(5))).count).toBe(2);
    await runAdminCommand(command('comments', 'import-disqus', '--site', 'b', DISQUS, '--page-from', 'identifier'), deps);
    expect((await store.getThreadPage('b', 'nikel-2024', page(5))).count).toBe(2);
    expect(printed).toContain('  post 9006: its thread\'s identifier "" is not a page id (1 to 200 URL characters)');
  });
});
