/**
 * The dependency-free kit both sets of browser guards are built from (guards.ts for the reader
 * widget, moderation-guards.ts for the console): zod stays out of both bundles. `shape` wants a
 * guard for every field of the protocol's own type (optional ones included), so a field added
 * to the protocol that a guard forgets is a compile error. Also here: the guards every
 * namespace shares — a comment as the wire carries it, a wire error, a Result, a refused handshake.
 */
import type { AuthorKind, CommentStatus, PublicComment } from './comment.ts';
import { isErrorCode, isErrorReason, type DecidedBy, type Result, type WireError } from './errors.ts';
import type { ConnectErrorData } from './events.ts';

export type Guard<T> = (value: unknown) => value is T;

/** One guard per key of T, optional keys included. */
export type Field<T> = { [K in keyof T]-?: Guard<T[K]> };

/** An object guard from one guard per field: every key of T must be given one. */
export function shape<T>(fields: Field<T>): Guard<T> {
  const entries = Object.entries<Guard<unknown>>(fields);
  return (value: unknown): value is T => {
    if (typeof value !== 'object' || value === null) return false;
    for (const [key, guard] of entries) {
      if (!guard((value as Record<string, unknown>)[key])) return false;
    }
    return true;
  };
}

export const isString: Guard<string> = (v): v is string => typeof v === 'string';
/** A finite number: JSON has no NaN or Infinity, so one here is not the server's. */
export const isNumber: Guard<number> = (v): v is number => typeof v === 'number' && Number.isFinite(v);
export const isBoolean: Guard<boolean> = (v): v is boolean => typeof v === 'boolean';
/** JSON carries no `undefined`: an `unknown` field (the policy) must at least be present. */
export const isPresent: Guard<unknown> = (v): v is unknown => v !== undefined;
/** Any object: what an empty answer (`{}`) is checked with. */
export const isEmpty: Guard<Record<string, never>> = (v): v is Record<string, never> => typeof v === 'object' && v !== null;

export const nullable =
  <T>(guard: Guard<T>): Guard<T | null> =>
  (v): v is T | null =>
    v === null || guard(v);
export const optional =
  <T>(guard: Guard<T>): Guard<T | undefined> =>
  (v): v is T | undefined =>
    v === undefined || guard(v);
export const arrayOf =
  <T>(guard: Guard<T>): Guard<T[]> =>
  (v): v is T[] =>
    Array.isArray(v) && v.every(guard);
export const literal =
  <T extends string | boolean>(expected: T): Guard<T> =>
  (v): v is T =>
    v === expected;
export const either =
  <A, B>(a: Guard<A>, b: Guard<B>): Guard<A | B> =>
  (v): v is A | B =>
    a(v) || b(v);

/** A member of a closed set, given as an object with every member as a key: a member added to the union that is missing here is a compile error. */
export function memberOf<T extends string>(members: Record<T, true>): Guard<T> {
  return (v): v is T => typeof v === 'string' && Object.hasOwn(members, v);
}

const isStatus = memberOf<CommentStatus>({ published: true, pending: true, rejected: true, deleted: true });
export const isAuthorKind = memberOf<AuthorKind>({ anonymous: true, sso: true, moderator: true });

export const isPublicComment: Guard<PublicComment> = shape<PublicComment>({
  id: isString,
  page: isString,
  parentId: nullable(isString),
  rootId: nullable(isString),
  depth: isNumber,
  replyTo: nullable(isString),
  authorId: isString,
  authorName: isString,
  authorKind: isAuthorKind,
  avatarUrl: nullable(isString),
  text: isString,
  status: isStatus,
  createdAt: isNumber,
  editedAt: nullable(isNumber),
  likes: isNumber,
  replyCount: isNumber,
});

export const isDecidedBy: Guard<DecidedBy> = shape<DecidedBy>({
  action: memberOf<DecidedBy['action']>({ approve: true, reject: true }),
  by: isString,
  at: isNumber,
  reason: nullable(isString),
});

/** A wire error, with the `decided` an ALREADY_DECIDED answer carries checked too. */
export const isWireError: Guard<WireError> = shape<WireError>({
  code: isErrorCode,
  message: isString,
  field: optional(isString),
  reason: optional(isErrorReason),
  retryAfterMs: optional(isNumber),
  decided: optional(isDecidedBy),
});

/** A Result whose data passes `data`, or a well-formed error. */
export function isResultOf<T>(data: Guard<T>): Guard<Result<T>> {
  return (v): v is Result<T> => {
    if (typeof v !== 'object' || v === null || !('ok' in v)) return false;
    if (v.ok === true) return 'data' in v && data(v.data);
    return v.ok === false && 'error' in v && isWireError(v.error);
  };
}

/** What a refused handshake carries in `connect_error`'s `data`, on either namespace. */
export const isConnectErrorData: Guard<ConnectErrorData> = shape<ConnectErrorData>({
  code: isErrorCode,
  message: isString,
  retryAfterMs: optional(isNumber),
});
