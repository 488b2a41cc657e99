/**
 * Public comments for tests (the protocol's, the widget's): one place that builds a well-formed PublicComment (and
 * a reply placed under its parent as the server places it), so each test says only what it is about.
 */
import type { PublicComment } from './comment.ts';

/** A published, anonymous, top-level comment; `over` says what differs. */
export function publicComment(id: string, createdAt: number, over: Partial<PublicComment> = {}): PublicComment {
  return {
    id,
    page: '/p',
    parentId: null,
    rootId: null,
    depth: 0,
    replyTo: null,
    authorId: 'a',
    authorName: 'Sari',
    authorKind: 'anonymous',
    avatarUrl: null,
    text: id,
    status: 'published',
    createdAt,
    editedAt: null,
    likes: 0,
    replyCount: 0,
    ...over,
  };
}

/** What a reply to `parent` carries besides its own fields: its parent, root, depth and "replying to". */
export function replyFields(parent: PublicComment): Pick<PublicComment, 'parentId' | 'rootId' | 'depth' | 'replyTo' | 'page'> {
  return { parentId: parent.id, rootId: parent.rootId ?? parent.id, depth: parent.depth + 1, replyTo: parent.authorName, page: parent.page };
}
