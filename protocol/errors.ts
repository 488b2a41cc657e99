/** Every error code that can cross the wire. Stable: clients switch on these. */
export const ErrorCode = {
  INVALID_INPUT: 'INVALID_INPUT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNKNOWN_EVENT: 'UNKNOWN_EVENT',
  UNKNOWN_SITE: 'UNKNOWN_SITE',
  ORIGIN_NOT_ALLOWED: 'ORIGIN_NOT_ALLOWED',
  NOT_FOUND: 'NOT_FOUND',
  THREAD_CLOSED: 'THREAD_CLOSED',
  AUTHOR_BANNED: 'AUTHOR_BANNED',
  RATE_LIMITED: 'RATE_LIMITED',
  UNAVAILABLE: 'UNAVAILABLE',
  /** A moderator endpoint without a valid session: sign in (again). */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Signed in (or not), but this may not be done from here or by this account. */
  FORBIDDEN: 'FORBIDDEN',
  /** Wrong email or password; one message for both, so neither is revealed. */
  SIGN_IN_FAILED: 'SIGN_IN_FAILED',
  /** Another moderator (or the engine) decided this comment first; `decided` says who, how and when. */
  ALREADY_DECIDED: 'ALREADY_DECIDED',
  /** The site's edit window for this comment has passed (`comment:edit`); deleting is still possible. */
  EDIT_WINDOW_CLOSED: 'EDIT_WINDOW_CLOSED',
  /** An anonymous reader chose a name the site reserves (its moderators', its reserved list): `field` is authorName. */
  NAME_RESERVED: 'NAME_RESERVED',
  /** The page's SSO token was refused (bad signature, expired, another site's, not HS256, malformed): in `viewer.ssoError`. */
  SSO_INVALID: 'SSO_INVALID',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Why a field was refused, for machines: the widget picks its own sentence from `field` and
 * `reason`, never from the English `message`.
 */
export const ErrorReason = {
  /** Absent although required. */
  missing: 'missing',
  /** Present but of the wrong JSON type (a number where a string belongs). */
  wrong_type: 'wrong_type',
  /** Empty, or only whitespace. */
  empty: 'empty',
  too_long: 'too_long',
  too_short: 'too_short',
  /** The right type, but not a value this field takes (a malformed page id, a bad cursor). */
  invalid: 'invalid',
  /** A field the request does not have. */
  unknown_field: 'unknown_field',
} as const;
export type ErrorReason = (typeof ErrorReason)[keyof typeof ErrorReason];

/** What a failed request answers. `field` names the offending input field, when there is one. */
export interface WireError {
  code: ErrorCode;
  message: string;
  field?: string;
  /** With `field`: what is wrong with it. */
  reason?: ErrorReason;
  /** For RATE_LIMITED: how long to wait before trying again. */
  retryAfterMs?: number;
  /** For ALREADY_DECIDED: the decision that came first (absent when the engine published the comment). */
  decided?: DecidedBy;
}

/** Who decided a comment, how and when, as a moderator's console shows it. */
export interface DecidedBy {
  action: 'approve' | 'reject';
  /** The moderator's email, or their id when the account is gone. */
  by: string;
  at: number;
  reason: string | null;
}

/** Every request is acknowledged with a Result. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: WireError };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string, extra: Omit<WireError, 'code' | 'message'> = {}): Result<never> {
  return { ok: false, error: { code, message, ...extra } };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ErrorCode, value);
}

export function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === 'string' && Object.hasOwn(ErrorReason, value);
}
