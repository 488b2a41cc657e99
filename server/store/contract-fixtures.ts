/**
 * What the store contracts (store.contract.ts, moderation.contract.ts) share: the harness each
 * implementation's test file hands them, its lifecycle in a describe block, the comment they
 * make, and the history of an author a store has never seen.
 */
import { afterEach } from 'vitest';
import type { AuthorHistory, CommentStore, NewComment, ThreadPageQuery } from './types.ts';

export interface StoreHarness {
  store: CommentStore;
  /** Close the store and open a new one over the same durable data. */
  reopen(): Promise<CommentStore>;
  /** Close whatever is open and delete the data. */
  cleanup(): Promise<void>;
  /**
   * Makes this author's history writes fail for real (no mocks: a wrong-typed key, a
   * trigger), and returns a function that repairs it. Used to fail a create between steps.
   */
  breakAuthorHistory(site: string, authorId: string): Promise<() => Promise<void>>;
}

/**
 * Opens a fresh harness per test, in the describe block it is called in, and cleans the last
 * one up after each test: `const fresh = freshHarness(open)`, then `await fresh()` in a test.
 */
export function freshHarness(open: () => Promise<StoreHarness>): () => Promise<StoreHarness> {
  let harness: StoreHarness | undefined;
  afterEach(async () => {
    await harness?.cleanup();
    harness = undefined;
  });
  return async () => {
    harness = await open();
    return harness;
  };
}

let made = 0;

/**
 * A top-level comment for a store test: Ani's, published by the engine, on demo's /article, created at
 * `createdAtBase` plus a number that grows with every call (so ids and times sort in the order
 * made); `over` sets anything else.
 */
export function newComment(over: Partial<NewComment> = {}, createdAtBase = 1_700_000_000_000): NewComment {
  made += 1;
  const n = made;
  return {
    id: `c${String(n).padStart(10, '0')}${Math.random().toString(36).slice(2, 8)}`,
    site: 'demo',
    page: '/article',
    parentId: null,
    rootId: null,
    depth: 0,
    replyTo: null,
    authorId: 'author-a',
    authorName: 'Ani',
    authorKind: 'anonymous',
    avatarUrl: null,
    text: `comment ${n}`,
    status: 'published',
    createdAt: createdAtBase + n,
    editedAt: null,
    likes: 0,
    replyCount: 0,
    moderation: { action: 'publish', reasons: [] },
    ...over,
  };
}

/**
 * A reply to `parent` as the server makes one: in its thread, under its root, one deeper, naming
 * whom it answers; Budi's unless `over` says otherwise.
 */
export function newReply(
  parent: Pick<NewComment, 'id' | 'site' | 'page' | 'rootId' | 'depth' | 'authorName'>,
  over: Partial<NewComment> = {},
): NewComment {
  return newComment({
    site: parent.site,
    page: parent.page,
    parentId: parent.id,
    rootId: parent.rootId ?? parent.id,
    depth: parent.depth + 1,
    replyTo: parent.authorName,
    authorId: 'author-b',
    authorName: 'Budi',
    ...over,
  });
}

/** The history of an author the store has never seen (nor marked). */
export const UNSEEN_AUTHOR: AuthorHistory = {
  approvedCount: 0,
  rejectedCount: 0,
  recentPosts: [],
  bannedUntil: null,
  trusted: false,
  firstSeen: null,
  name: null,
};

/** A thread page newest first, as the widget asks for it, with no viewer: what the contracts before 0021 read threads with. */
export function threadQuery(limit: number, cursor: string | null = null): ThreadPageQuery {
  return { sort: 'newest', cursor, limit, repliesPerRoot: 50, viewerId: null };
}
