/**
 * How a conversation is laid out: each top-level comment with its replies nested to
 * LIMITS.nestingShown; deeper replies flat under their deepest shown ancestor, saying whom they
 * answer; a reply whose parent is not here (removed by a moderator, or not loaded) under its
 * root, saying the same. A tombstone (a deleted comment) is shown only while something shown
 * hangs under it. Pure: no DOM, no Lit.
 */
import type { PublicComment } from '../../protocol/comment.ts';
import { LIMITS } from '../../protocol/limits.ts';

export interface ThreadNode {
  comment: PublicComment;
  /** "replying to …": set when the node is not shown under the comment it answers. */
  replyingTo: string | null;
  /** Nesting as shown: 0 for a top-level comment, at most LIMITS.nestingShown. */
  level: number;
  children: ThreadNode[];
}

/** The tree of one top-level comment from the replies the state holds (oldest first); null when nothing of it is to be shown. */
export function conversation(root: PublicComment, replies: readonly PublicComment[]): ThreadNode | null {
  const mine = replies.filter((r) => r.rootId === root.id);
  const ids = new Set(mine.map((r) => r.id));
  const byParent = new Map<string, PublicComment[]>();
  for (const r of mine) {
    // A parent not here: the reply hangs under the root and says whom it answers.
    const under = r.parentId !== null && ids.has(r.parentId) ? r.parentId : root.id;
    byParent.set(under, [...(byParent.get(under) ?? []), r]);
  }
  const below = (id: string) => byParent.get(id) ?? [];
  const descendants = (id: string): PublicComment[] => below(id).flatMap((c) => [c, ...descendants(c.id)]);
  const build = (c: PublicComment, level: number, replyingTo: string | null): ThreadNode | null => {
    const children =
      level < LIMITS.nestingShown
        ? below(c.id).map((r) => build(r, level + 1, r.parentId === c.id ? null : r.replyTo))
        : // The deepest level shown: everything under it in one flat list, oldest first, each saying whom it answers.
          // A tombstone there has nothing shown under it (its replies are its siblings), so it is left out.
          descendants(c.id)
            .filter((r) => r.status !== 'deleted')
            .sort(byTime)
            .map((r): ThreadNode => ({ comment: r, replyingTo: r.replyTo, level, children: [] }));
    const shown = children.filter((n): n is ThreadNode => n !== null);
    if (c.status === 'deleted' && shown.length === 0) return null;
    return { comment: c, replyingTo, level, children: shown };
  };
  return build(root, 0, null);
}

function byTime(a: PublicComment, b: PublicComment): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
