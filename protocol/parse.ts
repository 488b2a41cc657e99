/**
 * Runtime parsers for every client payload. Server-side only (the widget never imports
 * this file, which keeps zod out of the embed bundle).
 */
import { z } from 'zod';
import { LIMITS, PAGE_ID_PATTERN, SITE_ID_PATTERN, IDEMPOTENCY_KEY_PATTERN } from './limits.ts';
import { ErrorCode, type WireError } from './errors.ts';
import type {
  CommentCreateRequest,
  HandshakeAuth,
  ThreadMoreRequest,
  ThreadRef,
  ThreadResyncRequest,
} from './events.ts';

const page = z.string().regex(PAGE_ID_PATTERN, 'must be a page id: 1–200 URL path characters, no spaces or braces');
const site = z.string().regex(SITE_ID_PATTERN, 'must be a site id: lower-case letters, digits and dashes');

/** Text is trimmed first, so whitespace-only text counts as empty. */
const text = z
  .string()
  .transform((s) => s.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(LIMITS.textMax, `must be at most ${LIMITS.textMax} characters`),
  );

const authorName = z
  .string()
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'must not be empty').max(LIMITS.nameMax, `must be at most ${LIMITS.nameMax} characters`));

const commentId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, 'must be a comment id');

export const schemas = {
  handshake: z.object({ site, token: z.string().max(512).optional() }),
  threadRef: z.object({ page }).strict(),
  threadMore: z.object({ page, cursor: z.string().regex(/^\d{1,16}$/, 'must be a cursor from an earlier page') }).strict(),
  threadResync: z.object({ page, afterSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict(),
  commentCreate: z
    .object({
      page,
      text,
      authorName,
      parentId: commentId.nullable().optional(),
      key: z.string().regex(IDEMPOTENCY_KEY_PATTERN, 'must be 8–64 letters, digits, - or _'),
    })
    .strict(),
  site,
  page,
} as const;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: WireError };

function parseWith<T>(schema: z.ZodType<T>, input: unknown): ParseResult<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: toWireError(result.error) };
}

/** The first issue becomes the message; its path becomes `field`. */
function toWireError(error: z.ZodError): WireError {
  const issue = error.issues[0];
  if (!issue) return { code: ErrorCode.INVALID_INPUT, message: 'The request is not valid.' };
  const field = issue.path.map(String).join('.');
  let detail = issue.message;
  if (issue.code === 'invalid_type') {
    detail = issue.input === undefined ? 'is required' : `must be a ${issue.expected}`;
  } else if (issue.code === 'unrecognized_keys') {
    detail = `has unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
  }
  const subject = field ? `"${field}"` : 'The payload';
  return {
    code: ErrorCode.INVALID_INPUT,
    message: `${subject} ${detail}.`,
    ...(field ? { field } : {}),
  };
}

export const parse = {
  handshake: (input: unknown): ParseResult<HandshakeAuth> =>
    parseWith(schemas.handshake, input) as ParseResult<HandshakeAuth>,
  threadRef: (input: unknown): ParseResult<ThreadRef> => parseWith(schemas.threadRef, input),
  threadMore: (input: unknown): ParseResult<ThreadMoreRequest> => parseWith(schemas.threadMore, input),
  threadResync: (input: unknown): ParseResult<ThreadResyncRequest> => parseWith(schemas.threadResync, input),
  commentCreate: (input: unknown): ParseResult<CommentCreateRequest> =>
    parseWith(schemas.commentCreate, input) as ParseResult<CommentCreateRequest>,
  site: (input: unknown): ParseResult<string> => parseWith(schemas.site, input),
  page: (input: unknown): ParseResult<string> => parseWith(schemas.page, input),
};
