/**
 * Lua scripts, so that each write is one atomic step in Redis. Every key a script touches
 * shares the thread's hash tag, so the scripts stay valid on Redis Cluster.
 */

/**
 * Record a new comment in its author's site-wide history. KEYS: counts hash, recent list.
 * ARGV: status, recent-post JSON, how many recent posts to keep. One command instead of a
 * five-command MULTI: the post path's cost is mostly Redis client work per command.
 */
export const RECORD_HISTORY = `
if ARGV[1] == 'published' then redis.call('HINCRBY', KEYS[1], 'approved', 1) end
if ARGV[1] == 'rejected' then redis.call('HINCRBY', KEYS[1], 'rejected', 1) end
redis.call('LPUSH', KEYS[2], ARGV[2])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[3]) - 1)
return 1
`;

/**
 * Create a comment. KEYS: idem, seq, published zset, comment, events stream, author's pending zset.
 * ARGV: comment JSON, status, id, createdAt, idem TTL s, stream max length, public JSON, page JSON.
 * Returns {0, existingId} for a used idempotency key, else {1, seq, count} (0, 0 when not published).
 */
export const CREATE_COMMENT = `
local existing = redis.call('GET', KEYS[1])
if existing then return {0, existing} end
redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[5])
redis.call('SET', KEYS[4], ARGV[1])
if ARGV[2] == 'published' then
  local seq = redis.call('INCR', KEYS[2])
  redis.call('ZADD', KEYS[3], seq, ARGV[3])
  local count = redis.call('ZCARD', KEYS[3])
  local event = '{"type":"comment:created","page":' .. ARGV[8] .. ',"seq":' .. seq .. ',"comment":' .. ARGV[7] .. ',"count":' .. count .. '}'
  redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[6], seq .. '-0', 'e', event)
  return {1, seq, count}
end
if ARGV[2] == 'pending' then
  redis.call('ZADD', KEYS[6], ARGV[4], ARGV[3])
end
return {1, 0, 0}
`;
