/**
 * Runtime parsers for every moderation request (server-side only, like parse.ts). The
 * interfaces of moderation.ts are what the console compiles against; these schemas are what
 * the server enforces, and `SchemasMatch` fails to compile when the two disagree.
 */
import { z } from 'zod';
import { LIMITS, PAGE_ID_PATTERN, SITE_ID_PATTERN } from './limits.ts';
import type { Assert } from './events.ts';
import { parseWith, type ParseResult } from './parse.ts';
import type {
  AuditListRequest,
  AuthorBanRequest,
  AuthorRef,
  AuthorTrustRequest,
  Empty,
  ModerationHandshake,
  ModerationEventName,
  ModerationRequestOf,
  PolicyRequest,
  QueueDecideManyRequest,
  QueueDecideRequest,
  QueueListRequest,
} from './moderation.ts';

const page = z.string().regex(PAGE_ID_PATTERN, 'must be a page id');
const id = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, 'must be a comment id');
const authorId = z.string().min(1, 'must not be empty').max(200);
const revision = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const reason = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().max(LIMITS.decisionReasonMax, `must be at most ${LIMITS.decisionReasonMax} characters`))
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .exactOptional();
const action = z.enum(['approve', 'reject']);
const ref = z.object({ page, id, revision }).strict();
const cursor = z.string().max(200).nullable();
const limit = z.number().int().min(1).max(LIMITS.queuePageMax).exactOptional();

export const moderationSchemas = {
  handshake: z.object({ site: z.string().regex(SITE_ID_PATTERN, 'must be a site id') }),
  'queue:list': z
    .object({
      queue: z.enum(['pending', 'reported', 'rejected', 'approved']),
      order: z.enum(['newest', 'oldest']),
      cursor,
      limit,
      page: page.exactOptional(),
      rule: z.string().min(1).max(60).exactOptional(),
      search: z.string().trim().min(1, 'must not be empty').max(200).exactOptional(),
    })
    .strict(),
  'queue:decide': z.object({ page, id, revision, action, reason }).strict(),
  'queue:decide-many': z
    .object({ items: z.array(ref).min(1).max(LIMITS.bulkDecideMax, `must name at most ${LIMITS.bulkDecideMax} comments`), action, reason })
    .strict(),
  'author:ban': z.object({ authorId, duration: z.enum(['1d', '7d', 'permanent']), rejectPending: z.boolean(), reason }).strict(),
  'author:unban': z.object({ authorId }).strict(),
  'author:trust': z.object({ authorId, trusted: z.boolean() }).strict(),
  'author:history': z.object({ authorId }).strict(),
  'audit:list': z.object({ cursor, limit }).strict(),
  'policy:get': z.object({}).strict(),
  'policy:dry-run': z.object({ policy: z.unknown() }).strict(),
  'policy:save': z.object({ policy: z.unknown() }).strict(),
  'overview:get': z.object({}).strict(),
} as const;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Out<K extends keyof typeof moderationSchemas> = z.output<(typeof moderationSchemas)[K]>;
export type ModerationSchemasMatch = [
  Assert<Same<Out<'handshake'>, ModerationHandshake>>,
  Assert<Same<Out<'queue:list'>, QueueListRequest>>,
  Assert<Same<Out<'queue:decide'>, QueueDecideRequest>>,
  Assert<Same<Out<'queue:decide-many'>, QueueDecideManyRequest>>,
  Assert<Same<Out<'author:ban'>, AuthorBanRequest>>,
  Assert<Same<Out<'author:unban'>, AuthorRef>>,
  Assert<Same<Out<'author:trust'>, AuthorTrustRequest>>,
  Assert<Same<Out<'author:history'>, AuthorRef>>,
  Assert<Same<Out<'audit:list'>, AuditListRequest>>,
  Assert<Same<Out<'policy:get'>, Empty>>,
  Assert<Same<Out<'policy:dry-run'>, PolicyRequest>>,
  Assert<Same<Out<'policy:save'>, PolicyRequest>>,
  Assert<Same<Out<'overview:get'>, Empty>>,
];

/** Parses one moderation request's payload by its event name. */
export function parseModerationRequest<E extends ModerationEventName>(event: E, input: unknown): ParseResult<ModerationRequestOf<E>> {
  // The Same<> checks above make each schema's output exactly its request type.
  return parseWith(moderationSchemas[event], input) as ParseResult<ModerationRequestOf<E>>;
}

export function parseModerationHandshake(input: unknown): ParseResult<ModerationHandshake> {
  return parseWith(moderationSchemas.handshake, input);
}
