/**
 * The moderators' side of CommentStore, written once (docs/decisions/0016-moderation-transitions.md):
 * every transition of a decision, revisions, readers' reports, queue filters, authors, the audit
 * log, daily figures, site policies and sign-in links. Each implementation's test file calls
 * `describeModerationContract` with the same harness as `describeCommentStoreContract`.
 */
import { describe, expect, it } from 'vitest';
import type { ReportReason } from '../../protocol/events.ts';
import type { AuditEntry } from '../../protocol/moderation.ts';
import { freshHarness, newComment, threadQuery, UNSEEN_AUTHOR, type StoreHarness } from './contract-fixtures.ts';
import type {
  CommentStore,
  DecideOptions,
  DecideResult,
  Decision,
  ModerationRecord,
  NewComment,
  NewCommentStatus,
  QueueName,
  QueueQuery,
  StoredComment,
  StoredReport,
} from './types.ts';

const SITE = 'demo';
const PAGE = '/article';
/** 2026-03-01T10:00:00Z: a day well inside UTC, so day boundaries are the test's choice. */
const DAY_ONE = Date.UTC(2026, 2, 1, 10);
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** Links and sessions sit around the real now: a store may keep them with expiring keys. */
const NOW = Date.now();

let counter = 0;
const unique = () => `${String((counter += 1)).padStart(8, '0')}${Math.random().toString(36).slice(2, 8)}`;

const HELD: ModerationRecord = {
  action: 'hold',
  reasons: [{ rule: 'profanity', action: 'hold', message: { en: 'Profanity', id: 'Kata kasar' }, spans: [{ start: 0, end: 4 }] }],
};
const REJECTED: ModerationRecord = {
  action: 'reject',
  reasons: [{ rule: 'banned-word', action: 'reject', message: { en: 'Banned word', id: 'Kata terlarang' }, spans: [{ start: 0, end: 3 }] }],
};
const PUBLISHED: ModerationRecord = { action: 'publish', reasons: [] };

const RECORD_OF: Record<NewCommentStatus, ModerationRecord> = { published: PUBLISHED, pending: HELD, rejected: REJECTED };

/** A comment on DAY_ONE whose moderation record matches its status (held, rejected or published by the engine). */
function makeComment(over: Partial<NewComment> & { status?: NewCommentStatus } = {}): NewComment {
  return newComment({ moderation: RECORD_OF[over.status ?? 'published'], ...over }, DAY_ONE);
}

const approve = (at: number, moderatorId = 'mod-ani'): Decision => ({ action: 'approve', moderatorId, reason: null, at });
const reject = (at: number, reason: string | null = 'spam', moderatorId = 'mod-ani'): Decision => ({ action: 'reject', moderatorId, reason, at });
const options = (revision: number, moderatorEmail = 'ani@example.com'): DecideOptions => ({
  revision,
  audit: { id: `audit-${unique()}`, moderatorEmail },
});
const report = (reporterId: string, at: number, reason: ReportReason = 'spam', note: string | null = null): StoredReport => ({
  reporterId,
  reason,
  note,
  at,
});
const newest = (over: Partial<QueueQuery> = {}): QueueQuery => ({ order: 'newest', cursor: null, limit: 50, ...over });

function publicOf(comment: StoredComment) {
  const { site: _site, moderation: _moderation, decision: _decision, revision: _revision, reports: _reports, ...rest } = comment;
  return rest;
}

/** The decided comment as the store must keep it: the decision, the next revision, no open reports. */
function decided(comment: StoredComment, status: 'published' | 'rejected', decision: Decision, revision: number): StoredComment {
  const { reports: _closed, ...rest } = comment;
  return { ...rest, status, decision, revision };
}

function ok(result: DecideResult): Extract<DecideResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected the decision to succeed, got ${result.code}`);
  return result;
}

async function ids(store: CommentStore, queue: QueueName, query: Partial<QueueQuery> = {}): Promise<string[]> {
  return (await store.listQueue(SITE, queue, newest(query))).items.map((c) => c.id);
}

async function thread(store: CommentStore, page = PAGE) {
  return store.getThreadPage(SITE, page, threadQuery(100));
}

async function counts(store: CommentStore, site = SITE) {
  const { approvedCount, rejectedCount } = await store.getAuthorHistory(site, 'author-a');
  return { approvedCount, rejectedCount };
}

/** Reports a published comment until `hideAt` distinct readers have, and returns the hiding result. */
async function hide(store: CommentStore, comment: StoredComment, at: number, hideAt = 3) {
  let last: Awaited<ReturnType<CommentStore['reportComment']>> | undefined;
  for (let i = 0; i < hideAt; i += 1) last = await store.reportComment(SITE, comment.page, comment.id, report(`reader-${i}`, at + i), hideAt);
  if (!last?.ok) throw new Error('the hiding report failed');
  return last;
}

export function describeModerationContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`${name} store (moderation contract)`, () => {
    const fresh = freshHarness(open);

    async function create(store: CommentStore, over: Partial<NewComment> & { status?: NewCommentStatus } = {}): Promise<StoredComment> {
      const comment = makeComment(over);
      await store.createComment(comment, `key-${unique()}`);
      return comment;
    }

    describe('decisions (the transition table)', () => {
      it('approves a held comment: published with the next seq and a comment:created event, from pending, counted, audited', async () => {
        const { store } = await fresh();
        const before = await create(store);
        const held = await create(store, { status: 'pending' });
        const decision = approve(DAY_ONE + HOUR);
        const result = ok(
          await store.decideComment(SITE, PAGE, held.id, decision, { revision: 0, audit: { id: 'audit-1', moderatorEmail: 'ani@example.com' } }),
        );
        const after = decided(held, 'published', decision, 1);
        expect(result).toEqual({
          ok: true,
          comment: after,
          from: 'pending',
          event: { type: 'comment:created', page: PAGE, seq: 2, comment: publicOf(after), count: 2 },
          audit: {
            id: 'audit-1',
            at: decision.at,
            site: SITE,
            moderatorId: 'mod-ani',
            moderatorEmail: 'ani@example.com',
            action: 'approve',
            target: { commentId: held.id, page: PAGE, authorId: 'author-a' },
            reason: null,
            before: 'pending',
            after: 'published',
          },
        });
        expect(await store.getComment(SITE, PAGE, held.id)).toEqual(after);
        expect((await thread(store)).comments.map((c) => c.id)).toEqual([held.id, before.id]);
        expect(await ids(store, 'approved')).toEqual([held.id]);
        expect(await ids(store, 'pending')).toEqual([]);
        expect(await counts(store)).toEqual({ approvedCount: 2, rejectedCount: 0 });
      });

      it('rejects a held comment: rejected, no event, from pending, its author’s rejected count +1', async () => {
        const { store } = await fresh();
        const held = await create(store, { status: 'pending' });
        const decision = reject(DAY_ONE + HOUR, 'off-topic');
        const result = ok(await store.decideComment(SITE, PAGE, held.id, decision, options(0)));
        expect(result.comment).toEqual(decided(held, 'rejected', decision, 1));
        expect(result.event).toBeNull();
        expect(result.from).toBe('pending');
        expect(result.audit).toMatchObject({ action: 'reject', reason: 'off-topic', before: 'pending', after: 'rejected' });
        expect(await ids(store, 'rejected')).toEqual([held.id]);
        expect(await thread(store)).toMatchObject({ comments: [], count: 0, seq: 0 });
        expect(await counts(store)).toEqual({ approvedCount: 0, rejectedCount: 1 });
      });

      it('approves a reported published comment: reports closed, still published, no event, now in approved', async () => {
        const { store } = await fresh();
        const comment = await create(store);
        await store.reportComment(SITE, PAGE, comment.id, report('reader-1', DAY_ONE + 10), 3);
        const decision = approve(DAY_ONE + HOUR);
        const result = ok(await store.decideComment(SITE, PAGE, comment.id, decision, options(0)));
        expect(result.comment).toEqual(decided(comment, 'published', decision, 1));
        expect(result.event).toBeNull();
        expect(result.from).toBe('reported');
        expect(result.audit).toMatchObject({ before: 'published', after: 'published' });
        expect(await ids(store, 'reported')).toEqual([]);
        expect(await ids(store, 'approved')).toEqual([comment.id]);
        expect(await thread(store)).toMatchObject({ count: 1, seq: 1 });
        expect(await counts(store)).toEqual({ approvedCount: 1, rejectedCount: 0 });
      });

      it('rejects a reported published comment: out of the thread with a comment:deleted event, approved −1 and rejected +1', async () => {
        const { store } = await fresh();
        const other = await create(store);
        const comment = await create(store);
        await store.reportComment(SITE, PAGE, comment.id, report('reader-1', DAY_ONE + 10), 3);
        const decision = reject(DAY_ONE + HOUR);
        const result = ok(await store.decideComment(SITE, PAGE, comment.id, decision, options(0)));
        expect(result.comment).toEqual(decided(comment, 'rejected', decision, 1));
        expect(result.from).toBe('reported');
        expect(result.event).toEqual({ type: 'comment:deleted', page: PAGE, seq: 3, id: comment.id, count: 1 });
        expect((await store.readEvents(SITE, PAGE, 2, 10)).events).toEqual([result.event]);
        expect((await thread(store)).comments.map((c) => c.id)).toEqual([other.id]);
        expect(await thread(store)).toMatchObject({ count: 1, seq: 3 });
        expect(await ids(store, 'rejected')).toEqual([comment.id]);
        expect(await ids(store, 'reported')).toEqual([]);
        expect(await counts(store)).toEqual({ approvedCount: 1, rejectedCount: 1 });
      });

      it('approves a comment hidden by reports: reports closed, published again with the next seq and a comment:created event', async () => {
        const { store } = await fresh();
        const comment = await create(store);
        const hidden = await hide(store, comment, DAY_ONE + 10);
        expect(hidden.comment.revision).toBe(1);
        const decision = approve(DAY_ONE + HOUR);
        const result = ok(await store.decideComment(SITE, PAGE, comment.id, decision, options(1)));
        const after = decided(comment, 'published', decision, 2);
        expect(result.comment).toEqual(after);
        expect(result.from).toBe('reported');
        expect(result.audit).toMatchObject({ before: 'pending', after: 'published' });
        expect(result.event).toEqual({ type: 'comment:created', page: PAGE, seq: 3, comment: publicOf(after), count: 1 });
        expect((await thread(store)).comments).toEqual([after]);
        expect(await ids(store, 'approved')).toEqual([comment.id]);
        expect(await counts(store)).toEqual({ approvedCount: 1, rejectedCount: 0 });
      });

      it('rejects a comment hidden by reports: rejected with no event (it was already out of the thread), rejected +1', async () => {
        const { store } = await fresh();
        const comment = await create(store);
        await hide(store, comment, DAY_ONE + 10);
        expect(await counts(store)).toEqual({ approvedCount: 0, rejectedCount: 0 });
        const decision = reject(DAY_ONE + HOUR);
        const result = ok(await store.decideComment(SITE, PAGE, comment.id, decision, options(1)));
        expect(result.comment).toEqual(decided(comment, 'rejected', decision, 2));
        expect(result.event).toBeNull();
        expect(result.from).toBe('reported');
        expect(await thread(store)).toMatchObject({ comments: [], count: 0, seq: 2 });
        expect(await ids(store, 'rejected')).toEqual([comment.id]);
        expect(await counts(store)).toEqual({ approvedCount: 0, rejectedCount: 1 });
      });

      it('rejects an approved comment with a comment:deleted event, and answers ALREADY_DECIDED to approving it again', async () => {
        const { store } = await fresh();
        const held = await create(store, { status: 'pending' });
        const first = approve(DAY_ONE + HOUR);
        ok(await store.decideComment(SITE, PAGE, held.id, first, options(0)));
        const approvedAgain = await store.decideComment(SITE, PAGE, held.id, approve(DAY_ONE + 2 * HOUR, 'mod-budi'), options(1));
        expect(approvedAgain).toEqual({ ok: false, code: 'ALREADY_DECIDED', comment: decided(held, 'published', first, 1) });
        const second = reject(DAY_ONE + 3 * HOUR, 'abuse', 'mod-budi');
        const result = ok(await store.decideComment(SITE, PAGE, held.id, second, options(1)));
        expect(result.from).toBe('approved');
        expect(result.comment).toEqual(decided(held, 'rejected', second, 2));
        expect(result.event).toEqual({ type: 'comment:deleted', page: PAGE, seq: 2, id: held.id, count: 0 });
        expect(await ids(store, 'approved')).toEqual([]);
        expect(await ids(store, 'rejected')).toEqual([held.id]);
        expect(await counts(store)).toEqual({ approvedCount: 0, rejectedCount: 1 });
      });

      it('approves a rejected comment (an undo) with a comment:created event, and answers ALREADY_DECIDED to rejecting it again', async () => {
        const { store } = await fresh();
        const rejected = await create(store, { status: 'rejected' });
        expect(await counts(store)).toEqual({ approvedCount: 0, rejectedCount: 1 });
        const again = await store.decideComment(SITE, PAGE, rejected.id, reject(DAY_ONE + HOUR), options(0));
        expect(again).toEqual({ ok: false, code: 'ALREADY_DECIDED', comment: rejected });
        const decision = approve(DAY_ONE + 2 * HOUR);
        const result = ok(await store.decideComment(SITE, PAGE, rejected.id, decision, options(0)));
        const after = decided(rejected, 'published', decision, 1);
        expect(result.from).toBe('rejected');
        expect(result.comment).toEqual(after);
        expect(result.event).toEqual({ type: 'comment:created', page: PAGE, seq: 1, comment: publicOf(after), count: 1 });
        expect(result.audit).toMatchObject({ before: 'rejected', after: 'published' });
        expect(await ids(store, 'rejected')).toEqual([]);
        expect(await ids(store, 'approved')).toEqual([rejected.id]);
        expect(await counts(store)).toEqual({ approvedCount: 1, rejectedCount: 0 });
      });

      it('rejects a comment the engine published with a comment:deleted event, and answers ALREADY_DECIDED to approving it', async () => {
        const { store } = await fresh();
        const comment = await create(store);
        expect(await store.decideComment(SITE, PAGE, comment.id, approve(DAY_ONE + HOUR), options(0))).toEqual({
          ok: false,
          code: 'ALREADY_DECIDED',
          comment,
        });
        const decision = reject(DAY_ONE + 2 * HOUR);
        const result = ok(await store.decideComment(SITE, PAGE, comment.id, decision, options(0)));
        // It was in no queue: nothing for a console to remove.
        expect(result.from).toBeNull();
        expect(result.comment).toEqual(decided(comment, 'rejected', decision, 1));
        expect(result.event).toEqual({ type: 'comment:deleted', page: PAGE, seq: 2, id: comment.id, count: 0 });
        expect(result.audit).toMatchObject({ before: 'published', after: 'rejected' });
        expect(await ids(store, 'rejected')).toEqual([comment.id]);
        expect(await counts(store)).toEqual({ approvedCount: 0, rejectedCount: 1 });
      });

      it('answers ALREADY_DECIDED with the comment as stored to a decision on a stale revision, and changes nothing', async () => {
        const { store } = await fresh();
        const held = await create(store, { status: 'pending' });
        const first = reject(DAY_ONE + HOUR, 'spam', 'mod-ani');
        ok(await store.decideComment(SITE, PAGE, held.id, first, options(0)));
        // Budi's console still showed revision 0: his approval, which the table would allow, is refused.
        const stale = await store.decideComment(SITE, PAGE, held.id, approve(DAY_ONE + 2 * HOUR, 'mod-budi'), options(0, 'budi@example.com'));
        expect(stale).toEqual({ ok: false, code: 'ALREADY_DECIDED', comment: decided(held, 'rejected', first, 1) });
        expect(await store.decideComment(SITE, PAGE, held.id, approve(DAY_ONE + 2 * HOUR), options(7))).toMatchObject({ code: 'ALREADY_DECIDED' });
        expect(await ids(store, 'rejected')).toEqual([held.id]);
        expect(await thread(store)).toMatchObject({ count: 0, seq: 0 });
        expect((await store.listAudit(SITE, threadQuery(10))).entries).toHaveLength(1);
        expect(await counts(store)).toEqual({ approvedCount: 0, rejectedCount: 1 });
      });

      it('answers NOT_FOUND for an unknown comment or the wrong page', async () => {
        const { store } = await fresh();
        const held = await create(store, { status: 'pending' });
        expect(await store.decideComment(SITE, PAGE, 'no-such-comment', approve(1), options(0))).toEqual({ ok: false, code: 'NOT_FOUND' });
        expect(await store.decideComment(SITE, '/elsewhere', held.id, approve(1), options(0))).toEqual({ ok: false, code: 'NOT_FOUND' });
        expect(await store.decideComment('other-site', PAGE, held.id, approve(1), options(0))).toEqual({ ok: false, code: 'NOT_FOUND' });
      });

      it('lets exactly one of two decisions on the same revision at the same moment win, in every queue', async () => {
        const { store } = await fresh();
        const setups: { make: () => Promise<{ comment: StoredComment; revision: number }>; actions: [Decision['action'], Decision['action']] }[] = [
          { make: async () => ({ comment: await create(store, { status: 'pending' }), revision: 0 }), actions: ['approve', 'reject'] },
          { make: async () => ({ comment: await create(store, { status: 'pending' }), revision: 0 }), actions: ['approve', 'approve'] },
          { make: async () => ({ comment: await create(store, { status: 'rejected' }), revision: 0 }), actions: ['approve', 'approve'] },
          { make: async () => ({ comment: await create(store), revision: 0 }), actions: ['reject', 'reject'] },
          {
            make: async () => {
              const comment = await create(store);
              await hide(store, comment, DAY_ONE);
              return { comment, revision: 1 };
            },
            actions: ['approve', 'reject'],
          },
        ];
        for (let round = 0; round < 3; round += 1) {
          for (const setup of setups) {
            const { comment, revision } = await setup.make();
            const at = DAY_ONE + HOUR + round;
            const decisions = setup.actions.map((action, i) => (action === 'approve' ? approve(at, `mod-${i}`) : reject(at, null, `mod-${i}`)));
            const results = await Promise.all(decisions.map((d) => store.decideComment(SITE, PAGE, comment.id, d, options(revision))));
            const winners = results.filter((r) => r.ok);
            const losers = results.filter((r) => !r.ok);
            expect(winners).toHaveLength(1);
            expect(losers).toHaveLength(1);
            const [winner] = winners;
            const [loser] = losers;
            expect(loser).toMatchObject({ code: 'ALREADY_DECIDED' });
            if (winner?.ok && loser && !loser.ok && loser.code === 'ALREADY_DECIDED') {
              expect(loser.comment).toEqual(winner.comment);
              expect(loser.comment.revision).toBe(revision + 1);
            }
          }
        }
        // Every event the winners produced is in the log once: published count and seq agree with the queues.
        const page = await thread(store);
        const approved = (await store.queueCounts(SITE)).approved;
        expect(page.count).toBe(approved);
        const history = await store.getAuthorHistory(SITE, 'author-a');
        expect(history.approvedCount).toBe(approved);
        expect(history.approvedCount + history.rejectedCount).toBe(setups.length * 3);
        expect((await store.listAudit(SITE, threadQuery(100))).entries).toHaveLength(setups.length * 3);
      });

      it('leaves an author’s counts as if a decision had never been made when it is undone', async () => {
        const { store } = await fresh();
        await create(store);
        const held = await create(store, { status: 'pending' });
        ok(await store.decideComment(SITE, PAGE, held.id, reject(DAY_ONE + HOUR), options(0)));
        ok(await store.decideComment(SITE, PAGE, held.id, approve(DAY_ONE + 2 * HOUR), options(1)));
        expect(await counts(store)).toEqual({ approvedCount: 2, rejectedCount: 0 });
        ok(await store.decideComment(SITE, PAGE, held.id, reject(DAY_ONE + 3 * HOUR), options(2)));
        expect(await counts(store)).toEqual({ approvedCount: 1, rejectedCount: 1 });
        expect((await store.getComment(SITE, PAGE, held.id))?.revision).toBe(3);
      });
    });

    describe('reports', () => {
      it('puts a published comment in reported at its first report, keeps reports newest first, and does not bump the revision', async () => {
        const { store } = await fresh();
        const comment = await create(store);
        const first = report('reader-1', DAY_ONE + 10, 'spam', 'iklan judi');
        const one = await store.reportComment(SITE, PAGE, comment.id, first, 3);
        expect(one).toEqual({ ok: true, first: true, hidden: false, event: null, comment: { ...comment, reports: [first] } });
        const second = report('reader-2', DAY_ONE + 20, 'abuse');
        const two = await store.reportComment(SITE, PAGE, comment.id, second, 3);
        expect(two).toEqual({ ok: true, first: true, hidden: false, event: null, comment: { ...comment, reports: [second, first] } });
        expect((await store.listQueue(SITE, 'reported', newest())).items).toEqual([{ ...comment, reports: [second, first] }]);
        expect(await store.getComment(SITE, PAGE, comment.id)).toEqual({ ...comment, reports: [second, first] });
        expect(await store.queueCounts(SITE)).toEqual({ pending: 0, reported: 1, rejected: 0, approved: 0 });
        expect(await thread(store)).toMatchObject({ count: 1, seq: 1 });
        expect(await counts(store)).toEqual({ approvedCount: 1, rejectedCount: 0 });
      });

      it('takes one report per reader: a repeat answers first: false and changes nothing', async () => {
        const { store } = await fresh();
        const comment = await create(store);
        const first = report('reader-1', DAY_ONE + 10);
        await store.reportComment(SITE, PAGE, comment.id, first, 2);
        const repeat = await store.reportComment(SITE, PAGE, comment.id, report('reader-1', DAY_ONE + 20, 'abuse'), 2);
        expect(repeat).toEqual({ ok: true, first: false, hidden: false, event: null, comment: { ...comment, reports: [first] } });
        // Two reports from one reader never reach a threshold of two.
        expect((await store.getComment(SITE, PAGE, comment.id))?.status).toBe('published');
      });

      it('answers NOT_FOUND to a report of a comment that is not published or not there', async () => {
        const { store } = await fresh();
        const held = await create(store, { status: 'pending' });
        const rejected = await create(store, { status: 'rejected' });
        const published = await create(store);
        for (const id of [held.id, rejected.id, 'no-such-comment']) {
          expect(await store.reportComment(SITE, PAGE, id, report('reader-1', DAY_ONE), 3)).toEqual({ ok: false, code: 'NOT_FOUND' });
        }
        expect(await store.reportComment(SITE, '/elsewhere', published.id, report('reader-1', DAY_ONE), 3)).toEqual({ ok: false, code: 'NOT_FOUND' });
        expect(await store.queueCounts(SITE)).toEqual({ pending: 1, reported: 0, rejected: 1, approved: 0 });
      });

      it('hides a comment at the hideAt-th distinct reporter: pending, out of the thread page, one comment:deleted, revision bumped', async () => {
        const { store } = await fresh();
        const other = await create(store);
        const comment = await create(store);
        await store.reportComment(SITE, PAGE, comment.id, report('reader-1', DAY_ONE + 10), 3);
        await store.reportComment(SITE, PAGE, comment.id, report('reader-1', DAY_ONE + 11), 3);
        const second = await store.reportComment(SITE, PAGE, comment.id, report('reader-2', DAY_ONE + 12), 3);
        expect(second).toMatchObject({ ok: true, hidden: false, event: null });
        const third = await store.reportComment(SITE, PAGE, comment.id, report('reader-3', DAY_ONE + 13), 3);
        if (!third.ok) throw new Error('the third report failed');
        expect(third.first).toBe(true);
        expect(third.hidden).toBe(true);
        expect(third.event).toEqual({ type: 'comment:deleted', page: PAGE, seq: 3, id: comment.id, count: 1 });
        expect(third.comment).toMatchObject({ status: 'pending', revision: 1 });
        expect(third.comment.reports?.map((r) => r.reporterId)).toEqual(['reader-3', 'reader-2', 'reader-1']);
        expect(await store.getComment(SITE, PAGE, comment.id)).toEqual(third.comment);
        const page = await thread(store);
        expect(page.comments.map((c) => c.id)).toEqual([other.id]);
        expect(page).toMatchObject({ count: 1, seq: 3 });
        expect((await store.readEvents(SITE, PAGE, 2, 10)).events).toEqual([third.event]);
        expect(await ids(store, 'reported')).toEqual([comment.id]);
        expect(await ids(store, 'pending')).toEqual([]);
        expect(await counts(store)).toEqual({ approvedCount: 1, rejectedCount: 0 });
        // Hidden, it is no longer published: a fourth reader finds nothing, and no second event is written.
        expect(await store.reportComment(SITE, PAGE, comment.id, report('reader-4', DAY_ONE + 14), 3)).toEqual({ ok: false, code: 'NOT_FOUND' });
        expect((await thread(store)).seq).toBe(3);
      });

      it('moves an approved comment that is reported out of approved into reported', async () => {
        const { store } = await fresh();
        const held = await create(store, { status: 'pending' });
        ok(await store.decideComment(SITE, PAGE, held.id, approve(DAY_ONE + HOUR), options(0)));
        expect(await ids(store, 'approved')).toEqual([held.id]);
        await store.reportComment(SITE, PAGE, held.id, report('reader-1', DAY_ONE + 2 * HOUR), 3);
        expect(await ids(store, 'approved')).toEqual([]);
        expect(await ids(store, 'reported')).toEqual([held.id]);
        expect(await store.queueCounts(SITE)).toEqual({ pending: 0, reported: 1, rejected: 0, approved: 0 });
      });

      it('lets a decision close the reports, so the comment leaves reported', async () => {
        const { store } = await fresh();
        const comment = await create(store);
        await store.reportComment(SITE, PAGE, comment.id, report('reader-1', DAY_ONE + 10), 3);
        await store.reportComment(SITE, PAGE, comment.id, report('reader-2', DAY_ONE + 11), 3);
        const result = ok(await store.decideComment(SITE, PAGE, comment.id, approve(DAY_ONE + HOUR), options(0)));
        expect(result.comment.reports ?? []).toEqual([]);
        expect((await store.getComment(SITE, PAGE, comment.id))?.reports ?? []).toEqual([]);
        expect(await store.queueCounts(SITE)).toEqual({ pending: 0, reported: 0, rejected: 0, approved: 1 });
      });
    });

    describe('queues', () => {
      it('counts all four queues of a site, and no other site’s', async () => {
        const { store } = await fresh();
        await create(store, { status: 'pending' });
        await create(store, { status: 'pending' });
        await create(store, { status: 'rejected' });
        const reported = await create(store);
        await store.reportComment(SITE, PAGE, reported.id, report('reader-1', DAY_ONE), 3);
        const toApprove = await create(store, { status: 'pending' });
        ok(await store.decideComment(SITE, PAGE, toApprove.id, approve(DAY_ONE + HOUR), options(0)));
        await create(store);
        await create(store, { site: 'other-site', status: 'pending' });
        expect(await store.queueCounts(SITE)).toEqual({ pending: 2, reported: 1, rejected: 1, approved: 1 });
        expect(await store.queueCounts('other-site')).toEqual({ pending: 1, reported: 0, rejected: 0, approved: 0 });
        expect(await store.queueCounts('empty-site')).toEqual({ pending: 0, reported: 0, rejected: 0, approved: 0 });
      });

      it('orders the reported queue by the first report’s time', async () => {
        const { store } = await fresh();
        const early = await create(store);
        const late = await create(store);
        await store.reportComment(SITE, PAGE, late.id, report('reader-1', DAY_ONE + 100), 3);
        await store.reportComment(SITE, PAGE, early.id, report('reader-1', DAY_ONE + 200), 3);
        await store.reportComment(SITE, PAGE, late.id, report('reader-2', DAY_ONE + 300), 3);
        expect(await ids(store, 'reported')).toEqual([early.id, late.id]);
        expect(await ids(store, 'reported', { order: 'oldest' })).toEqual([late.id, early.id]);
      });

      it('filters a queue by rule, author and page, each alone and together', async () => {
        const { store } = await fresh();
        const links = { rule: 'links' as const, action: 'hold' as const, message: { en: 'Links', id: 'Tautan' }, spans: [] };
        const both: ModerationRecord = { action: 'hold', reasons: [...HELD.reasons, links] };
        const a = await create(store, { status: 'pending', moderation: both });
        const b = await create(store, { status: 'pending', authorId: 'author-b', moderation: { action: 'hold', reasons: [links] } });
        const c = await create(store, { status: 'pending', page: '/other' });
        const d = await create(store, { status: 'pending', authorId: 'author-b', page: '/other', moderation: both });
        expect(await ids(store, 'pending', { rule: 'links' })).toEqual([d.id, b.id, a.id]);
        expect(await ids(store, 'pending', { rule: 'profanity' })).toEqual([d.id, c.id, a.id]);
        expect(await ids(store, 'pending', { rule: 'gambling' })).toEqual([]);
        expect(await ids(store, 'pending', { authorId: 'author-b' })).toEqual([d.id, b.id]);
        expect(await ids(store, 'pending', { page: '/other' })).toEqual([d.id, c.id]);
        expect(await ids(store, 'pending', { page: '/other', rule: 'links' })).toEqual([d.id]);
        expect(await ids(store, 'pending', { authorId: 'author-b', rule: 'profanity' })).toEqual([d.id]);
        expect(await ids(store, 'pending', { authorId: 'author-b', page: PAGE })).toEqual([b.id]);
        expect(await ids(store, 'rejected', { authorId: 'author-b' })).toEqual([]);
      });

      it('searches the author’s name and id and the text, ignoring case', async () => {
        const { store } = await fresh();
        const byName = await create(store, { status: 'pending', authorName: 'Budi Santoso', text: 'satu' });
        const byId = await create(store, { status: 'pending', authorId: 'reader-XYZ-9', text: 'dua' });
        const byText = await create(store, { status: 'pending', text: 'Harga NIKEL naik lagi' });
        const accented = await create(store, { status: 'pending', text: 'ÉNERGIE propre' });
        await create(store, { status: 'pending', text: 'tidak ada yang cocok' });
        expect(await ids(store, 'pending', { search: 'santoso' })).toEqual([byName.id]);
        expect(await ids(store, 'pending', { search: 'xyz' })).toEqual([byId.id]);
        expect(await ids(store, 'pending', { search: 'nikel NAIK' })).toEqual([byText.id]);
        expect(await ids(store, 'pending', { search: 'énergie' })).toEqual([accented.id]);
        expect(await ids(store, 'pending', { search: 'santoso', page: '/other' })).toEqual([]);
        expect(await ids(store, 'pending', { search: '%' })).toEqual([]);
      });

      it('pages a filtered queue with cursors that neither skip nor repeat', async () => {
        const { store } = await fresh();
        const wanted: string[] = [];
        for (let i = 0; i < 25; i += 1) {
          const match = i % 2 === 0;
          // Several share a createdAt, so ties must page right too.
          const c = await create(store, { status: 'pending', createdAt: DAY_ONE + Math.floor(i / 4), text: match ? `Tambang ${i}` : `lain ${i}` });
          if (match) wanted.push(c.id);
        }
        for (const order of ['newest', 'oldest'] as const) {
          const seen: string[] = [];
          let cursor: string | null = null;
          let pages = 0;
          do {
            const result: Awaited<ReturnType<CommentStore['listQueue']>> = await store.listQueue(SITE, 'pending', {
              order,
              cursor,
              limit: 4,
              search: 'tambang',
            });
            seen.push(...result.items.map((c) => c.id));
            cursor = result.nextCursor;
            pages += 1;
          } while (cursor !== null && pages < 20);
          expect(pages).toBe(4);
          expect([...seen].sort()).toEqual([...wanted].sort());
          expect(new Set(seen).size).toBe(wanted.length);
        }
      });
    });

    describe('authors', () => {
      it('tells an author’s first comment, latest name and trust, per site', async () => {
        const { store } = await fresh();
        await create(store, { authorName: 'Ani', createdAt: DAY_ONE + 5 });
        await create(store, { authorName: 'Ani K.', createdAt: DAY_ONE + 50, status: 'pending' });
        await create(store, { authorName: 'Ani lama', createdAt: DAY_ONE + 1, page: '/other' });
        await create(store, { authorName: 'Ani di situs lain', site: 'other-site', createdAt: DAY_ONE + 99 });
        expect(await store.getAuthorHistory(SITE, 'author-a')).toMatchObject({ trusted: false, firstSeen: DAY_ONE + 1, name: 'Ani K.' });
        await store.setAuthorTrusted(SITE, 'author-a', true);
        expect(await store.getAuthorHistory(SITE, 'author-a')).toMatchObject({ trusted: true, approvedCount: 2, rejectedCount: 0 });
        expect(await store.getAuthorHistory('other-site', 'author-a')).toMatchObject({
          trusted: false,
          firstSeen: DAY_ONE + 99,
          name: 'Ani di situs lain',
        });
        await store.setAuthorTrusted(SITE, 'author-a', false);
        expect((await store.getAuthorHistory(SITE, 'author-a')).trusted).toBe(false);
      });

      it('trusts an author who has never posted, who still has no first comment and no name', async () => {
        const { store } = await fresh();
        await store.setAuthorTrusted(SITE, 'author-new', true);
        expect(await store.getAuthorHistory(SITE, 'author-new')).toEqual({ ...UNSEEN_AUTHOR, trusted: true });
      });

      it('lists an author’s comments on a site, every status, newest first, up to a limit', async () => {
        const { store } = await fresh();
        const one = await create(store, { createdAt: DAY_ONE + 1 });
        const two = await create(store, { createdAt: DAY_ONE + 2, status: 'pending', page: '/other' });
        const three = await create(store, { createdAt: DAY_ONE + 3, status: 'rejected' });
        await create(store, { createdAt: DAY_ONE + 4, authorId: 'author-b' });
        await create(store, { createdAt: DAY_ONE + 5, site: 'other-site' });
        expect(await store.listAuthorComments(SITE, 'author-a', 10)).toEqual([three, two, one]);
        expect(await store.listAuthorComments(SITE, 'author-a', 2)).toEqual([three, two]);
        expect(await store.listAuthorComments(SITE, 'nobody', 10)).toEqual([]);
      });

      it('lists a site’s latest comments of every status, newest first, up to a limit', async () => {
        const { store } = await fresh();
        const one = await create(store, { createdAt: DAY_ONE + 1, authorId: 'author-b' });
        const two = await create(store, { createdAt: DAY_ONE + 2, status: 'pending', page: '/other' });
        const three = await create(store, { createdAt: DAY_ONE + 3, status: 'rejected' });
        await create(store, { createdAt: DAY_ONE + 4, site: 'other-site' });
        expect(await store.listRecentComments(SITE, 10)).toEqual([three, two, one]);
        expect(await store.listRecentComments(SITE, 1)).toEqual([three]);
        expect(await store.listRecentComments('empty-site', 10)).toEqual([]);
      });
    });

    describe('audit log', () => {
      const entry = (at: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
        id: `audit-${unique()}`,
        at,
        site: SITE,
        moderatorId: 'mod-ani',
        moderatorEmail: 'ani@example.com',
        action: 'ban',
        target: { authorId: 'author-a' },
        reason: 'spam',
        before: null,
        after: String(at + DAY),
        ...over,
      });

      it('lists a site’s entries newest first, in pages that neither skip nor repeat', async () => {
        const { store } = await fresh();
        const entries = Array.from({ length: 7 }, (_, i) => entry(DAY_ONE + i * 1_000));
        entries.push(entry(DAY_ONE + 500, { action: 'policy', target: { policy: true }, before: null, after: '2', reason: null }));
        for (const e of entries) await store.appendAudit(e);
        await store.appendAudit(entry(DAY_ONE + 5, { site: 'other-site' }));
        const expected = [...entries].sort((a, b) => b.at - a.at);
        const seen: AuditEntry[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const result: Awaited<ReturnType<CommentStore['listAudit']>> = await store.listAudit(SITE, { cursor, limit: 3 });
          seen.push(...result.entries);
          cursor = result.nextCursor;
          pages += 1;
        } while (cursor !== null && pages < 10);
        expect(pages).toBe(3);
        expect(seen).toEqual(expected);
        expect(await store.listAudit('empty-site', threadQuery(3))).toEqual({ entries: [], nextCursor: null });
      });

      it('holds each decision’s entry, written with it, among the appended ones', async () => {
        const { store } = await fresh();
        const held = await create(store, { status: 'pending' });
        await store.appendAudit(entry(DAY_ONE + HOUR));
        const result = ok(await store.decideComment(SITE, PAGE, held.id, reject(DAY_ONE + 2 * HOUR, 'abuse'), options(0, 'ani@example.com')));
        const listed = await store.listAudit(SITE, threadQuery(10));
        expect(listed.entries[0]).toEqual(result.audit);
        expect(listed.entries[0]).toMatchObject({
          site: SITE,
          action: 'reject',
          reason: 'abuse',
          target: { commentId: held.id, page: PAGE, authorId: 'author-a' },
          before: 'pending',
          after: 'rejected',
        });
        expect(listed.entries).toHaveLength(2);
      });
    });

    describe('daily figures', () => {
      const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

      it('counts each created day’s outcomes, each decision day’s decisions and the rules that held or rejected, with zeros for quiet days', async () => {
        const { store } = await fresh();
        const links = { rule: 'links' as const, action: 'hold' as const, message: { en: 'Links', id: 'Tautan' }, spans: [] };
        await create(store, { createdAt: DAY_ONE });
        await create(store, { createdAt: DAY_ONE + 1 });
        const held = await create(store, {
          createdAt: DAY_ONE + 2,
          status: 'pending',
          moderation: { action: 'hold', reasons: [...HELD.reasons, links] },
        });
        const held2 = await create(store, { createdAt: DAY_ONE + 3, status: 'pending' });
        await create(store, { createdAt: DAY_ONE + 4, status: 'rejected' });
        await create(store, { createdAt: DAY_ONE + DAY, status: 'rejected' });
        await create(store, { createdAt: DAY_ONE, site: 'other-site', status: 'rejected' });
        ok(await store.decideComment(SITE, PAGE, held.id, approve(DAY_ONE + 2 * DAY), options(0)));
        ok(await store.decideComment(SITE, PAGE, held2.id, reject(DAY_ONE + 2 * DAY), options(0)));
        ok(await store.decideComment(SITE, PAGE, held.id, reject(DAY_ONE + 2 * DAY + 1), options(1)));
        const days = [day(DAY_ONE - DAY), day(DAY_ONE), day(DAY_ONE + DAY), day(DAY_ONE + 2 * DAY)];
        expect(days[1]).toBe('2026-03-01');
        const zero = { published: 0, held: 0, rejected: 0, approvedByModerator: 0, rejectedByModerator: 0, rules: {} };
        expect(await store.getDailyStats(SITE, days)).toEqual([
          { day: days[0], ...zero },
          { ...zero, day: days[1], published: 2, held: 2, rejected: 1, rules: { profanity: 2, links: 1, 'banned-word': 1 } },
          { ...zero, day: days[2], rejected: 1, rules: { 'banned-word': 1 } },
          { ...zero, day: days[3], approvedByModerator: 1, rejectedByModerator: 2 },
        ]);
        expect(await store.getDailyStats('other-site', [days[1] ?? ''])).toEqual([
          { ...zero, day: days[1], rejected: 1, rules: { 'banned-word': 1 } },
        ]);
      });

      it('puts a comment created just before UTC midnight on that day', async () => {
        const { store } = await fresh();
        const midnight = Date.UTC(2026, 2, 2);
        await create(store, { createdAt: midnight - 1 });
        await create(store, { createdAt: midnight });
        const [before, after] = await store.getDailyStats(SITE, ['2026-03-01', '2026-03-02']);
        expect(before?.published).toBe(1);
        expect(after?.published).toBe(1);
      });
    });

    describe('site policy', () => {
      it('answers null until a policy is saved, then the last one saved, per site', async () => {
        const { store } = await fresh();
        expect(await store.getSitePolicy(SITE)).toBeNull();
        const first = { policy: { links: { max: 2 }, banned: ['judi'] }, updatedAt: DAY_ONE, updatedBy: 'ani@example.com' };
        await store.setSitePolicy(SITE, first);
        expect(await store.getSitePolicy(SITE)).toEqual(first);
        const second = { policy: { links: { max: 0 } }, updatedAt: DAY_ONE + 1, updatedBy: 'budi@example.com' };
        await store.setSitePolicy(SITE, second);
        expect(await store.getSitePolicy(SITE)).toEqual(second);
        expect(await store.getSitePolicy('other-site')).toBeNull();
      });
    });

    describe('sign-in links', () => {
      const link = (over: { expiresAt?: number } = {}) => ({
        id: `${unique()}${'cd'.repeat(24)}`,
        moderatorId: 'mod-ani',
        expiresAt: NOW + HOUR,
        ...over,
      });

      it('gives a link’s moderator id once, and null after, for an unknown link and at its expiry', async () => {
        const { store } = await fresh();
        const one = link();
        await store.createSignInLink(one);
        expect(await store.consumeSignInLink(one.id, NOW)).toBe('mod-ani');
        expect(await store.consumeSignInLink(one.id, NOW)).toBeNull();
        expect(await store.consumeSignInLink('no-such-link', NOW)).toBeNull();
        const expiring = link();
        await store.createSignInLink(expiring);
        expect(await store.consumeSignInLink(expiring.id, expiring.expiresAt)).toBeNull();
      });

      it('gives the id to exactly one of several uses at the same moment', async () => {
        const { store } = await fresh();
        for (let round = 0; round < 5; round += 1) {
          const one = link();
          await store.createSignInLink(one);
          const results = await Promise.all(Array.from({ length: 3 }, () => store.consumeSignInLink(one.id, NOW)));
          expect(results.filter((r) => r === 'mod-ani')).toHaveLength(1);
          expect(results.filter((r) => r === null)).toHaveLength(2);
        }
      });
    });

    it('keeps reports, revisions, decisions, trust, audit, figures, policies and links after the store is closed and opened again', async () => {
      const h = await fresh();
      const reported = await create(h.store);
      const first = report('reader-1', DAY_ONE + 10, 'other', 'catatan');
      await h.store.reportComment(SITE, PAGE, reported.id, first, 3);
      const hidden = await create(h.store);
      await hide(h.store, hidden, DAY_ONE + 20);
      const rejected = await create(h.store, { status: 'pending' });
      const decision = reject(DAY_ONE + HOUR);
      const result = ok(await h.store.decideComment(SITE, PAGE, rejected.id, decision, options(0)));
      await h.store.setAuthorTrusted(SITE, 'author-a', true);
      const policy = { policy: { suspect: ['nikel'] }, updatedAt: DAY_ONE, updatedBy: 'ani@example.com' };
      await h.store.setSitePolicy(SITE, policy);
      const link = { id: 'ef'.repeat(32), moderatorId: 'mod-ani', expiresAt: NOW + HOUR };
      await h.store.createSignInLink(link);
      const statsBefore = await h.store.getDailyStats(SITE, ['2026-03-01']);
      const pageBefore = await thread(h.store);

      const store = await h.reopen();
      expect(await store.getComment(SITE, PAGE, reported.id)).toEqual({ ...reported, reports: [first] });
      expect(await store.getComment(SITE, PAGE, hidden.id)).toMatchObject({ status: 'pending', revision: 1 });
      expect(await store.getComment(SITE, PAGE, rejected.id)).toEqual(decided(rejected, 'rejected', decision, 1));
      expect(await store.queueCounts(SITE)).toEqual({ pending: 0, reported: 2, rejected: 1, approved: 0 });
      expect(await store.getAuthorHistory(SITE, 'author-a')).toMatchObject({ trusted: true, approvedCount: 1, rejectedCount: 1, name: 'Ani' });
      expect((await store.listAudit(SITE, threadQuery(10))).entries).toEqual([result.audit]);
      expect(await store.getDailyStats(SITE, ['2026-03-01'])).toEqual(statsBefore);
      expect(await thread(store)).toEqual(pageBefore);
      expect(await store.getSitePolicy(SITE)).toEqual(policy);
      // The hidden comment's revision survived: a decision on the pre-hiding view is refused.
      expect(await store.decideComment(SITE, PAGE, hidden.id, approve(DAY_ONE + 2 * HOUR), options(0))).toMatchObject({ code: 'ALREADY_DECIDED' });
      expect(await store.consumeSignInLink(link.id, NOW)).toBe('mod-ani');
      expect(await store.consumeSignInLink(link.id, NOW)).toBeNull();
      const next = ok(await store.decideComment(SITE, PAGE, hidden.id, approve(DAY_ONE + 2 * HOUR), options(1)));
      expect(next.event).toMatchObject({ type: 'comment:created', seq: pageBefore.seq + 1 });
    });
  });
}
