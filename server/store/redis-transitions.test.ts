import { describe, expect, it } from 'vitest';
import { createdStatusOf, planDecision, planReport, queuedAt, queueOf, rulesThatStopped } from './redis-transitions.ts';
import type { Decision, StoredComment, StoredReport } from './types.ts';

const base: StoredComment = {
  id: 'c1',
  site: 'demo',
  page: '/a',
  parentId: null,
  authorId: 'author-a',
  authorName: 'Ani',
  text: 'komentar',
  status: 'published',
  createdAt: 100,
  moderation: { action: 'publish', reasons: [] },
};
const report = (reporterId: string, at: number): StoredReport => ({ reporterId, reason: 'spam', note: null, at });
const approval: Decision = { action: 'approve', moderatorId: 'mod-ani', reason: null, at: 500 };
const rejection: Decision = { action: 'reject', moderatorId: 'mod-ani', reason: 'spam', at: 500 };

/** One comment in each row of 0016's queue table. */
const states: Record<string, StoredComment> = {
  pending: { ...base, status: 'pending', moderation: { action: 'hold', reasons: [] } },
  'reported, published': { ...base, reports: [report('r1', 200)] },
  'reported, hidden': { ...base, status: 'pending', revision: 1, reports: [report('r3', 230), report('r2', 220), report('r1', 210)] },
  approved: { ...base, decision: approval, revision: 1 },
  rejected: { ...base, status: 'rejected', moderation: { action: 'reject', reasons: [] } },
  none: base,
};

describe('moderation transitions (0016)', () => {
  it.each([
    ['pending', 'pending'],
    ['reported, published', 'reported'],
    ['reported, hidden', 'reported'],
    ['approved', 'approved'],
    ['rejected', 'rejected'],
    ['none', null],
  ])('puts a %s comment in queue %s', (state, queue) => {
    expect(queueOf(states[state] ?? base)).toBe(queue);
  });

  it.each([
    { state: 'pending', action: approval, status: 'published', thread: 'publish', pending: 'remove' },
    { state: 'pending', action: rejection, status: 'rejected', thread: 'none', pending: 'remove' },
    { state: 'reported, published', action: approval, status: 'published', thread: 'none', pending: 'none' },
    { state: 'reported, published', action: rejection, status: 'rejected', thread: 'unpublish', pending: 'none' },
    { state: 'reported, hidden', action: approval, status: 'published', thread: 'publish', pending: 'remove' },
    { state: 'reported, hidden', action: rejection, status: 'rejected', thread: 'none', pending: 'remove' },
    { state: 'approved', action: approval, status: null },
    { state: 'approved', action: rejection, status: 'rejected', thread: 'unpublish', pending: 'none' },
    { state: 'rejected', action: approval, status: 'published', thread: 'publish', pending: 'none' },
    { state: 'rejected', action: rejection, status: null },
    { state: 'none', action: approval, status: null },
    { state: 'none', action: rejection, status: 'rejected', thread: 'unpublish', pending: 'none' },
  ])('turns $state with $action.action into $status', ({ state, action, status, thread, pending }) => {
    const stored = states[state] ?? base;
    const plan = planDecision(stored, action);
    if (status === null) {
      expect(plan).toBeNull();
      return;
    }
    expect(plan?.change).toMatchObject({ thread, pending, comment: { status, decision: action, revision: (stored.revision ?? 0) + 1 } });
    expect(plan?.change.comment.reports).toBeUndefined();
    expect(plan?.from).toBe(queueOf(stored));
  });

  it('refuses every decision on a deleted comment', () => {
    expect(planDecision({ ...base, status: 'deleted' }, rejection)).toBeNull();
    expect(planDecision({ ...base, status: 'deleted' }, approval)).toBeNull();
  });

  it('adds a report newest first without a new revision, and hides at the threshold with one', () => {
    const once = planReport(base, report('r1', 200), 2);
    if (!once || once.repeat) throw new Error('expected a first report');
    expect(once).toMatchObject({ hidden: false, change: { thread: 'none', pending: 'none', comment: { status: 'published' } } });
    expect(once.change.comment.revision).toBeUndefined();
    expect(planReport(once.change.comment, report('r1', 250), 2)).toEqual({ repeat: true });
    const twice = planReport(once.change.comment, report('r2', 300), 2);
    if (!twice || twice.repeat) throw new Error('expected a first report');
    expect(twice).toMatchObject({ hidden: true, change: { thread: 'unpublish', pending: 'add', comment: { status: 'pending', revision: 1 } } });
    expect(twice.change.comment.reports?.map((r) => r.reporterId)).toEqual(['r2', 'r1']);
    expect(planReport(twice.change.comment, report('r3', 400), 2)).toBeNull();
  });

  it('lets a reader report a comment again once a decision closed the reports', () => {
    const approved = planDecision({ ...base, reports: [report('r1', 200)] }, approval)?.change.comment ?? base;
    expect(planReport(approved, report('r1', 600), 3)).toMatchObject({ repeat: false, hidden: false });
  });

  it('orders a comment in its queue by its first open report, its decision, or its creation', () => {
    expect(queuedAt(states['reported, hidden'] ?? base)).toBe(210);
    expect(queuedAt(states['approved'] ?? base)).toBe(500);
    expect(queuedAt(states['pending'] ?? base)).toBe(100);
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
    expect(createdStatusOf(base)).toBe('published');
    expect(rulesThatStopped(held, 'pending')).toEqual(['links']);
    expect(rulesThatStopped(base, 'published')).toEqual([]);
  });
});
