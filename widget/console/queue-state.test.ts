import { describe, expect, it } from 'vitest';
import { queueItem } from './queue-fixtures.ts';
import {
  appendPage,
  applyAdded,
  applyFirstPage,
  applyResolved,
  canDecide,
  createQueueState,
  focusedItem,
  listRequest,
  matchesFilters,
  moveFocus,
  removeItem,
  selectedRefs,
  toggleAll,
  toggleSelected,
  updateAuthor,
  type QueueState,
} from './queue-state.ts';

const ids = (s: QueueState) => s.items.map((i) => i.comment.id);
const loaded = (names: string[], nextCursor: string | null = null, state = createQueueState('pending')) =>
  applyFirstPage(state, { items: names.map((n) => queueItem(n)), nextCursor });

describe('the open queue', () => {
  it('asks for the first page with only the filters that are set, trimmed', () => {
    const state = createQueueState('reported', 'oldest', { page: ' /a ', rule: '', search: 'sari' });
    expect(listRequest(state, null)).toEqual({ queue: 'reported', order: 'oldest', cursor: null, limit: 25, page: '/a', search: 'sari' });
  });

  it('shows the first page and focuses its first item', () => {
    const state = loaded(['c1', 'c2']);
    expect(state.phase).toBe('ready');
    expect(state.focusedId).toBe('c1');
  });

  it('keeps the focus and selection on comments still there when the first page is loaded again', () => {
    let state = toggleSelected(moveFocus(loaded(['c1', 'c2', 'c3']), 1), 'c3');
    state = toggleSelected(state, 'c1');
    state = applyFirstPage(state, { items: [queueItem('c2'), queueItem('c3')], nextCursor: null });
    expect(state.focusedId).toBe('c2');
    expect([...state.selected]).toEqual(['c3']);
  });

  it('appends a later page without repeating an item that arrived live meanwhile', () => {
    const state = appendPage(loaded(['c1', 'c2'], 'cur'), { items: [queueItem('c2'), queueItem('c3')], nextCursor: null });
    expect(ids(state)).toEqual(['c1', 'c2', 'c3']);
    expect(state.nextCursor).toBeNull();
  });

  it('puts a live item first when newest come first', () => {
    const state = applyAdded(loaded(['c1'], 'cur'), { queue: 'pending', item: queueItem('c9') });
    expect(ids(state)).toEqual(['c9', 'c1']);
  });

  it('puts a live item last when oldest come first and everything older is loaded', () => {
    const state = applyAdded(loaded(['c1'], null, createQueueState('pending', 'oldest')), { queue: 'pending', item: queueItem('c9') });
    expect(ids(state)).toEqual(['c1', 'c9']);
  });

  it('leaves a live item to paging when oldest come first and more pages are left', () => {
    const state = applyAdded(loaded(['c1'], 'cur', createQueueState('pending', 'oldest')), { queue: 'pending', item: queueItem('c9') });
    expect(ids(state)).toEqual(['c1']);
  });

  it('ignores a live item of another queue, or one the filters leave out', () => {
    const filtered = loaded(['c1'], null, createQueueState('pending', 'newest', { page: '/other', rule: '', search: '' }));
    expect(ids(applyAdded(loaded(['c1']), { queue: 'reported', item: queueItem('c9') }))).toEqual(['c1']);
    expect(ids(applyAdded(filtered, { queue: 'pending', item: queueItem('c9') }))).toEqual(['c1']);
  });

  it('replaces an item already shown with its live copy instead of showing it twice', () => {
    const state = applyAdded(loaded(['c1', 'c2']), { queue: 'pending', item: queueItem('c2', { revision: 7 }) });
    expect(ids(state)).toEqual(['c1', 'c2']);
    expect(state.items[1]?.revision).toBe(7);
  });

  it('inserts nothing while the first page is still loading (the page will include it)', () => {
    expect(applyAdded(createQueueState('pending'), { queue: 'pending', item: queueItem('c9') }).items).toEqual([]);
  });

  it('drops a resolved item of this queue and moves the focus to the one that took its place', () => {
    const state = applyResolved(loaded(['c1', 'c2', 'c3']), { queue: 'pending', id: 'c1', page: '/berita/energi', decision: null });
    expect(ids(state)).toEqual(['c2', 'c3']);
    expect(state.focusedId).toBe('c2');
  });

  it('keeps an item resolved from another queue (it has just moved into this one)', () => {
    const state = applyResolved(loaded(['c1']), { queue: 'rejected', id: 'c1', page: '/berita/energi', decision: null });
    expect(ids(state)).toEqual(['c1']);
  });

  it('moves the focus back when the last item goes, and drops it from the selection', () => {
    let state = toggleSelected(moveFocus(loaded(['c1', 'c2']), 5), 'c2');
    state = removeItem(state, 'c2');
    expect(state.focusedId).toBe('c1');
    expect(state.selected.size).toBe(0);
    expect(removeItem(removeItem(state, 'c1'), 'c1').focusedId).toBeNull();
  });

  it('moves the focus with j and k, stopping at either end', () => {
    const state = loaded(['c1', 'c2', 'c3']);
    expect(moveFocus(state, -1).focusedId).toBe('c1');
    expect(moveFocus(moveFocus(state, 1), 1).focusedId).toBe('c3');
    expect(focusedItem(moveFocus(moveFocus(moveFocus(state, 1), 1), 1))?.comment.id).toBe('c3');
  });

  it('names the selected items in the order shown, each with its revision', () => {
    let state = applyFirstPage(createQueueState('pending'), { items: [queueItem('c1', { revision: 4 }), queueItem('c2')], nextCursor: null });
    state = toggleSelected(toggleSelected(state, 'c2'), 'c1');
    expect(selectedRefs(state)).toEqual([
      { page: '/berita/energi', id: 'c1', revision: 4 },
      { page: '/berita/energi', id: 'c2', revision: 1 },
    ]);
    expect(toggleSelected(toggleSelected(state, 'c1'), 'nope').selected.has('c1')).toBe(false);
    expect(toggleAll(state).selected.size).toBe(0);
    expect(toggleAll(toggleAll(state)).selected.size).toBe(2);
  });

  it('shows an author’s new summary on every item of theirs', () => {
    const state = applyFirstPage(createQueueState('pending'), {
      items: [queueItem('c1'), queueItem('c2', { comment: { authorId: 'other' } })],
      nextCursor: null,
    });
    const banned = updateAuthor(state, { ...state.items[0]!.author, bannedUntil: 99 });
    expect(banned.items.map((i) => i.author.bannedUntil)).toEqual([99, null]);
  });
});

describe('filters on live items', () => {
  const item = queueItem('c1', {
    comment: { authorName: 'Budi Santoso', authorId: 'anon-42', text: 'Harga BBM naik lagi', page: '/a' },
    reasons: [{ rule: 'links', action: 'hold', message: { en: 'Links', id: 'Tautan' }, spans: [] }],
  });

  it.each([
    [{ page: '/a', rule: '', search: '' }, true],
    [{ page: '/b', rule: '', search: '' }, false],
    [{ page: '', rule: 'links', search: '' }, true],
    [{ page: '', rule: 'caps', search: '' }, false],
    [{ page: '', rule: '', search: 'santoso' }, true],
    [{ page: '', rule: '', search: 'ANON-42' }, true],
    [{ page: '', rule: '', search: 'bbm' }, true],
    [{ page: '', rule: '', search: 'listrik' }, false],
  ])('%j matches: %s', (filters, expected) => {
    expect(matchesFilters(item, filters)).toBe(expected);
  });
});

describe('which decisions an item allows', () => {
  it.each([
    ['a held comment', { status: 'pending' }, 0, true, true],
    ['a rejected comment (approve undoes it)', { status: 'rejected' }, 0, true, false],
    ['a reported published comment', { status: 'published' }, 1, true, true],
    ['an approved comment (reject only)', { status: 'published' }, 0, false, true],
    ['a deleted comment', { status: 'deleted' }, 0, false, false],
  ] as const)('%s', (_what, comment, reports, approve, reject) => {
    const item = queueItem('c1', { comment, reports: Array.from({ length: reports }, () => ({ reason: 'spam' as const, note: null, at: 1 })) });
    expect([canDecide(item, 'approve'), canDecide(item, 'reject')]).toEqual([approve, reject]);
  });
});
