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
  /** Present when the comment was published by this call: broadcast it. */
  event: ThreadEvent | null;
  duplicate: boolean;
}

const STATUS_FOR: Record<ModerationRecord['action'], NewCommentStatus> = {
  publish: 'published',
  hold: 'pending',
  reject: 'rejected',
};

export async function createComment(
  deps: CreateCommentDeps,
  poster: Poster,
  payload: unknown,
): Promise<Result<CreateCommentOutcome>> {
  const parsed = parse.commentCreate(payload);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const request = parsed.value;

  const rate = await deps.rateLimit.consume(poster.address);
  if (!rate.ok) {
    const seconds = Math.ceil(rate.retryAfterMs / 1000);
    return fail(ErrorCode.RATE_LIMITED, `Too many comments from your network; try again in ${seconds} s.`, {
      retryAfterMs: rate.retryAfterMs,
    });
  }

  const parentId = request.parentId ?? null;
  if (parentId !== null) {
    const parent = await deps.store.getComment(poster.site, request.page, parentId);
    if (!parent || !isVisible(parent.status)) {
      return fail(ErrorCode.NOT_FOUND, 'The comment you are replying to does not exist in this thread.', {
        field: 'parentId',
      });
    }
  }

  const verdict = deps.moderate({ text: request.text, authorName: request.authorName });
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
      createdAt: deps.clock(),
      moderation: verdict,
    },
    request.key,
  );
  return ok(result);
}

function isVisible(status: CommentStatus): boolean {
  return status === 'published' || status === 'deleted';
}
