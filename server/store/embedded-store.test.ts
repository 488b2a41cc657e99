import { mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmbeddedStore } from './embedded-store.ts';
import { describeCommentStoreContract } from './store.contract.ts';
import type { CommentStore } from './types.ts';

describeCommentStoreContract('embedded', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'rembuk-embedded-'));
  let current: CommentStore = await createEmbeddedStore({ dataDir });
  return {
    get store() {
      return current;
    },
    async reopen() {
      await current.close();
      current = await createEmbeddedStore({ dataDir });
      return current;
    },
    async cleanup() {
      await current.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

describe('embedded store journal', () => {
  const comment = (id: string) => ({
    id,
    site: 'demo',
    page: '/a',
    parentId: null,
    authorId: 'author-a',
    authorName: 'Ani',
    text: 'halo',
    status: 'published' as const,
    createdAt: 1,
    moderation: { action: 'publish' as const, reasons: [] },
  });

  it('skips a torn last line with a warning, starts, and appends cleanly after it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'rembuk-torn-'));
    try {
      const first = await createEmbeddedStore({ dataDir });
      await first.createComment(comment('comment-0001'), 'key-torn-1');
      await first.close();
      await appendFile(join(dataDir, 'journal.jsonl'), '{"v":1,"op":"comment.create","comm');
      const warnings: string[] = [];
      const second = await createEmbeddedStore({ dataDir, onWarning: (m) => warnings.push(m) });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/torn last line/);
      await second.createComment(comment('comment-0002'), 'key-torn-2');
      await second.close();
      const third = await createEmbeddedStore({ dataDir, onWarning: (m) => warnings.push(m) });
      const page = await third.getThreadPage('demo', '/a', { cursor: null, limit: 10 });
      expect(page.comments.map((c) => c.id)).toEqual(['comment-0002', 'comment-0001']);
      expect(warnings).toHaveLength(1);
      await third.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('writes one JSON line per acknowledged comment', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'rembuk-lines-'));
    try {
      const store = await createEmbeddedStore({ dataDir });
      await Promise.all([
        store.createComment(comment('comment-1001'), 'key-lines-1'),
        store.createComment(comment('comment-1002'), 'key-lines-2'),
      ]);
      const lines = (await readFile(join(dataDir, 'journal.jsonl'), 'utf8')).trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines.map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual([1, 2]);
      await store.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('starts on an empty data directory', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'rembuk-empty-'));
    try {
      await writeFile(join(dataDir, 'journal.jsonl'), '');
      const store = await createEmbeddedStore({ dataDir });
      expect(await store.ping()).toBe(true);
      await store.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
