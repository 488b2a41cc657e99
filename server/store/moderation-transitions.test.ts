import { describe, expect, it } from 'vitest';
import {
  createdStatusOf,
  creationFigures,
  isListed,
  planDecision,
  planDelete,
  planEdit,
  planReaction,
  planReport,
  queuedAt,
  queueOf,
  replyCountDelta,
  statusChange,
  utcDay,
  withReplyCount,
  type EditInput,
} from './moderation-transitions.ts';
import type { Decision, ModerationRecord, StoredComment, StoredReport } from './types.ts';

const base: StoredComment = {
  id: 'c1',
  site: 'demo',
  page: '/a',
  parentId: null,
  rootId: null,
  depth: 0,
  replyTo: null,
  authorId: 'author-a',
  authorName: 'Ani',
  authorKind: 'anonymous',
  avatarUrl: null,
  text: 'komentar',
  status: 'published',
  createdAt: 100,
  editedAt: null,
  likes: 0,
  replyCount: 0,
  moderation: { action: 'publish', reasons: [] },
};
const report = (reporterId: string, at: number): StoredReport => ({ reporterId, reason: 'spam', note: null, at });
const approval: Decision = { action: 'approve', moderatorId: 'mod-ani', reason: null, at: 500 };
const rejection: Decision = { action: 'reject', moderatorId: 'mod-ani', reason: 'spam', at: 500 };

type State = 'pending' | 'reported, published' | 'reported, hidden' | 'approved' | 'rejected' | 'none';

/** One comment in each row of 0016's queue table. */
const states: Record<State, StoredComment> = {
  pending: { ...base, status: 'pending', moderation: { action: 'hold', reasons: [] } },
  'reported, published': { ...base, reports: [report('r1', 200)] },
  'reported, hidden': { ...base, status: 'pending', revision: 1, reports: [report('r3', 230), report('r2', 220), report('r1', 210)] },
  approved: { ...base, decision: approval, revision: 1 },
  rejected: { ...base, status: 'rejected', moderation: { action: 'reject', reasons: [] } },
  none: base,
};

const firstReport = (plan: ReturnType<typeof planReport>) => {
  if (!plan.ok || !plan.first) throw new Error(`expected a first report, got ${JSON.stringify(plan)}`);
  return plan;
};

describe('moderation transitions (0016)', () => {
  it.each([
    ['pending', 'pending'],
    ['reported, published', 'reported'],
    ['reported, hidden', 'reported'],
    ['approved', 'approved'],
    ['rejected', 'rejected'],
    ['none', null],
  ] as const)('puts a %s comment in queue %s', (state, queue) => {
    expect(queueOf(states[state])).toBe(queue);
  });

  // 0016's transition table, row by row: the status after, the thread event, the author's
  // pending comments and counts, and the queue it ends in.
  it.each([
    { state: 'pending', action: approval, status: 'published', thread: 'in', pending: 'remove', approved: 1, rejected: 0, to: 'approved' },
    { state: 'pending', action: rejection, status: 'rejected', thread: null, pending: 'remove', approved: 0, rejected: 1, to: 'rejected' },
    { state: 'reported, published', action: approval, status: 'published', thread: null, pending: null, approved: 0, rejected: 0, to: 'approved' },
    { state: 'reported, published', action: rejection, status: 'rejected', thread: 'out', pending: null, approved: -1, rejected: 1, to: 'rejected' },
    { state: 'reported, hidden', action: approval, status: 'published', thread: 'in', pending: 'remove', approved: 1, rejected: 0, to: 'approved' },
    { state: 'reported, hidden', action: rejection, status: 'rejected', thread: null, pending: 'remove', approved: 0, rejected: 1, to: 'rejected' },
    { state: 'approved', action: approval, status: null },
    { state: 'approved', action: rejection, status: 'rejected', thread: 'out', pending: null, approved: -1, rejected: 1, to: 'rejected' },
    { state: 'rejected', action: approval, status: 'published', thread: 'in', pending: null, approved: 1, rejected: -1, to: 'approved' },
    { state: 'rejected', action: rejection, status: null },
    { state: 'none', action: approval, status: null },
    { state: 'none', action: rejection, status: 'rejected', thread: 'out', pending: null, approved: -1, rejected: 1, to: 'rejected' },
  ] as const)('turns $state with $action.action into $status', ({ state, action, ...expected }) => {
    const stored = states[state];
    const revision = stored.revision ?? 0;
    const plan = planDecision(stored, action, revision);
    if (expected.status === null) {
      expect(plan).toEqual({ ok: false, code: 'ALREADY_DECIDED' });
      return;
    }
    if (!plan.ok) throw new Error(`expected a change, got ${plan.code}`);
    expect(plan.comment).toMatchObject({ status: expected.status, decision: action, revision: revision + 1 });
    expect(plan.comment.reports).toBeUndefined();
    expect(plan.change).toEqual({
      thread: expected.thread,
      pending: expected.pending,
      approvedDelta: expected.approved,
      rejectedDelta: expected.rejected,
    });
    expect(plan.from).toBe(queueOf(stored));
    expect(plan.to).toBe(expected.to);
  });

  it('answers ALREADY_DECIDED to a decision made on another revision than the stored one, whatever the row', () => {
    for (const stored of Object.values(states)) {
      const revision = stored.revision ?? 0;
      expect(planDecision(stored, rejection, revision + 1)).toEqual({ ok: false, code: 'ALREADY_DECIDED' });
      expect(planDecision(stored, approval, revision - 1)).toEqual({ ok: false, code: 'ALREADY_DECIDED' });
    }
  });

  it('answers NOT_FOUND to every decision on a deleted comment, whatever revision it names', () => {
    const deleted: StoredComment = { ...base, status: 'deleted', revision: 2 };
    for (const revision of [0, 2]) {
      expect(planDecision(deleted, rejection, revision)).toEqual({ ok: false, code: 'NOT_FOUND' });
      expect(planDecision(deleted, approval, revision)).toEqual({ ok: false, code: 'NOT_FOUND' });
    }
  });

  it('keeps the decision it records apart from the one it was given', () => {
    const decision: Decision = { ...rejection };
    const plan = planDecision(states.pending, decision, 0);
    decision.reason = 'changed afterwards';
    expect(plan.ok && plan.comment.decision?.reason).toBe('spam');
  });

  it('adds a report newest first without a new revision, and hides at the threshold with one', () => {
    const once = firstReport(planReport(base, report('r1', 200), 2));
    expect(once).toMatchObject({ hidden: false, from: null, to: 'reported', comment: { status: 'published' } });
    expect(once.change).toEqual({ thread: null, pending: null, approvedDelta: 0, rejectedDelta: 0 });
    expect(once.comment.revision).toBeUndefined();
    expect(planReport(once.comment, report('r1', 250), 2)).toEqual({ ok: true, first: false });
    const twice = firstReport(planReport(once.comment, report('r2', 300), 2));
    expect(twice).toMatchObject({ hidden: true, from: 'reported', to: 'reported', comment: { status: 'pending', revision: 1 } });
    // Hiding takes it out of the thread and counts against nobody but the published tally.
    expect(twice.change).toEqual({ thread: 'out', pending: 'add', approvedDelta: -1, rejectedDelta: 0 });
    expect(twice.comment.reports?.map((r) => r.reporterId)).toEqual(['r2', 'r1']);
    expect(planReport(twice.comment, report('r3', 400), 2)).toEqual({ ok: false, code: 'NOT_FOUND' });
  });

  it('answers NOT_FOUND to a report of a comment that is not published', () => {
    for (const stored of [states.pending, states['reported, hidden'], states.rejected, { ...base, status: 'deleted' as const }]) {
      expect(planReport(stored, report('r9', 600), 3)).toEqual({ ok: false, code: 'NOT_FOUND' });
    }
  });

  it('moves an approved comment into reported with its first report', () => {
    expect(firstReport(planReport(states.approved, report('r1', 600), 3))).toMatchObject({ from: 'approved', to: 'reported', hidden: false });
  });

  it('lets a reader report a comment again once a decision closed the reports', () => {
    const plan = planDecision({ ...base, reports: [report('r1', 200)] }, approval, 0);
    if (!plan.ok) throw new Error('expected the approval to close the reports');
    expect(planReport(plan.comment, report('r1', 600), 3)).toMatchObject({ ok: true, first: true, hidden: false });
  });

  it('orders a comment in its queue by its first open report, its decision, or its creation, and gives none a place outside every queue', () => {
    expect(queuedAt(states['reported, hidden'])).toBe(210);
    expect(queuedAt(states['reported, published'])).toBe(200);
    expect(queuedAt(states.approved)).toBe(500);
    expect(queuedAt(states.pending)).toBe(100);
    expect(queuedAt(states.rejected)).toBe(100);
    expect(queuedAt(states.none)).toBeNull();
    expect(queuedAt({ ...base, status: 'deleted', reports: [report('r1', 200)] })).toBeNull();
  });

  it('keeps a reported comment at its first report when a later one carries an earlier time', () => {
    const once = firstReport(planReport(base, report('r1', 300), 3));
    const twice = firstReport(planReport(once.comment, report('r2', 250), 3));
    expect(queuedAt(twice.comment)).toBe(300);
  });

  it('tells the status a comment was created with, and the rules that stopped it, after it was decided', () => {
    const held: StoredComment = {
      ...base,
      status: 'pending',
      moderation: {
        action: 'hold',
        reasons: [
          { rule: 'links', action: 'hold', message: { en: 'Links', id: 'Tautan' }, spans: [] },
          { rule: 'links', action: 'hold', message: { en: 'Links', id: 'Tautan' }, spans: [] },
          { rule: 'profanity', action: 'publish', message: { en: 'Profanity', id: 'Kata kasar' }, spans: [] },
        ],
      },
    };
    expect(createdStatusOf(held)).toBe('pending');
    expect(createdStatusOf({ ...held, status: 'published', decision: approval, revision: 1 })).toBe('pending');
    expect(createdStatusOf({ ...held, status: 'deleted' })).toBe('pending');
    expect(createdStatusOf(base)).toBe('published');
    expect(createdStatusOf(states['reported, hidden'])).toBe('published');
    expect(creationFigures(held)).toEqual({ day: '1970-01-01', counter: 'held', rules: ['links'] });
    expect(creationFigures({ ...held, status: 'rejected', decision: rejection, revision: 1 })).toMatchObject({ counter: 'held' });
    expect(creationFigures(states.rejected)).toMatchObject({ counter: 'rejected' });
    expect(creationFigures(base)).toEqual({ day: '1970-01-01', counter: 'published', rules: [] });
  });

  it('counts only the rules that held or rejected, on the UTC day of the creation', () => {
    const rejected: StoredComment = {
      ...base,
      status: 'rejected',
      createdAt: Date.UTC(2025, 2, 4, 23, 59, 59, 999),
      moderation: {
        action: 'reject',
        reasons: [
          { rule: 'banned-word', action: 'reject', message: { en: 'Banned', id: 'Terlarang' }, spans: [] },
          { rule: 'links', action: 'hold', message: { en: 'Links', id: 'Tautan' }, spans: [] },
          { rule: 'shouting', action: 'publish', message: { en: 'Shouting', id: 'Huruf kapital' }, spans: [] },
        ],
      },
    };
    expect(creationFigures(rejected)).toEqual({ day: '2025-03-04', counter: 'rejected', rules: ['banned-word', 'links'] });
    expect(utcDay(Date.UTC(2025, 2, 5))).toBe('2025-03-05');
  });

  it('reads every effect of a status change off the two statuses', () => {
    expect(statusChange('published', 'deleted')).toEqual({ thread: 'out', pending: null, approvedDelta: -1, rejectedDelta: 0 });
    expect(statusChange('pending', 'pending')).toEqual({ thread: null, pending: null, approvedDelta: 0, rejectedDelta: 0 });
  });
});

describe('edits, deletes, likes and listing (0021)', () => {
  const reply: StoredComment = { ...base, id: 'r1', parentId: 'c1', rootId: 'c1', depth: 1, replyTo: 'Ani', authorId: 'author-b' };
  const held: ModerationRecord = { action: 'hold', reasons: [] };
  const edit = (over: Partial<EditInput> = {}): EditInput => ({
    authorId: 'author-a',
    text: 'diubah',
    editedAt: 900,
    moderation: { action: 'publish', reasons: [] },
    status: 'published',
    revision: 0,
    ...over,
  });

  it.each([
    { from: 'published', to: 'published', event: 'updated', thread: null },
    { from: 'published', to: 'pending', event: 'deleted', thread: 'out' },
    { from: 'published', to: 'rejected', event: 'deleted', thread: 'out' },
    { from: 'pending', to: 'published', event: 'created', thread: 'in' },
    { from: 'pending', to: 'pending', event: null, thread: null },
    { from: 'pending', to: 'rejected', event: null, thread: null },
  ] as const)('edits a $from comment the verdict sends to $to: event $event', ({ from, to, event, thread }) => {
    const plan = planEdit({ ...base, status: from }, edit({ status: to, moderation: to === 'published' ? base.moderation : held }));
    if (!plan.ok) throw new Error(`expected the edit to apply, got ${plan.code}`);
    expect(plan.event).toBe(event);
    expect(plan.change.thread).toBe(thread);
    expect(plan.comment).toMatchObject({ status: to, text: 'diubah', editedAt: 900, revision: 1 });
    expect(plan.to).toBe(queueOf(plan.comment));
  });

  it('refuses an edit by another author, of a rejected or deleted comment, or on another revision', () => {
    expect(planEdit(base, edit({ authorId: 'author-z' }))).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(planEdit(states.rejected, edit())).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(planEdit({ ...base, status: 'deleted' }, edit())).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(planEdit({ ...base, revision: 2 }, edit({ revision: 1 }))).toEqual({ ok: false, code: 'CONFLICT' });
  });

  it('queues a comment an edit held at its editedAt, and keeps a reported one in reported at its first report', () => {
    const plan = planEdit(states.approved, edit({ status: 'pending', moderation: held, revision: 1 }));
    if (!plan.ok) throw new Error('expected the edit to apply');
    expect(plan).toMatchObject({ from: 'approved', to: 'pending' });
    expect(queuedAt(plan.comment)).toBe(900);
    const reported = planEdit(states['reported, published'], edit());
    expect(reported.ok && [reported.to, queuedAt(reported.comment)]).toEqual(['reported', 200]);
  });

  it('moves a reply’s root count when an edit takes it out of published, and not a top-level comment’s', () => {
    const out = planEdit(reply, edit({ authorId: 'author-b', status: 'pending', moderation: held }));
    expect(out.ok && out.rootDelta).toBe(-1);
    const top = planEdit(base, edit({ status: 'pending', moderation: held }));
    expect(top.ok && top.rootDelta).toBe(0);
    expect(replyCountDelta(reply, statusChange('pending', 'published'))).toBe(1);
  });

  it('deletes a comment into a tombstone: words, likes and reports gone, out of its queue, a repeat changing nothing', () => {
    const plan = planDelete({ ...states['reported, published'], likes: 4, text: 'kata-kata' }, 'author-a');
    if (!plan.ok || plan.repeated) throw new Error('expected a deletion');
    expect(plan.comment).toMatchObject({ status: 'deleted', text: '', likes: 0, revision: 1 });
    expect(plan.comment.reports).toBeUndefined();
    expect(plan).toMatchObject({ from: 'reported', to: null, event: 'deleted', rootDelta: 0 });
    expect(plan.change).toEqual({ thread: 'out', pending: null, approvedDelta: -1, rejectedDelta: 0 });
    expect(planDelete(plan.comment, 'author-a')).toEqual({ ok: true, repeated: true });
    expect(planDelete(base, 'author-z')).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(planDelete(states.pending, 'author-a')).toMatchObject({ ok: true, event: null, from: 'pending', to: null });
    expect(planDelete(reply, 'author-b')).toMatchObject({ ok: true, rootDelta: -1 });
  });

  it('refuses the deletion of a rejected comment, whose rejection stays in its author’s record', () => {
    expect(planDelete(states.rejected, 'author-a')).toEqual({ ok: false, code: 'NOT_FOUND' });
  });

  it('takes one like per identity on a published comment only, and a repeat changes nothing', () => {
    const liked = { ...base, likes: 2 };
    expect(planReaction(liked, false, true)).toEqual({ ok: true, delta: 1, likes: 3, liked: true });
    expect(planReaction(liked, true, true)).toEqual({ ok: true, delta: 0, likes: 2, liked: true });
    expect(planReaction(liked, true, false)).toEqual({ ok: true, delta: -1, likes: 1, liked: false });
    expect(planReaction(liked, false, false)).toEqual({ ok: true, delta: 0, likes: 2, liked: false });
    for (const status of ['pending', 'rejected', 'deleted'] as const)
      expect(planReaction({ ...liked, status }, false, true)).toEqual({ ok: false, code: 'NOT_FOUND' });
  });

  it('lists a top-level comment while published or with published replies, and a reply while published or deleted', () => {
    expect(isListed(base)).toBe(true);
    expect(isListed({ ...base, status: 'deleted' })).toBe(false);
    expect(isListed({ ...base, status: 'rejected', replyCount: 1 })).toBe(true);
    expect(isListed(withReplyCount({ ...base, status: 'pending', replyCount: 1 }, -1))).toBe(false);
    expect(isListed({ ...reply, status: 'deleted' })).toBe(true);
    expect(isListed({ ...reply, status: 'pending', replyCount: 3 })).toBe(false);
    expect(withReplyCount(base, -1).replyCount).toBe(0);
  });
});
