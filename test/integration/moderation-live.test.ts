/**
 * Moderation live both ways, on a real server over both stores: a held comment reaches every
 * open console at once, a moderator's decision reaches every open page, the author and the
 * other consoles at once, an offline reader catches up through thread:resync, and two
 * moderators deciding one comment at the same moment never both win.
 */
import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../../protocol/moderation.ts';
import { threadEventsOf, untilThreadEvent } from '../support/event-recorder.ts';
import { RINA, useModerationFixture } from '../support/moderation-fixture.ts';
import { moderate, moderateOk } from '../support/moderator-client.ts';
import { request } from '../support/reader-client.ts';
import { STORE_KINDS } from '../support/stores.ts';
import { moderationSettings } from '../support/test-app.ts';

const PAGE = '/2025/03/nikel-live/';

describe.each(STORE_KINDS)('moderation live on the %s store', (kind) => {
  const fx = useModerationFixture(kind, {
    moderation: { demo: moderationSettings({ newAuthor: { holdFirst: 1 }, duplicate: { enabled: false }, velocity: { enabled: false } }) },
  });

  it('shows a held comment on every console with its reasons and author, and an approval reaches the pages, the author and the other console', async () => {
    const dewi = await fx.console();
    const rina = await fx.console(RINA);
    const author = await fx.watching(PAGE);
    const other = await fx.watching(PAGE);

    const ack = await author.post('Smelter baru semoga menyerap tenaga kerja lokal.', 'Budi');
    expect(ack.ok && ack.data.comment.status).toBe('pending');
    if (!ack.ok) return;
    const id = ack.data.comment.id;

    const [seenByDewi, seenByRina] = await Promise.all([dewi, rina].map((c) => c.events.until('queue:added', (e) => e.item.comment.id === id)));
    for (const added of [seenByDewi, seenByRina]) {
      expect(added?.queue).toBe('pending');
      expect(added?.item.reasons.map((r) => r.rule)).toEqual(['new-author']);
      expect(added?.item.reasons[0]?.message.en).toMatch(/first 1 comment/);
      expect(added?.item.author).toMatchObject({ authorId: author.authorId, name: 'Budi', approvedCount: 0, trusted: false });
      expect(added?.item.pageUrl).toBe(`https://berita.example${PAGE}`);
    }
    await dewi.events.until('queue:counts', (c) => c.pending === 1);
    const item = seenByDewi?.item as QueueItem;

    const decided = await moderateOk(dewi.socket, 'queue:decide', { page: PAGE, id, revision: item.revision, action: 'approve' });
    expect(decided.item.comment.status).toBe('published');
    expect(decided.item.decision).toMatchObject({ action: 'approve', by: 'dewi@example.com' });
    expect(decided.item.revision).not.toBe(item.revision);

    const created = await untilThreadEvent(other.events, (e) => e.type === 'comment:created' && e.comment.id === id);
    expect(created).toMatchObject({ type: 'comment:created', page: PAGE, seq: other.seq + 1, count: 1 });
    expect(threadEventsOf(other.events, PAGE).map((e) => e.seq)).toEqual([other.seq + 1]);
    expect(await author.events.until('comment:status')).toEqual({ id, page: PAGE, status: 'published' });

    const resolved = await rina.events.until('queue:resolved', (e) => e.id === id);
    expect(resolved).toMatchObject({ queue: 'pending', page: PAGE, decision: { action: 'approve', by: 'dewi@example.com' } });
    const approvedOnRina = await rina.events.until('queue:added', (e) => e.queue === 'approved' && e.item.comment.id === id);
    expect(approvedOnRina.item.revision).toBe(decided.item.revision);
    for (const c of [dewi, rina]) {
      expect(await c.events.until('queue:counts', (n) => n.pending === 0 && n.approved === 1)).toMatchObject({ reported: 0, rejected: 0 });
    }
    // The comment's author is now known to the rules: published directly.
    const next = await author.post('Dan semoga limbahnya diawasi dengan ketat.', 'Budi');
    expect(next.ok && next.data.comment.status).toBe('published');
  });

  it('takes a published comment back from Approved: every open page drops it and an offline reader learns it through thread:resync', async () => {
    const dewi = await fx.console();
    const rina = await fx.console(RINA);
    const author = await fx.watching(PAGE);
    const ack = await author.post('Data produksi nikel tahun lalu mohon dibuka.', 'Budi');
    if (!ack.ok) throw new Error(ack.error.message);
    const id = ack.data.comment.id;
    const held = await dewi.events.until('queue:added', (e) => e.item.comment.id === id);
    const approved = await moderateOk(dewi.socket, 'queue:decide', { page: PAGE, id, revision: held.item.revision, action: 'approve' });

    const open = await fx.watching(PAGE);
    const offline = await fx.watching(PAGE);
    expect(open.seq).toBe(offline.seq);
    offline.socket.disconnect();

    const rejected = await moderateOk(rina.socket, 'queue:decide', {
      page: PAGE,
      id,
      revision: approved.item.revision,
      action: 'reject',
      reason: 'Misinformation',
    });
    expect(rejected.item.comment.status).toBe('rejected');
    expect(rejected.item.decision).toMatchObject({ action: 'reject', by: 'rina@example.com', reason: 'Misinformation' });

    for (const reader of [open, author]) {
      const deleted = await untilThreadEvent(reader.events, (e) => e.type === 'comment:deleted');
      expect(deleted).toEqual({ type: 'comment:deleted', page: PAGE, seq: open.seq + 1, id, count: 0 });
    }
    expect(await author.events.until('comment:status', (s) => s.status === 'rejected')).toEqual({ id, page: PAGE, status: 'rejected' });
    const moved = await dewi.events.until('queue:resolved', (e) => e.id === id && e.queue === 'approved');
    expect(moved.decision).toMatchObject({ action: 'reject', by: 'rina@example.com' });
    await dewi.events.until('queue:added', (e) => e.queue === 'rejected' && e.item.comment.id === id);
    await dewi.events.until('queue:counts', (n) => n.approved === 0 && n.rejected === 1);

    const back = await fx.reader({ token: offline.token });
    const resync = await request(back, 'thread:resync', { page: PAGE, afterSeq: offline.seq });
    expect(resync.ok && resync.data).toEqual({
      events: [{ type: 'comment:deleted', page: PAGE, seq: offline.seq + 1, id, count: 0 }],
      seq: offline.seq + 1,
      reset: false,
    });
    const joined = await request(back, 'thread:join', { page: PAGE });
    expect(joined.ok && joined.data.comments.map((c) => c.id)).toEqual([]);
  });

  it('lets exactly one of two moderators deciding the same comment at the same moment win, and names the winner to the other', async () => {
    const dewi = await fx.console();
    const rina = await fx.console(RINA);
    const emailOf = { dewi: 'dewi@example.com', rina: 'rina@example.com' } as const;
    for (let round = 0; round < 6; round += 1) {
      const author = await fx.watching(PAGE);
      const ack = await author.post(`Komentar pertama pembaca nomor ${round}.`, `Pembaca ${round}`);
      if (!ack.ok) throw new Error(ack.error.message);
      const id = ack.data.comment.id;
      const held = await dewi.events.until('queue:added', (e) => e.item.comment.id === id);
      const ref = { page: PAGE, id, revision: held.item.revision };
      // Alternate who approves, so neither side wins by always sending first.
      const [approver, rejecter] = round % 2 === 0 ? (['dewi', 'rina'] as const) : (['rina', 'dewi'] as const);
      const sockets = { dewi: dewi.socket, rina: rina.socket };
      const [approve, reject] = await Promise.all([
        moderate(sockets[approver], 'queue:decide', { ...ref, action: 'approve' }),
        moderate(sockets[rejecter], 'queue:decide', { ...ref, action: 'reject', reason: 'Spam' }),
      ]);
      const outcomes = [
        { who: approver, action: 'approve' as const, result: approve },
        { who: rejecter, action: 'reject' as const, result: reject },
      ];
      const winners = outcomes.filter((o) => o.result.ok);
      expect(winners, `round ${round}`).toHaveLength(1);
      const [winner] = winners;
      const loser = outcomes.find((o) => !o.result.ok);
      if (!winner || !loser || loser.result.ok) return;
      expect(loser.result.error.code).toBe('ALREADY_DECIDED');
      expect(loser.result.error.decided).toMatchObject({ action: winner.action, by: emailOf[winner.who] });
      const stored = await fx.opened.store.getComment('demo', PAGE, id);
      expect(stored?.status).toBe(winner.action === 'approve' ? 'published' : 'rejected');
      expect(stored?.decision?.action).toBe(winner.action);
      expect(stored?.decision?.moderatorId).toBe(winner.who === 'dewi' ? 'mod-dewi' : 'mod-rina');
    }
    const audit = await moderateOk(dewi.socket, 'audit:list', { cursor: null, limit: 50 });
    expect(audit.entries.filter((e) => e.action === 'approve' || e.action === 'reject')).toHaveLength(6);
  });
});
