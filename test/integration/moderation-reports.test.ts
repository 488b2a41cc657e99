/**
 * Readers' reports on a real server over both stores: the first report puts a published comment
 * in Reported on every console, one reader counts once, enough distinct readers hide it from
 * every page, and a moderator's decision from Reported republishes or removes it (0016).
 */
import { describe, expect, it } from 'vitest';
import { threadEventsOf, untilThreadEvent } from '../support/event-recorder.ts';
import { useModerationFixture, type WatchingReader } from '../support/moderation-fixture.ts';
import { moderateOk } from '../support/moderator-client.ts';
import { request } from '../support/reader-client.ts';
import { STORE_KINDS } from '../support/stores.ts';

const PAGE = '/2025/03/laporan/';

describe.each(STORE_KINDS)('readers’ reports on the %s store', (kind) => {
  const fx = useModerationFixture(kind);

  /** A published comment by its own author, and three other readers on the page. */
  async function publishedWithReaders() {
    const author = await fx.watching(PAGE);
    const ack = await author.post('Menurut saya proyek ini akan merugikan warga sekitar.', 'Sari');
    if (!ack.ok || ack.data.comment.status !== 'published') throw new Error(`not published: ${JSON.stringify(ack)}`);
    const readers = [await fx.watching(PAGE), await fx.watching(PAGE), await fx.watching(PAGE)];
    return { author, readers, id: ack.data.comment.id };
  }
  const report = (reader: WatchingReader, id: string, reason: 'spam' | 'abuse' | 'off_topic' | 'other' = 'abuse', note?: string) =>
    request(reader.socket, 'comment:report', { page: PAGE, id, reason, ...(note !== undefined ? { note } : {}) });

  it('puts a comment in Reported at the first report, counts a reader once, and hides it from every page at the third reader', async () => {
    const dewi = await fx.console();
    const { author, readers, id } = await publishedWithReaders();
    const [first, second, third] = readers;
    if (!first || !second || !third) return;

    expect(await report(first, id, 'abuse', 'Menghina warga')).toEqual({ ok: true, data: { first: true } });
    const entered = await dewi.events.until('queue:added', (e) => e.queue === 'reported' && e.item.comment.id === id);
    expect(entered.item.comment.status).toBe('published');
    expect(entered.item.reports).toEqual([{ reason: 'abuse', note: 'Menghina warga', at: expect.any(Number) }]);
    expect(entered.item.author).toMatchObject({ authorId: author.authorId, name: 'Sari' });
    await dewi.events.until('queue:counts', (c) => c.reported === 1);

    expect(await report(first, id, 'spam')).toEqual({ ok: true, data: { first: false } });
    expect(await report(second, id, 'spam')).toEqual({ ok: true, data: { first: true } });
    await dewi.events.until('queue:added', (e) => e.queue === 'reported' && e.item.reports.length === 2);
    expect(threadEventsOf(third.events, PAGE)).toEqual([]);

    expect(await report(third, id, 'abuse')).toEqual({ ok: true, data: { first: true } });
    for (const reader of [author, first, second, third]) {
      const deleted = await untilThreadEvent(reader.events, (e) => e.type === 'comment:deleted');
      expect(deleted).toEqual({ type: 'comment:deleted', page: PAGE, seq: third.seq + 1, id, count: 0 });
    }
    const hidden = await dewi.events.until('queue:added', (e) => e.queue === 'reported' && e.item.reports.length === 3);
    expect(hidden.item.comment.status).toBe('pending');
    const stored = await fx.opened.store.getComment('demo', PAGE, id);
    expect(stored?.status).toBe('pending');
    expect(stored?.reports).toHaveLength(3);
    const fresh = await fx.joined(PAGE);
    expect(fresh.snapshot.comments.map((c) => c.id)).toEqual([]);
    // Still one Reported item, not three.
    const listed = await moderateOk(dewi.socket, 'queue:list', { queue: 'reported', order: 'newest', cursor: null });
    expect(listed.items.map((i) => i.comment.id)).toEqual([id]);
    expect(listed.counts).toMatchObject({ reported: 1, pending: 0 });
  });

  it('republishes a comment hidden by reports when a moderator approves it from Reported', async () => {
    const dewi = await fx.console();
    const { readers, id } = await publishedWithReaders();
    for (const reader of readers) expect((await report(reader, id)).ok).toBe(true);
    const hidden = await dewi.events.until('queue:added', (e) => e.queue === 'reported' && e.item.reports.length === 3);
    const watcher = await fx.watching(PAGE);

    const decided = await moderateOk(dewi.socket, 'queue:decide', { page: PAGE, id, revision: hidden.item.revision, action: 'approve' });
    expect(decided.item.comment.status).toBe('published');
    expect(decided.item.reports).toEqual([]);
    const created = await untilThreadEvent(watcher.events, (e) => e.type === 'comment:created');
    expect(created).toMatchObject({ type: 'comment:created', page: PAGE, seq: watcher.seq + 1, count: 1, comment: { id } });
    expect(await dewi.events.until('queue:resolved', (e) => e.id === id)).toMatchObject({ queue: 'reported', decision: { action: 'approve' } });
    await dewi.events.until('queue:counts', (c) => c.reported === 0 && c.approved === 1);
    const fresh = await fx.joined(PAGE);
    expect(fresh.snapshot.comments.map((c) => c.id)).toEqual([id]);
  });

  it('removes a reported comment from every page when a moderator rejects it from Reported', async () => {
    const dewi = await fx.console();
    const { author, readers, id } = await publishedWithReaders();
    const [first] = readers;
    if (!first) return;
    expect((await report(first, id, 'spam')).ok).toBe(true);
    const reported = await dewi.events.until('queue:added', (e) => e.queue === 'reported' && e.item.comment.id === id);

    const decided = await moderateOk(dewi.socket, 'queue:decide', {
      page: PAGE,
      id,
      revision: reported.item.revision,
      action: 'reject',
      reason: 'Spam',
    });
    expect(decided.item.comment.status).toBe('rejected');
    for (const reader of [author, ...readers]) {
      expect(await untilThreadEvent(reader.events, (e) => e.type === 'comment:deleted')).toMatchObject({ id, count: 0, seq: first.seq + 1 });
    }
    expect(await author.events.until('comment:status')).toEqual({ id, page: PAGE, status: 'rejected' });
    await dewi.events.until('queue:counts', (c) => c.reported === 0 && c.rejected === 1);
    // A rejected comment can no longer be reported.
    const second = readers[1];
    if (second) expect(await report(second, id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
