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
  };
}

/** The keys of one author's record on one site. */
export function authorKeys(prefix: string, site: string, authorId: string) {
  const base = `${prefix}:{a:${site}:${authorId}}`;
  return { counts: `${base}:h`, recent: `${base}:recent`, recorded: `${base}:recorded` };
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
  };
}
