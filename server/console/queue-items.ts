/**
 * Loads what a page of queue items needs besides the comments (their authors, the comments
 * they reply to, the moderators who decided them), each distinct one once, all at the same time.
 */
import type { QueueItem } from '../../protocol/moderation.ts';
import type { AuthorHistory, CommentStore, StoredComment } from '../store/types.ts';
import { authorSummary, toQueueItem } from './queue-item.ts';

export interface QueueItemsDeps {
  store: CommentStore;
  pageUrlOf: (site: string, page: string) => string | null;
}

export async function loadQueueItems(deps: QueueItemsDeps, site: string, comments: readonly StoredComment[]): Promise<QueueItem[]> {
  const { store } = deps;
  const authorIds = [...new Set(comments.map((c) => c.authorId))];
  const parentKeys = [...new Set(comments.filter((c) => c.parentId !== null).map((c) => `${c.page}\n${c.parentId ?? ''}`))];
  const moderatorIds = [...new Set(comments.flatMap((c) => (c.decision ? [c.decision.moderatorId] : [])))];
  const [histories, parents, moderators] = await Promise.all([
    Promise.all(authorIds.map(async (id) => [id, await store.getAuthorHistory(site, id)] as const)),
    Promise.all(
      parentKeys.map(async (key) => {
        const [page = '', id = ''] = key.split('\n');
        return [key, await store.getComment(site, page, id)] as const;
      }),
    ),
    Promise.all(moderatorIds.map(async (id) => [id, (await store.getModerator(id))?.email ?? id] as const)),
  ]);
  const historyOf = new Map<string, AuthorHistory>(histories);
  const parentOf = new Map(parents);
  const emailOf = new Map(moderators);
  return comments.map((comment) => {
    const history = historyOf.get(comment.authorId);
    return toQueueItem(comment, {
      author: history
        ? authorSummary(comment.authorId, history, comment.authorName)
        : {
            authorId: comment.authorId,
            name: comment.authorName,
            firstSeen: null,
            approvedCount: 0,
            rejectedCount: 0,
            bannedUntil: null,
            trusted: false,
          },
      parent: comment.parentId === null ? null : (parentOf.get(`${comment.page}\n${comment.parentId}`) ?? null),
      pageUrl: deps.pageUrlOf(site, comment.page),
      emailOf: (id) => emailOf.get(id) ?? id,
    });
  });
}
