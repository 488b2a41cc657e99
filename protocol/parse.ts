/**
 * Runtime parsers for every client payload. Server-side only (the widget never imports
 * this file, which keeps zod out of the embed bundle).
 */
import { z } from 'zod';
import { LIMITS, PAGE_ID_PATTERN, SITE_ID_PATTERN, IDEMPOTENCY_KEY_PATTERN } from './limits.ts';
import { ErrorCode, ErrorReason, type WireError } from './errors.ts';
import {
  REPORT_REASONS,
  THREAD_SORTS,
  type Assert,
  type CommentCreateRequest,
  type CommentDeleteRequest,
  type CommentEditRequest,
  type CommentReactRequest,
  type CommentReportRequest,
  type HandshakeAuth,
  type ThreadJoinRequest,
  type ThreadMoreRequest,
  type ThreadRef,
  type ThreadRepliesRequest,
  type ThreadResyncRequest,
} from './events.ts';

const page = z.string().regex(PAGE_ID_PATTERN, 'must be a page id: 1–200 URL path characters, no spaces or braces');
const site = z.string().regex(SITE_ID_PATTERN, 'must be a site id: lower-case letters, digits and dashes');

/** Text is trimmed first, so whitespace-only text counts as empty. */
const text = z
  .string()
  .transform((s) => s.replace(/\r\n?/g, '\n').trim())
  .pipe(z.string().min(1, 'must not be empty').max(LIMITS.textMax, `must be at most ${LIMITS.textMax} characters`));

const authorName = z
  .string()
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'must not be empty').max(LIMITS.nameMax, `must be at most ${LIMITS.nameMax} characters`));

const commentId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, 'must be a comment id');

/** Store cursors are opaque (each store writes its own); this only keeps them short and printable. */
const cursor = z.string().regex(/^[A-Za-z0-9._:-]{1,120}$/, 'must be a cursor from an earlier page');
const sort = z.enum(THREAD_SORTS);

export const schemas = {
  handshake: z.object({
    site,
    token: z.string().max(512).exactOptional(),
    // Checked (signature, audience, expiry) by server/identity/; here only bounded, so a huge token costs nothing.
    sso: z.string().min(1).max(LIMITS.ssoTokenMax, `must be at most ${LIMITS.ssoTokenMax} characters`).exactOptional(),
  }),
  threadRef: z.object({ page }).strict(),
  threadJoin: z.object({ page, sort: sort.exactOptional() }).strict(),
  threadMore: z.object({ page, cursor, sort: sort.exactOptional() }).strict(),
  threadReplies: z
    .object({
      page,
      rootId: commentId,
      cursor: cursor.exactOptional(),
      skip: z.number().int().min(0).max(100_000).exactOptional(),
    })
    .strict(),
  threadResync: z.object({ page, afterSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict(),
  commentCreate: z
    .object({
      page,
      text,
      authorName: authorName.exactOptional(),
      parentId: commentId.nullable().exactOptional(),
      key: z.string().regex(IDEMPOTENCY_KEY_PATTERN, 'must be 8–64 letters, digits, - or _'),
    })
    .strict(),
  commentReport: z
    .object({
      page,
      id: commentId,
      reason: z.enum(REPORT_REASONS),
      note: z
        .string()
        .transform((s) => s.trim())
        .pipe(z.string().max(LIMITS.reportNoteMax, `must be at most ${LIMITS.reportNoteMax} characters`))
        .exactOptional(),
    })
    .strict(),
  commentEdit: z.object({ page, id: commentId, text }).strict(),
  commentDelete: z.object({ page, id: commentId }).strict(),
  commentReact: z.object({ page, id: commentId, like: z.boolean() }).strict(),
  authorName,
  site,
  page,
  cursor,
  sort,
} as const;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: WireError };

/**
 * The interfaces in events.ts are what both sides compile against; the schemas are what the
 * server enforces. These fail to compile when the two disagree, in either direction.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type SchemasMatchInterfaces = [
  Assert<Same<z.output<typeof schemas.handshake>, HandshakeAuth>>,
  Assert<Same<z.output<typeof schemas.threadRef>, ThreadRef>>,
  Assert<Same<z.output<typeof schemas.threadJoin>, ThreadJoinRequest>>,
  Assert<Same<z.output<typeof schemas.threadMore>, ThreadMoreRequest>>,
  Assert<Same<z.output<typeof schemas.threadReplies>, ThreadRepliesRequest>>,
  Assert<Same<z.output<typeof schemas.threadResync>, ThreadResyncRequest>>,
  Assert<Same<z.output<typeof schemas.commentCreate>, CommentCreateRequest>>,
  Assert<Same<z.output<typeof schemas.commentReport>, CommentReportRequest>>,
  Assert<Same<z.output<typeof schemas.commentEdit>, CommentEditRequest>>,
  Assert<Same<z.output<typeof schemas.commentDelete>, CommentDeleteRequest>>,
  Assert<Same<z.output<typeof schemas.commentReact>, CommentReactRequest>>,
];

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  // reportInput: tells "missing" from "wrong type" (zod 4 leaves the input out otherwise).
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: toWireError(result.error) };
}

/** The first issue becomes the message, its path `field`, and its kind `reason`. */
function toWireError(error: z.ZodError): WireError {
  const issue = error.issues[0];
  if (!issue) return { code: ErrorCode.INVALID_INPUT, message: 'The request is not valid.' };
  const field = issue.path.map(String).join('.');
  const subject = field ? `"${field}"` : 'The payload';
  const fail = (reason: ErrorReason, detail: string, at = field): WireError => ({
    code: ErrorCode.INVALID_INPUT,
    message: `${at ? `"${at}"` : subject} ${detail}.`,
    reason,
    ...(at ? { field: at } : {}),
  });
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? fail(ErrorReason.missing, 'is required')
        : fail(ErrorReason.wrong_type, `must be ${article(issue.expected)}, not ${describe(issue.input)}`);
    case 'unrecognized_keys': {
      const [first] = issue.keys;
      const others = issue.keys.length > 1 ? ` (and ${issue.keys.length - 1} more)` : '';
      const at = [field, first].filter(Boolean).join('.');
      return fail(ErrorReason.unknown_field, `is not a field of this request${others}`, at);
    }
    case 'too_small':
      return issue.minimum === 1 && issue.origin === 'string'
        ? fail(ErrorReason.empty, 'must not be empty')
        : fail(ErrorReason.too_short, issue.message);
    case 'too_big':
      return fail(ErrorReason.too_long, issue.message);
    // The schemas' own messages say what a valid value looks like (a page id, a cursor, …).
    case 'invalid_format':
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_element':
    case 'invalid_key':
    case 'not_multiple_of':
    case 'custom':
      return fail(ErrorReason.invalid, issue.message);
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return article(typeof value);
}

export const parse = {
  handshake: (input: unknown): ParseResult<HandshakeAuth> => parseWith(schemas.handshake, input),
  threadRef: (input: unknown): ParseResult<ThreadRef> => parseWith(schemas.threadRef, input),
  threadJoin: (input: unknown): ParseResult<ThreadJoinRequest> => parseWith(schemas.threadJoin, input),
  threadMore: (input: unknown): ParseResult<ThreadMoreRequest> => parseWith(schemas.threadMore, input),
  threadReplies: (input: unknown): ParseResult<ThreadRepliesRequest> => parseWith(schemas.threadReplies, input),
  threadResync: (input: unknown): ParseResult<ThreadResyncRequest> => parseWith(schemas.threadResync, input),
  commentCreate: (input: unknown): ParseResult<CommentCreateRequest> => parseWith(schemas.commentCreate, input),
  commentReport: (input: unknown): ParseResult<CommentReportRequest> => parseWith(schemas.commentReport, input),
  commentEdit: (input: unknown): ParseResult<CommentEditRequest> => parseWith(schemas.commentEdit, input),
  commentDelete: (input: unknown): ParseResult<CommentDeleteRequest> => parseWith(schemas.commentDelete, input),
  commentReact: (input: unknown): ParseResult<CommentReactRequest> => parseWith(schemas.commentReact, input),
  /** A display name as the create request normalises it (the admin's --name, a verified identity's name). */
  authorName: (input: unknown): ParseResult<string> => parseWith(schemas.authorName, input),
  site: (input: unknown): ParseResult<string> => parseWith(schemas.site, input),
  page: (input: unknown): ParseResult<string> => parseWith(schemas.page, input),
};
