/**
 * One line of a comments export (`comments export`), checked before `comments import` writes
 * it: a StoredComment exactly, no key more, so a hand-edited or foreign file cannot put a shape
 * into the store that the code reading it back takes on trust (store/stored-json.ts).
 */
import { z } from 'zod';
import { RULE_IDS } from '../../moderation/rules/rule-ids.ts';
import { AuthorKind, CommentStatus } from '../../protocol/comment.ts';
import { REPORT_REASONS } from '../../protocol/events.ts';
import { LIMITS, PAGE_ID_PATTERN } from '../../protocol/limits.ts';
import { withCommentDefaults, type StoredBefore0021 } from '../store/public-views.ts';
import type { StoredComment } from '../store/types.ts';

const ms = z.number().int().nonnegative();
/** Ids sit in store keys and queue members, where a newline separates page and id. */
const id = z.string().regex(/^[^\s]{1,128}$/, 'an id is 1 to 128 characters, no spaces or newlines');
const action = z.enum(['publish', 'hold', 'reject']);

const reason = z.strictObject({
  rule: z.enum(RULE_IDS),
  action,
  message: z.strictObject({ en: z.string(), id: z.string() }),
  spans: z.array(z.strictObject({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })),
});

const commentRecord = z.strictObject({
  id,
  page: z.string().regex(PAGE_ID_PATTERN, 'a page id is 1 to 200 URL characters (no spaces or braces)'),
  parentId: id.nullable(),
  // Optional: an export written before decision 0021 has none of these (see checkCommentRecord).
  rootId: id.nullable().optional(),
  depth: z.number().int().nonnegative().optional(),
  replyTo: z.string().max(LIMITS.nameMax).nullable().optional(),
  authorId: id,
  authorName: z.string().max(LIMITS.nameMax),
  authorKind: z.enum(Object.values(AuthorKind)).optional(),
  avatarUrl: z
    .url({ protocol: /^https$/ })
    .max(1_000)
    .nullable()
    .optional(),
  text: z.string().max(LIMITS.textMax),
  status: z.enum(Object.values(CommentStatus)),
  createdAt: ms,
  editedAt: ms.nullable().optional(),
  likes: z.number().int().nonnegative().optional(),
  replyCount: z.number().int().nonnegative().optional(),
  site: z.string().min(1),
  moderation: z.strictObject({ action, reasons: z.array(reason) }),
  decision: z
    .strictObject({ action: z.enum(['approve', 'reject']), moderatorId: z.string().min(1), reason: z.string().nullable(), at: ms })
    .optional(),
  revision: z.number().int().nonnegative().optional(),
  reports: z.array(z.strictObject({ reporterId: z.string().min(1), reason: z.enum(REPORT_REASONS), note: z.string().nullable(), at: ms })).optional(),
});

export type CommentRecordCheck = { ok: true; comment: StoredComment } | { ok: false; problem: string };

/** What a reply's place is computed from: its parent as imported before it. */
export type ParentPlace = Pick<StoredComment, 'id' | 'rootId' | 'depth' | 'authorName'>;

const ADDED_0021 = ['rootId', 'depth', 'replyTo', 'authorKind', 'avatarUrl', 'editedAt', 'likes', 'replyCount'] as const;

/**
 * Checks one parsed line. The comment returned is the line's own value, not the schema's copy:
 * the schema admits no other key, and keeping the line's key order keeps an export of the
 * imported comments byte for byte the file that was imported. A line written before decision
 * 0021 lacks its fields: a reply's root, depth and "replying to" come from its parent's chain
 * (`parentOf`, the lines imported before it; a parent not among them makes it a reply to a
 * top-level comment), the rest from what comments were before 0021 (no likes, edits, verified names).
 */
export function checkCommentRecord(value: unknown, parentOf: (parentId: string) => ParentPlace | undefined = () => undefined): CommentRecordCheck {
  const result = commentRecord.safeParse(value);
  if (result.success) {
    const record = value as StoredBefore0021;
    if (ADDED_0021.every((key) => key in record)) return { ok: true, comment: record as StoredComment };
    const filled = withCommentDefaults(record);
    const parent = record.parentId === null ? undefined : parentOf(record.parentId);
    if (!parent) return { ok: true, comment: filled };
    return {
      ok: true,
      comment: {
        ...filled,
        rootId: record.rootId !== undefined ? record.rootId : (parent.rootId ?? parent.id),
        depth: record.depth ?? parent.depth + 1,
        replyTo: record.replyTo !== undefined ? record.replyTo : parent.authorName,
      },
    };
  }
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { ok: false, problem: `invalid record (${where}${issue?.message ?? 'not a comment'})` };
}
