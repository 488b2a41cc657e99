/**
 * One open queue as the console shows it: the items loaded so far, in the order asked for,
 * the cursor for more, the filters, which item has the keyboard's focus and which are
 * selected. Pure: every change returns a new state, and the controller feeds it what the
 * server answers and broadcasts.
 *
 * Live inserts follow the queue's order without a timestamp: a comment that has just entered
 * the queue is the newest in it, so it goes first when newest come first, and last when
 * oldest come first but only once every older item is loaded (before that, paging reaches it).
 */
import type { PublicComment } from '../../protocol/comment.ts';
import type {
  AuthorSummary,
  CommentRef,
  ModerationQueue,
  QueueAdded,
  QueueItem,
  QueueListRequest,
  QueueListResult,
  QueueResolved,
} from '../../protocol/moderation.ts';

export type QueueOrder = QueueListRequest['order'];

export interface QueueFilters {
  /** A page id, or '' for every page. */
  page: string;
  /** A rule id, or '' for every rule. */
  rule: string;
  /** Words in the author's name or id, or the text; '' for none. */
  search: string;
}

export const NO_FILTERS: QueueFilters = { page: '', rule: '', search: '' };

export interface QueueState {
  queue: ModerationQueue;
  order: QueueOrder;
  filters: QueueFilters;
  /** `loading`: the first page is on its way; `ready`: shown; `failed`: the first page could not be loaded. */
  phase: 'loading' | 'ready' | 'failed';
  items: readonly QueueItem[];
  nextCursor: string | null;
  focusedId: string | null;
  selected: ReadonlySet<string>;
}

export function createQueueState(queue: ModerationQueue, order: QueueOrder = 'newest', filters: QueueFilters = NO_FILTERS): QueueState {
  return { queue, order, filters, phase: 'loading', items: [], nextCursor: null, focusedId: null, selected: new Set() };
}

/** The request for the first page (cursor null) or the next one. */
export function listRequest(state: QueueState, cursor: string | null, limit = 25): QueueListRequest {
  const request: QueueListRequest = { queue: state.queue, order: state.order, cursor, limit };
  const page = state.filters.page.trim();
  const rule = state.filters.rule.trim();
  const search = state.filters.search.trim();
  if (page) request.page = page;
  if (rule) request.rule = rule;
  if (search) request.search = search;
  return request;
}

/** The filters as the server applies them, for items that arrive live. */
export function matchesFilters(item: QueueItem, filters: QueueFilters): boolean {
  const page = filters.page.trim();
  const rule = filters.rule.trim();
  const search = filters.search.trim().toLowerCase();
  if (page && item.comment.page !== page) return false;
  if (rule && !item.reasons.some((r) => r.rule === rule)) return false;
  if (search) {
    const { authorName, authorId, text } = item.comment;
    if (![authorName, authorId, text].some((field) => field.toLowerCase().includes(search))) return false;
  }
  return true;
}

/** The first page replaces what was shown; focus stays on the same comment if it is still there. */
export function applyFirstPage(state: QueueState, page: Pick<QueueListResult, 'items' | 'nextCursor'>): QueueState {
  const items = dedupe(page.items);
  const ids = new Set(items.map((i) => i.comment.id));
  const focusedId = state.focusedId !== null && ids.has(state.focusedId) ? state.focusedId : (items[0]?.comment.id ?? null);
  return { ...state, phase: 'ready', items, nextCursor: page.nextCursor, focusedId, selected: keep(state.selected, ids) };
}

/** A later page goes after what is shown; an item already shown (it arrived live) keeps its place. */
export function appendPage(state: QueueState, page: Pick<QueueListResult, 'items' | 'nextCursor'>): QueueState {
  const shown = new Set(state.items.map((i) => i.comment.id));
  const items = [...state.items, ...dedupe(page.items.filter((i) => !shown.has(i.comment.id)))];
  return { ...state, items, nextCursor: page.nextCursor, focusedId: state.focusedId ?? items[0]?.comment.id ?? null };
}

export function failFirstPage(state: QueueState): QueueState {
  return { ...state, phase: 'failed' };
}

/** A comment entered a queue: shown if it is this queue, passes the filters, and belongs on the loaded stretch. */
export function applyAdded(state: QueueState, event: QueueAdded): QueueState {
  if (event.queue !== state.queue || state.phase !== 'ready' || !matchesFilters(event.item, state.filters)) return state;
  const id = event.item.comment.id;
  const index = state.items.findIndex((i) => i.comment.id === id);
  if (index >= 0) {
    // Shown already (a page and the broadcast crossed): the broadcast's copy is the newer one.
    const items = state.items.map((i, n) => (n === index ? event.item : i));
    return { ...state, items };
  }
  if (state.order === 'newest') return { ...state, items: [event.item, ...state.items], focusedId: state.focusedId ?? id };
  if (state.nextCursor !== null) return state;
  return { ...state, items: [...state.items, event.item], focusedId: state.focusedId ?? id };
}

/** A comment left a queue: if it is this one, the item goes. */
export function applyResolved(state: QueueState, event: QueueResolved): QueueState {
  return event.queue === state.queue ? removeItem(state, event.id) : state;
}

/** Drops one item; the focus moves to the item that took its place (or the one before, at the end). */
export function removeItem(state: QueueState, id: string): QueueState {
  const index = state.items.findIndex((i) => i.comment.id === id);
  if (index < 0) return state;
  const items = state.items.filter((_, n) => n !== index);
  let focusedId = state.focusedId;
  if (focusedId === id) focusedId = (items[index] ?? items[index - 1])?.comment.id ?? null;
  const selected = new Set(state.selected);
  selected.delete(id);
  return { ...state, items, focusedId, selected };
}

/** An author's ban or trust changed: every item of theirs shows the new summary. */
export function updateAuthor(state: QueueState, author: AuthorSummary): QueueState {
  if (!state.items.some((i) => i.comment.authorId === author.authorId)) return state;
  return { ...state, items: state.items.map((i) => (i.comment.authorId === author.authorId ? { ...i, author } : i)) };
}

/** j/k: the focus moves by `delta` items, stopping at either end; with no focus yet, the first item. */
export function moveFocus(state: QueueState, delta: number): QueueState {
  if (state.items.length === 0) return state;
  const at = state.items.findIndex((i) => i.comment.id === state.focusedId);
  const next = at < 0 ? 0 : Math.min(state.items.length - 1, Math.max(0, at + delta));
  return { ...state, focusedId: state.items[next]?.comment.id ?? null };
}

export function focusItem(state: QueueState, id: string): QueueState {
  return state.items.some((i) => i.comment.id === id) ? { ...state, focusedId: id } : state;
}

export function focusedItem(state: QueueState): QueueItem | null {
  return state.items.find((i) => i.comment.id === state.focusedId) ?? null;
}

export function toggleSelected(state: QueueState, id: string): QueueState {
  if (!state.items.some((i) => i.comment.id === id)) return state;
  const selected = new Set(state.selected);
  if (!selected.delete(id)) selected.add(id);
  return { ...state, selected };
}

/** Selects every shown item, or none when all already are. */
export function toggleAll(state: QueueState): QueueState {
  const all = state.items.length > 0 && state.items.every((i) => state.selected.has(i.comment.id));
  return { ...state, selected: all ? new Set() : new Set(state.items.map((i) => i.comment.id)) };
}

/** The selected items, in the order shown, as a bulk decision names them. */
export function selectedRefs(state: QueueState): CommentRef[] {
  return state.items.filter((i) => state.selected.has(i.comment.id)).map(refOf);
}

export function refOf(item: QueueItem): CommentRef {
  return { page: item.comment.page, id: item.comment.id, revision: item.revision };
}

/** The rules the shown items were held for, for the rule filter's suggestions. */
export function rulesShown(state: QueueState): string[] {
  return [...new Set(state.items.flatMap((i) => i.reasons.map((r) => r.rule)))].sort();
}

/** Only a queue waiting for a decision can be decided from: approved and rejected are history, but can be reversed. */
export function canDecide(item: QueueItem, action: 'approve' | 'reject'): boolean {
  const status: PublicComment['status'] = item.comment.status;
  if (status === 'deleted') return false;
  return action === 'approve' ? status !== 'published' || item.reports.length > 0 : status !== 'rejected';
}

function dedupe(items: readonly QueueItem[]): QueueItem[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.comment.id) && seen.add(i.comment.id));
}

function keep(selected: ReadonlySet<string>, ids: ReadonlySet<string>): ReadonlySet<string> {
  return new Set([...selected].filter((id) => ids.has(id)));
}
