/** Size limits shared by the widget (to warn early) and the server (to enforce). */
export const LIMITS = {
  /** Longest comment text, in characters (UTF-16 code units after trimming). */
  textMax: 5_000,
  /** Longest display name, in characters. */
  nameMax: 60,
  /** Largest event payload the server will parse, in bytes of JSON. */
  payloadMaxBytes: 64 * 1024,
  /** Top-level comments per page in a snapshot or a `thread:more` answer (each with its replies). */
  pageSize: 20,
  /** Replies per top-level comment that a page carries, and per `thread:replies` answer. */
  repliesPerRoot: 50,
  /** Deepest nesting the widget shows; deeper replies are shown flat under their depth-3 ancestor, "replying to …". */
  nestingShown: 3,
  /** The edit window when the site sets none (SiteRecord.editWindowMinutes). */
  editWindowMinutesDefault: 15,
  /** Longest SSO token (JWT) a handshake may carry, in characters. */
  ssoTokenMax: 4096,
  /** Most names on a site's reserved list, and the longest of them (nameMax). */
  reservedNamesMax: 200,
  /** Most events one `thread:resync` returns before the client must re-join instead. */
  resyncMax: 500,
  /** Longest note a reader adds to a report, in characters. */
  reportNoteMax: 500,
  /** Longest reason a moderator types for a rejection or ban. */
  decisionReasonMax: 500,
  /** Items in one moderation queue page. */
  queuePageMax: 100,
  /** Comments one bulk decision may name. */
  bulkDecideMax: 100,
} as const;

/** A site id: lower-case letters, digits and dashes, as the site registry names it. */
export const SITE_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/**
 * A page id: the article's stable path (or a slug the site chooses). Braces, spaces and
 * control characters are excluded so the id can sit inside a Redis hash tag and a URL.
 */
export const PAGE_ID_PATTERN = /^[A-Za-z0-9._~\-/:%+@!$&'()*,;=]{1,200}$/;

/** Client-generated idempotency key for `comment:create`. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
