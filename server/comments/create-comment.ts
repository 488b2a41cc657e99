/**
 * The post pipeline (DESIGN.md): parse → identity and site → moderation → one atomic store
 * write → the caller acks and broadcasts. Expected outcomes (bad input, a held comment) are
 * values; only store failures throw.
 */
import { ErrorCode, ErrorReason, fail, ok, type Result } from '../../protocol/errors.ts';
import type { ThreadEvent } from '../../protocol/events.ts';
import { parse } from '../../protocol/parse.ts';
import type { ReaderIdentity } from '../identity/reader-identity.ts';
import type { CommentStore, StoredComment } from '../store/types.ts';
import { standingOf } from './author-standing.ts';
import type { Moderate } from './moderate.ts';
import { parentRefusal, replyPlace } from './reply-place.ts';
import type { PostRateLimit } from './post-rate-limit.ts';
import { rateRefusal } from './rate-refusal.ts';
import type { ReservedNames } from './reserved-names.ts';
import { refusalOf, velocityRefusal } from './rule-refusals.ts';
import { STATUS_FOR } from './verdict-status.ts';

export interface CreateCommentDeps {
  store: CommentStore;
  moderate: Moderate;
  rateLimit: PostRateLimit;
  /** The names an anonymous reader may not take on a site. */
  reservedNames: ReservedNames;
  clock: () => number;
  newId: () => string;
}

/** Who posts: the socket's identity, its site and its network address (for the per-address post limit). */
export interface Poster extends ReaderIdentity {
  site: string;
  address: string;
}

export interface CreateCommentOutcome {
  comment: StoredComment;
  /** Present when this call published the comment or completed its half-done first attempt: broadcast it, once. */
  event: ThreadEvent | null;
  duplicate: boolean;
}

export async function createComment(deps: CreateCommentDeps, poster: Poster, payload: unknown): Promise<Result<CreateCommentOutcome>> {
  const parsed = parse.commentCreate(payload);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const request = parsed.value;
  // A verified identity posts under its own name, whatever the request says; an anonymous one must give one.
  const authorName = poster.kind === 'anonymous' ? request.authorName : (poster.name ?? request.authorName);
  if (authorName === undefined) {
    return fail(ErrorCode.INVALID_INPUT, '"authorName" is required.', { field: 'authorName', reason: ErrorReason.missing });
  }

  // A retry of a post that was stored (its ack was lost) gets the first answer, before any
  // rule that the first post itself would now trip (velocity, duplicate) can refuse it.
  // The author's history is needed next; both reads go out together.
  const [earlier, history] = await Promise.all([
    deps.store.findByIdempotencyKey(poster.site, request.page, poster.authorId, request.key),
    deps.store.getAuthorHistory(poster.site, poster.authorId),
  ]);
  if (earlier) {
    // The first attempt may have stopped after storing the comment (its author was told
    // UNAVAILABLE): settling completes it, and hands out its event if this call completed it.
    return ok({ comment: earlier, event: await deps.store.settleComment(earlier), duplicate: true });
  }

  if (poster.kind === 'anonymous' && (await deps.reservedNames.isReserved(poster.site, authorName))) {
    return fail(ErrorCode.NAME_RESERVED, `The name "${authorName}" is reserved on this site (its moderators’ and editors’ names); choose another.`, {
      field: 'authorName',
    });
  }

  const now = deps.clock();
  const verdict = deps.moderate({
    site: poster.site,
    page: request.page,
    text: request.text,
    authorName,
    authorId: poster.authorId,
    history: standingOf(poster.kind, history),
    now,
  });
  const refusal = refusalOf(verdict);
  if (refusal) return refusal;

  // The velocity rule and the per-address limit can both refuse: answer with the longer wait,
  // and take from the address allowance only for a post the rule lets through, so a refused
  // click never lengthens the wait the reader was told.
  const velocity = velocityRefusal(verdict);
  const address = velocity ? await deps.rateLimit.peek(poster.address) : await deps.rateLimit.consume(poster.address);
  const limited = rateRefusal(address, velocity);
  if (limited) return limited;

  const parentId = request.parentId ?? null;
  const parent = parentId === null ? null : await deps.store.getComment(poster.site, request.page, parentId);
  if (parentId !== null) {
    const refused = parentRefusal(parent);
    if (refused) return refused;
  }

  const result = await deps.store.createComment(
    {
      id: deps.newId(),
      site: poster.site,
      page: request.page,
      parentId,
      ...replyPlace(parent),
      authorId: poster.authorId,
      authorName,
      authorKind: poster.kind,
      avatarUrl: poster.avatarUrl,
      text: request.text,
      status: STATUS_FOR[verdict.action],
      createdAt: now,
      editedAt: null,
      likes: 0,
      replyCount: 0,
      moderation: { action: verdict.action, reasons: verdict.reasons },
    },
    request.key,
  );
  return ok(result);
}
