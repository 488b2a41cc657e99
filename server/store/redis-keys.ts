/**
 * The Redis store's key layout, in one place. Every key of one thread shares the hash tag
 * `{<site>:<page>}` (one Redis Cluster slot, so a thread's write is one atomic script); an
 * author's record spans threads and has a tag of its own. Every moderator key shares the one
 * tag `{mod}`: the directory is small, and one slot lets a script create or remove an account
 * with its index and sessions atomically, on Redis Cluster too.
 */

/** The keys of one thread. */
export function threadKeys(prefix: string, site: string, page: string) {
  const base = `${prefix}:{${site}:${page}}`;
  return {
    seq: `${base}:seq`,
    published: `${base}:pub`,
    events: `${base}:ev`,
    comment: (id: string) => `${base}:c:${id}`,
    idem: (authorId: string, key: string) => `${base}:idem:${authorId}:${key}`,
    pendingOf: (authorId: string) => `${base}:pa:${authorId}`,
    /**
     * Comment id → its change version: 1 at creation, +1 at every later change (a decision, a
     * report). The site's queue index and the author's counts keep the version they last
     * applied, so a repeated or late second step can never move them back to an older state.
     */
    versions: `${base}:ver`,
    /** A comment's decisions: version → the audit entry written with it (the site's audit log is their index). */
    decisions: (id: string) => `${base}:d:${id}`,
    /**
     * What every thread key starts with. The read scripts build the keys of the comments an index
     * names from it (`<base>:c:<id>`, `<base>:r:<id>`, `<base>:lv:<id>`): same tag, same slot.
     */
    base,
    /**
     * Present once the listing indexes below are complete. A thread stored before them has its
     * indexes built once, in one script, by the first write or read that finds this missing.
     */
    indexed: `${base}:ix`,
    /**
     * The listed top-level comments (published, or with published replies: 0021), by time. Equal
     * scores, members `<createdAt, 16 digits>:<id>`, so the order is the members' and a page is a
     * ZRANGE BYLEX from the cursor's member: a keyset walk, never an offset.
     */
    byTime: `${base}:lt`,
    /** The same comments by likes, then time: members `<likes, 10 digits>:<createdAt, 16 digits>:<id>`. */
    byLikes: `${base}:ll`,
    /** Top-level comment id → its published replies at every depth (absent: 0). */
    replyCounts: `${base}:rc`,
    /** Comment id → how many identities like it (absent: 0). Kept beside the JSON, so a like never rewrites it. */
    likes: `${base}:lk`,
    /** The author ids that like a comment: one like per identity. */
    likers: (id: string) => `${base}:lv:${id}`,
    /** A top-level comment's published and deleted replies at every depth, by time (members as byTime's). */
    replies: (rootId: string) => `${base}:r:${rootId}`,
  };
}

/** The keys of one author's record on one site. */
export function authorKeys(prefix: string, site: string, authorId: string) {
  const base = `${prefix}:{a:${site}:${authorId}}`;
  return {
    /** approved, rejected, bannedUntil, trusted, firstSeen, name, nameAt. */
    counts: `${base}:h`,
    recent: `${base}:recent`,
    /** Written by earlier versions (ids and `<id>:<action>` counted); read only to count their comments right. */
    recorded: `${base}:recorded`,
    /** Comment id → `<version>:<status>` it is counted as: the counts are these statuses' tallies. */
    counted: `${base}:counted`,
    /** The author's comments (member `<page>\n<id>`, score createdAt), newest kept. */
    comments: `${base}:comments`,
  };
}

/**
 * A site's moderation queues: one sorted set per queue (score: when the comment entered it,
 * member: `<page>\n<id>`), under the site's own tag `{q:<site>}`. They are an index kept in a
 * second, idempotent step after the thread's write; the comment's stored status is the truth.
 */
export function queueKeys(prefix: string, site: string) {
  const base = `${prefix}:{q:${site}}`;
  return { pending: `${base}:pending`, reported: `${base}:reported`, rejected: `${base}:rejected`, approved: `${base}:approved` };
}

/**
 * The rest of a site's keys, under the same tag `{q:<site>}` as its queues, so the second step
 * of a write (queues, stats, recent index) is one script.
 */
export function siteKeys(prefix: string, site: string) {
  const base = `${prefix}:{q:${site}}`;
  return {
    /** Member `<page>\n<id>` → the comment version the queues last applied (its presence: creation counted). */
    placed: `${base}:placed`,
    /** The site's latest comments (member `<page>\n<id>`, score createdAt), newest kept. */
    recent: `${base}:recent`,
    /** Audit entries by id (JSON) and their order (score: at). */
    auditEntries: `${base}:audit`,
    auditLog: `${base}:auditlog`,
    /** Counters of one UTC day (YYYY-MM-DD). */
    day: (day: string) => `${base}:day:${day}`,
    /** The policy the console saved (JSON). */
    policy: `${base}:policy`,
    /**
     * Writes whose second step may not have run: a token per write, added before its thread
     * step and removed once its second step succeeded. What is left is repaired from the stored
     * comment (redis-store.ts, "Two steps").
     */
    unsettled: `${base}:unsettled`,
  };
}

/** A queue member names its comment's thread and id; a page never holds a newline (ids neither). */
export function queueMember(page: string, id: string): string {
  return `${page}\n${id}`;
}

export function parseQueueMember(member: string): { page: string; id: string } | null {
  const at = member.lastIndexOf('\n');
  return at < 0 ? null : { page: member.slice(0, at), id: member.slice(at + 1) };
}

/**
 * The moderator directory's keys: an account hash per moderator, the email → id hash, the set
 * of ids, a hash per session (expiring with it, PX) and a set of session ids per moderator.
 */
export function moderatorKeys(prefix: string) {
  const base = `${prefix}:{mod}`;
  return {
    account: (id: string) => `${base}:m:${id}`,
    byEmail: `${base}:email`,
    ids: `${base}:ids`,
    /** What a session key starts with; scripts append the session id. */
    sessionPrefix: `${base}:s:`,
    session: (id: string) => `${base}:s:${id}`,
    /** What a moderator's session set key starts with; scripts append the moderator id. */
    sessionsOfPrefix: `${base}:so:`,
    sessionsOf: (moderatorId: string) => `${base}:so:${moderatorId}`,
    /** A one-time sign-in link (JSON, expiring shortly after it does). */
    signInLink: (id: string) => `${base}:link:${id}`,
  };
}

/**
 * The site directory's keys, under the one tag `{sites}`: a hash per site (each field its
 * JSON value, so an update writes only the fields it changes) and the set of ids. The directory
 * is small, and one slot lets a script create or remove a site with its index atomically.
 */
export function siteDirectoryKeys(prefix: string) {
  const base = `${prefix}:{sites}`;
  return {
    site: (id: string) => `${base}:s:${id}`,
    ids: `${base}:ids`,
  };
}
