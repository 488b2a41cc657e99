/**
 * A site's comments oldest first, for the Redis store's `exportComments`.
 *
 * Redis keeps no index of every comment of a site: the site's recent index and each author's
 * index are capped (1,000 and 500), and the queues hold only queued comments. Adding one would
 * change every write and still miss the comments written before it, so the export walks the
 * keyspace instead: SCAN, on every master of a cluster (each holds its own slots), for the site's comment keys (`<prefix>:{<site>:<page>}:c:<id>`, TYPE
 * string), reading each batch's comments to note only their (createdAt, key); then it sorts
 * those and reads the comments again in pages as the caller consumes them. Memory holds one
 * small reference per comment, never the comments of the whole site; the SCAN costs a pass
 * over the whole keyspace, which an export (an operator's occasional command) can afford.
 * A comment's likes and replyCount are kept beside its JSON (redis-keys.ts): `complete` adds
 * them to each page before it is handed on.
 */
import type { RedisConnection, RedisNode } from './redis-connection.ts';
import { parseStoredComment } from './stored-json.ts';
import type { StoredComment } from './types.ts';

/** Comments read per batch, in both passes. */
const BATCH = 500;

/**
 * The values of keys of many threads: one GET each, sent together (node-redis pipelines the
 * commands of one tick), not an MGET, which Redis Cluster refuses across slots.
 */
function getAll(client: RedisConnection, keys: string[]): Promise<(string | null)[]> {
  return Promise.all(keys.map((key) => client.get(key)));
}

/** Escapes Redis glob characters, so a prefix or site id is matched literally. */
export function globLiteral(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

interface Ref {
  createdAt: number;
  id: string;
  key: string;
}

/**
 * `keyOf` gives a comment's own key: a string key the pattern matched that is not the key of the
 * comment it holds (an idempotency key whose author id contains `:c:`, a site whose id starts
 * with this one's and a colon) is not one of the site's comments. `complete` gives a page of
 * comments as the store reads them (with their counters), in the same order. `nodes` are the
 * servers to scan (the one Redis, or every master); the comments are read through `client`,
 * which sends each GET to the node of its key's slot.
 */
export async function* exportRedisComments(
  client: RedisConnection,
  nodes: () => Promise<RedisNode[]>,
  prefix: string,
  site: string,
  keyOf: (comment: StoredComment) => string,
  complete: (comments: StoredComment[]) => Promise<StoredComment[]>,
): AsyncGenerator<StoredComment> {
  const refs: Ref[] = [];
  const match = `${globLiteral(prefix)}:{${globLiteral(site)}:*}:c:*`;
  for (const node of await nodes()) {
    for await (const keys of node.scanIterator({ MATCH: match, TYPE: 'string', COUNT: 1_000 })) {
      for (let at = 0; at < keys.length; at += BATCH) {
        const batch = keys.slice(at, at + BATCH);
        const values = await getAll(client, batch);
        values.forEach((json, i) => {
          const key = batch[i];
          if (typeof json !== 'string' || key === undefined) return;
          const comment = commentIn(json);
          if (comment && comment.site === site && keyOf(comment) === key) refs.push({ createdAt: comment.createdAt, id: comment.id, key });
        });
      }
    }
  }
  // SCAN may return a key twice; a comment is exported once.
  const seen = new Set<string>();
  const ordered = refs
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : a.key < b.key ? -1 : 1))
    .filter((ref) => (seen.has(ref.key) ? false : (seen.add(ref.key), true)));
  for (let at = 0; at < ordered.length; at += BATCH) {
    const values = await getAll(
      client,
      ordered.slice(at, at + BATCH).map((ref) => ref.key),
    );
    // A comment deleted from Redis between the passes is gone; there is nothing to export of it.
    const comments = values.filter((json) => typeof json === 'string').map(parseStoredComment);
    yield* await complete(comments);
  }
}

function commentIn(json: string): StoredComment | null {
  try {
    const value = parseStoredComment(json);
    return typeof value === 'object' && value !== null && typeof value.id === 'string' ? value : null;
  } catch {
    return null;
  }
}
