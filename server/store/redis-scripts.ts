/**
 * Lua scripts, so that each write is one atomic step in Redis. Every key a script touches
 * shares one hash tag (the thread's, or the author's), so the scripts stay valid on Redis Cluster.
 *
 * A Redis script is atomic but has no rollback: a command that fails halfway leaves the earlier
 * writes in place. So every script here first checks everything that can make a later command
 * fail (key types, values that must be numbers, stream ids) and only then writes. The `#!lua`
 * shebang (Redis 7) makes Redis refuse the whole script up front when it is out of memory or
 * cannot persist, instead of failing at the first write (docs/decisions/0006-redis-atomic-writes.md).
 */

/**
 * Shared by the scripts: refuse when a key holds another type than the script expects. Called
 * before any write, so a refusal leaves nothing behind.
 */
const EXPECT_TYPE = `
local function expect_type(key, want, what)
  local got = redis.call('TYPE', key)['ok']
  if got ~= 'none' and got ~= want then
    return redis.error_reply('WRONGTYPE ' .. what .. ' ' .. key .. ' has the wrong type: a ' .. got .. ' where a ' .. want .. ' belongs; nothing was written')
  end
  return nil
end
`;

/**
 * Shared by the scripts that publish: the thread's next seq, and 1 when the seq key had to be
 * repaired (see CREATE_COMMENT). Reads only; the caller checked the three keys' types.
 */
const NEXT_SEQ = `
local function next_seq(seqKey, publishedKey, eventsKey)
  local raw = redis.call('GET', seqKey)
  local stored = nil
  if raw and string.match(raw, '^%d+$') then stored = tonumber(raw) end
  local base = stored or 0
  local top = redis.call('ZREVRANGE', publishedKey, 0, 0, 'WITHSCORES')
  if top[2] then base = math.max(base, tonumber(top[2])) end
  if redis.call('EXISTS', eventsKey) == 1 then
    local info = redis.call('XINFO', 'STREAM', eventsKey)
    for i = 1, #info, 2 do
      if info[i] == 'last-generated-id' then
        base = math.max(base, tonumber(string.match(info[i + 1], '^(%d+)-')))
      end
    end
  end
  -- A new thread has no seq yet; anything else that disagrees with the index and log is a repair.
  local repaired = 0
  if (raw and stored ~= base) or (not raw and base > 0) then repaired = 1 end
  return base + 1, repaired
end
`;

/**
 * Create a comment. KEYS: idem, seq, published zset, comment, events stream, author's pending zset.
 * ARGV: comment JSON, status, id, createdAt, idem TTL s, stream max length, public comment JSON.
 * The event log keeps the public comment ('c') and the count after it ('n'); the event itself
 * is built when read, by the one builder both stores share (public-views.ts).
 * Returns {0, existingId} for a used idempotency key, else {1, seq, count, repaired} (seq and
 * count 0 when not published; repaired 1 when the seq key was missing, corrupt or behind).
 *
 * The thread's seq is derived data: it must be at least the top score of the published index
 * and the stream's last id. When the key was lost (evicted, deleted) or holds garbage, it is
 * rebuilt from those two, so the thread keeps its gap-free sequence instead of restarting at 1
 * and failing every XADD from then on.
 */
export const CREATE_COMMENT = `#!lua
${EXPECT_TYPE}
${NEXT_SEQ}
local refused = expect_type(KEYS[1], 'string', 'idempotency key')
if refused then return refused end
local existing = redis.call('GET', KEYS[1])
if existing then return {0, existing} end
if redis.call('EXISTS', KEYS[4]) == 1 then
  return redis.error_reply('ERR comment ' .. KEYS[4] .. ' already exists; nothing was written')
end

if ARGV[2] == 'published' then
  refused = expect_type(KEYS[2], 'string', 'thread seq')
    or expect_type(KEYS[3], 'zset', 'published index')
    or expect_type(KEYS[5], 'stream', 'event log')
  if refused then return refused end
  local seq, repaired = next_seq(KEYS[2], KEYS[3], KEYS[5])
  local seqText = string.format('%d', seq)
  local count = redis.call('ZCARD', KEYS[3]) + 1
  -- Checked above, nothing below can fail. XADD goes first all the same: it is the one
  -- write whose success depends on data (its id must exceed the stream's last).
  redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[6], seqText .. '-0', 'c', ARGV[7], 'n', count)
  redis.call('SET', KEYS[2], seqText)
  redis.call('ZADD', KEYS[3], seq, ARGV[3])
  redis.call('SET', KEYS[4], ARGV[1])
  redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[5])
  return {1, seq, count, repaired}
end

if ARGV[2] == 'pending' then
  refused = expect_type(KEYS[6], 'zset', 'pending index')
  if refused then return refused end
  redis.call('ZADD', KEYS[6], ARGV[4], ARGV[3])
end
redis.call('SET', KEYS[4], ARGV[1])
redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[5])
return {1, 0, 0, 0}
`;

/**
 * A moderator's decision on a pending comment, in one step on the thread's keys.
 * KEYS: comment, seq, published zset, events stream, the author's pending zset.
 * ARGV: id, action ('approve' | 'reject'), the decided comment's JSON, its public JSON, stream max length.
 * Returns {0} when there is no such comment; {2, stored JSON} when it is no longer pending
 * (ALREADY_DECIDED); {1, seq, count, repaired} when decided (seq and count 0 for a rejection).
 *
 * Redis runs one script at a time, so of two decisions on one comment the second sees the
 * first's status: exactly one decides. The decided JSON is built by the caller from the stored
 * JSON it read, which a pending comment keeps until it is decided, so it is checked here too.
 */
export const DECIDE_COMMENT = `#!lua
${EXPECT_TYPE}
${NEXT_SEQ}
local refused = expect_type(KEYS[1], 'string', 'comment')
if refused then return refused end
local raw = redis.call('GET', KEYS[1])
if not raw then return {0} end
local ok, stored = pcall(cjson.decode, raw)
if not ok or type(stored) ~= 'table' then
  return redis.error_reply('ERR comment ' .. KEYS[1] .. ' is not readable JSON; nothing was written')
end
if stored['status'] ~= 'pending' then return {2, raw} end
refused = expect_type(KEYS[5], 'zset', 'pending index')
if refused then return refused end
if ARGV[2] == 'approve' then
  refused = expect_type(KEYS[2], 'string', 'thread seq')
    or expect_type(KEYS[3], 'zset', 'published index')
    or expect_type(KEYS[4], 'stream', 'event log')
  if refused then return refused end
  local seq, repaired = next_seq(KEYS[2], KEYS[3], KEYS[4])
  local seqText = string.format('%d', seq)
  local count = redis.call('ZCARD', KEYS[3]) + 1
  -- Checked above, nothing below can fail; XADD first as in CREATE_COMMENT.
  redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[5], seqText .. '-0', 'c', ARGV[4], 'n', count)
  redis.call('SET', KEYS[2], seqText)
  redis.call('ZADD', KEYS[3], seq, ARGV[1])
  redis.call('SET', KEYS[1], ARGV[3])
  redis.call('ZREM', KEYS[5], ARGV[1])
  return {1, seq, count, repaired}
end
redis.call('SET', KEYS[1], ARGV[3])
redis.call('ZREM', KEYS[5], ARGV[1])
return {1, 0, 0, 0}
`;

/**
 * Count a moderator's decision in its author's counts, once. KEYS: counts hash, recorded zset
 * (RECORD_HISTORY's). ARGV: '<comment id>:<action>', field ('approved' | 'rejected'), at,
 * recorded ids kept. Returns 1 when this call counted it, 0 when an earlier one had.
 */
export const COUNT_DECISION = `#!lua
${EXPECT_TYPE}
local refused = expect_type(KEYS[1], 'hash', 'author counts') or expect_type(KEYS[2], 'zset', 'author recorded comments')
if refused then return refused end
if redis.call('ZSCORE', KEYS[2], ARGV[1]) then return 0 end
local current = redis.call('HGET', KEYS[1], ARGV[2])
if current and not string.match(current, '^%-?%d+$') then
  return redis.error_reply('ERR author count ' .. ARGV[2] .. ' in ' .. KEYS[1] .. ' is not a number; nothing was written')
end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(tonumber(ARGV[4]) + 1))
redis.call('HINCRBY', KEYS[1], ARGV[2], 1)
return 1
`;

/**
 * Put a comment in the queue it belongs in, idempotently. KEYS: the site's pending, rejected
 * and approved zsets. ARGV: member ('<page>\\n<id>'), target queue ('pending' | 'rejected' |
 * 'approved'), score (queued time). Removes it from the other two; never moves a score back.
 */
export const PLACE_IN_QUEUE = `#!lua
${EXPECT_TYPE}
local refused = expect_type(KEYS[1], 'zset', 'pending queue')
  or expect_type(KEYS[2], 'zset', 'rejected queue')
  or expect_type(KEYS[3], 'zset', 'approved queue')
if refused then return refused end
local names = {'pending', 'rejected', 'approved'}
for i = 1, 3 do
  if names[i] == ARGV[2] then
    redis.call('ZADD', KEYS[i], 'NX', ARGV[3], ARGV[1])
  else
    redis.call('ZREM', KEYS[i], ARGV[1])
  end
end
return 1
`;

/**
 * Record a comment in its author's site-wide history, once. KEYS: counts hash, recent list,
 * recorded zset (ids of the author's comments already recorded, scored by createdAt).
 * ARGV: id, status, recent-post JSON, recent posts kept, createdAt, recorded ids kept.
 * Returns 1 when this call recorded it, 0 when an earlier call had.
 *
 * The history sits under the author's hash tag, not the thread's, so it cannot share the
 * create script; keying it by comment id lets a retry complete it without counting twice.
 * The recorded set is trimmed to the newest ids: a retry comes within minutes, long before
 * an author posts that many comments more.
 */
export const RECORD_HISTORY = `#!lua
${EXPECT_TYPE}
local refused = expect_type(KEYS[1], 'hash', 'author counts')
  or expect_type(KEYS[2], 'list', 'author recent posts')
  or expect_type(KEYS[3], 'zset', 'author recorded comments')
if refused then return refused end
if redis.call('ZSCORE', KEYS[3], ARGV[1]) then return 0 end
local field = nil
if ARGV[2] == 'published' then field = 'approved' end
if ARGV[2] == 'rejected' then field = 'rejected' end
if field then
  local current = redis.call('HGET', KEYS[1], field)
  if current and not string.match(current, '^%-?%d+$') then
    return redis.error_reply('ERR author count ' .. field .. ' in ' .. KEYS[1] .. ' is not a number; nothing was written')
  end
end
redis.call('ZADD', KEYS[3], ARGV[5], ARGV[1])
redis.call('ZREMRANGEBYRANK', KEYS[3], 0, -(tonumber(ARGV[6]) + 1))
if field then redis.call('HINCRBY', KEYS[1], field, 1) end
redis.call('LPUSH', KEYS[2], ARGV[3])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[4]) - 1)
return 1
`;

/**
 * Read what a published comment's event was. KEYS: published zset, events stream. ARGV: id.
 * Returns {seq, the count logged with it or false, the thread's count now} or {0} when the
 * comment is not in the published index. Read-only, so Redis runs it even when out of memory.
 */
export const READ_PUBLISHED_EVENT = `#!lua flags=no-writes
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score then return {0} end
local seq = string.format('%d', tonumber(score))
local entries = redis.call('XRANGE', KEYS[2], seq .. '-0', seq .. '-0')
local logged = false
if entries[1] then
  local fields = entries[1][2]
  for i = 1, #fields, 2 do
    if fields[i] == 'n' then logged = tonumber(fields[i + 1]) end
  end
end
return {tonumber(seq), logged, redis.call('ZCARD', KEYS[1])}
`;

/*
 * The moderator directory's scripts. All its keys share the hash tag `{mod}`; session keys
 * named inside a script (from a prefix in ARGV and ids read from a set) are in that slot too.
 */

/**
 * Create a moderator. KEYS: account hash, email → id hash, ids set.
 * ARGV: id, email (normalized), then the account's field/value pairs.
 * Returns 0 when the email (or the id) is taken, nothing written; 1 when created.
 */
export const CREATE_MODERATOR = `#!lua
${EXPECT_TYPE}
local refused = expect_type(KEYS[1], 'hash', 'moderator account')
  or expect_type(KEYS[2], 'hash', 'moderator email index')
  or expect_type(KEYS[3], 'set', 'moderator ids')
if refused then return refused end
if redis.call('HEXISTS', KEYS[2], ARGV[2]) == 1 or redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
return 1
`;

/**
 * Change fields of a moderator. KEYS: account hash. ARGV: field/value pairs (at least one).
 * Returns 0 when there is no such account, 1 when changed.
 */
export const UPDATE_MODERATOR = `#!lua
${EXPECT_TYPE}
local refused = expect_type(KEYS[1], 'hash', 'moderator account')
if refused then return refused end
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if #ARGV > 0 then redis.call('HSET', KEYS[1], unpack(ARGV)) end
return 1
`;

/**
 * Remove a moderator with its email entry and every session. KEYS: account hash, email → id
 * hash, ids set, the moderator's session set. ARGV: id, session key prefix.
 * Returns 0 when there was no account, 1 when removed.
 */
export const REMOVE_MODERATOR = `#!lua
${EXPECT_TYPE}
local refused = expect_type(KEYS[1], 'hash', 'moderator account')
  or expect_type(KEYS[2], 'hash', 'moderator email index')
  or expect_type(KEYS[3], 'set', 'moderator ids')
  or expect_type(KEYS[4], 'set', 'moderator sessions')
if refused then return refused end
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local email = redis.call('HGET', KEYS[1], 'email')
if email and redis.call('HGET', KEYS[2], email) == ARGV[1] then redis.call('HDEL', KEYS[2], email) end
redis.call('SREM', KEYS[3], ARGV[1])
for _, sid in ipairs(redis.call('SMEMBERS', KEYS[4])) do redis.call('DEL', ARGV[2] .. sid) end
redis.call('DEL', KEYS[4], KEYS[1])
return 1
`;

/**
 * Store a session. KEYS: session hash, the moderator's session set. ARGV: session id,
 * moderatorId, createdAt, expiresAt, TTL ms (> 0), session key prefix. Ids in the set whose
 * session has expired are dropped from it first, so the set stays as small as the live sessions.
 */
export const CREATE_SESSION = `#!lua
${EXPECT_TYPE}
local refused = expect_type(KEYS[1], 'hash', 'moderator session') or expect_type(KEYS[2], 'set', 'moderator sessions')
if refused then return refused end
for _, sid in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  if redis.call('EXISTS', ARGV[6] .. sid) == 0 then redis.call('SREM', KEYS[2], sid) end
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'moderatorId', ARGV[2], 'createdAt', ARGV[3], 'expiresAt', ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('SADD', KEYS[2], ARGV[1])
return 1
`;

/**
 * End one session. KEYS: session hash. ARGV: session id, session-set key prefix.
 */
export const REVOKE_SESSION = `#!lua
local moderatorId = redis.call('HGET', KEYS[1], 'moderatorId')
redis.call('DEL', KEYS[1])
if moderatorId then redis.call('SREM', ARGV[2] .. moderatorId, ARGV[1]) end
return 1
`;

/**
 * End every session of a moderator. KEYS: the moderator's session set. ARGV: session key
 * prefix. Returns how many live sessions ended (ids of expired ones count for nothing).
 */
export const REVOKE_SESSIONS_OF = `#!lua
${EXPECT_TYPE}
local refused = expect_type(KEYS[1], 'set', 'moderator sessions')
if refused then return refused end
local ended = 0
for _, sid in ipairs(redis.call('SMEMBERS', KEYS[1])) do ended = ended + redis.call('DEL', ARGV[1] .. sid) end
redis.call('DEL', KEYS[1])
return ended
`;
