import type { PublicComment } from '../../protocol/comment.ts';

/**
 * Fired by `<rembuk-thread>` when the reader's comment was accepted (published or held for
 * review). Bubbles out of the shadow root so the host page can react (analytics, a toast).
 */
export class CommentPostedEvent extends Event {
  static readonly eventName = 'rembuk-comment-posted';
  readonly comment: PublicComment;

  constructor(comment: PublicComment) {
    super(CommentPostedEvent.eventName, { bubbles: true, composed: true });
    this.comment = comment;
  }
}

declare global {
  interface HTMLElementEventMap {
    'rembuk-comment-posted': CommentPostedEvent;
  }
}
