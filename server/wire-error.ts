/**
 * The one place that decides what an unexpected failure looks like on the wire: store
 * outages become UNAVAILABLE (retry later), anything else INTERNAL, never a stack trace.
 */
import { ErrorCode, type WireError } from '../protocol/errors.ts';
import { StoreUnavailableError } from './store/errors.ts';

export function toWireError(err: unknown): WireError {
  if (err instanceof StoreUnavailableError) {
    return { code: ErrorCode.UNAVAILABLE, message: 'Comments are temporarily unavailable. Please try again in a moment.' };
  }
  return { code: ErrorCode.INTERNAL, message: 'Something went wrong on our side. Please try again.' };
}
