/**
 * The Redis store's key layout, in one place. Every key of one thread shares the hash tag
 * `{<site>:<page>}` (one Redis Cluster slot, so a thread's write is one atomic script); an
 * author's record spans threads and has a tag of its own.
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
