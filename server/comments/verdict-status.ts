/** Where the engine's verdict sends a new (or edited) comment. */
import type { ModerationRecord, NewCommentStatus } from '../store/types.ts';

export const STATUS_FOR: Readonly<Record<ModerationRecord['action'], NewCommentStatus>> = {
  publish: 'published',
  hold: 'pending',
  reject: 'rejected',
};
