/**
 * A store's StoreInputError (a cursor of another sort, or one it never issued) is the reader's
 * mistake: INVALID_INPUT on its field, not a failed request.
 */
import { ErrorCode, ErrorReason, fail, type Result } from '../../protocol/errors.ts';
import { StoreInputError } from '../store/errors.ts';

export async function storeInputRefusal<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof StoreInputError) return fail(ErrorCode.INVALID_INPUT, err.message, { field: err.field, reason: ErrorReason.invalid });
    throw err;
  }
}
