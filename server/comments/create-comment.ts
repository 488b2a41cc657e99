/**
 * The post pipeline (DESIGN.md): parse → identity and site → moderation → one atomic store
 * write → the caller acks and broadcasts. Expected outcomes (bad input, a held comment) are
 * values; only store failures throw.
 */
import type { CommentStatus } from '../../protocol/comment.ts';
import { ErrorCode, fail, ok, type Result } from '../../protocol/errors.ts';
import type { ThreadEvent } from '../../protocol/events.ts';
import { parse } from '../../protocol/parse.ts';
import type { CommentStore, ModerationRecord, NewCommentStatus, StoredComment } from '../store/types.ts';
import type { Moderate } from './moderate.ts';
import type { PostRateLimit } from './post-rate-limit.ts';
import { rateRefusal } from './rate-refusal.ts';
import { refusalOf, velocityRefusal } from './rule-refusals.ts';

export interface CreateCommentDeps {
  store: CommentStore;
  moderate: Moderate;
  rateLimit: PostRateLimit;
  clock: () => number;
  newId: () => string;
}

export interface Poster {
  site: string;
  authorId: string;
  /** The client's network address, for the per-address post limit. */
  address: string;
}

export interface CreateCommentOutcome {
  comment: StoredComment;
  /** Present when this call published the comment or completed its half-done first attempt: broadcast it, once. */
  event: ThreadEvent | null;
  duplicate: boolean;
}

const STATUS_FOR: Record<ModerationRecord['action'], NewCommentStatus> = {
  publish: 'published',
  hold: 'pending',
  reject: 'rejected',
};

export async function createComment(deps: CreateCommentDeps, poster: Poster, payload: unknown): Promise<Result<CreateCommentOutcome>> {
  const parsed = parse.commentCreate(payload);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const request = parsed.value;

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

  const now = deps.clock();
  const verdict = deps.moderate({
    site: poster.site,
    page: request.page,
    text: request.text,
    authorName: request.authorName,
    authorId: poster.authorId,
    history,
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
  if (parentId !== null) {
    const parent = await deps.store.getComment(poster.site, request.page, parentId);
    if (!parent || !isVisible(parent.status)) {
      return fail(ErrorCode.NOT_FOUND, 'The comment you are replying to does not exist in this thread.', {
        field: 'parentId',
      });
    }
  }

  const result = await deps.store.createComment(
    {
      id: deps.newId(),
      site: poster.site,
      page: request.page,
      parentId,
      authorId: poster.authorId,
      authorName: request.authorName,
      text: request.text,
      status: STATUS_FOR[verdict.action],
      createdAt: now,
      moderation: { action: verdict.action, reasons: verdict.reasons },
    },
    request.key,
  );
  return ok(result);
}

function isVisible(status: CommentStatus): boolean {
  return status === 'published' || status === 'deleted';
}
