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
 * Shared: refuse when a hash field that a script will HINCRBY (or compare as a number) holds
 * something else, before anything is written.
 */
const EXPECT_INTEGER = `
local function expect_integer(key, field, what)
  local value = redis.call('HGET', key, field)
  if value and not string.match(value, '^%-?%d+$') then
    return redis.error_reply('ERR ' .. what .. ' ' .. field .. ' in ' .. key .. ' is not a number; nothing was written')
  end
  return nil
end
`;

/**
 * Create a comment. KEYS: idem, seq, published zset, comment, events stream, author's pending
 * zset, the thread's comment versions hash.
 * ARGV: comment JSON, status, id, createdAt, idem TTL s, stream max length, public comment JSON.
 * The event log keeps the public comment ('c') and the count after it ('n'); the event itself
 * is built when read, by the one builder both stores share (public-views.ts).
 * Returns {0, existingId} for a used idempotency key, else {1, seq, count, repaired} (seq and
 * count 0 when not published; repaired 1 when the seq key was missing, corrupt or behind).
 * The comment starts at version 1 (threadKeys().versions).
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
refused = expect_type(KEYS[7], 'hash', 'comment versions')
if refused then return refused end

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
  redis.call('HSET', KEYS[7], ARGV[3], 1)
  return {1, seq, count, repaired}
end

if ARGV[2] == 'pending' then
  refused = expect_type(KEYS[6], 'zset', 'pending index')
  if refused then return refused end
  redis.call('ZADD', KEYS[6], ARGV[4], ARGV[3])
end
redis.call('SET', KEYS[4], ARGV[1])
redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[5])
redis.call('HSET', KEYS[7], ARGV[3], 1)
return {1, 0, 0, 0}
`;

/**
 * A moderation change to one comment, in one step on the thread's keys: a decision, a report,
 * or the report that hides it. The caller works out the new state from the stored JSON it read
 * (moderation-transitions.ts); this script writes it only if the comment is still exactly that JSON.
 *
 * KEYS: comment, seq, published zset, events stream, the author's pending zset, versions hash,
 * the comment's decisions hash.
 * ARGV: 1 id, 2 the stored JSON the change was worked out from, 3 the revision the moderator saw
 * ('' for a report), 4 the new JSON, 5 'publish' | 'unpublish' | 'none' (the thread), 6 the new
 * public JSON (for a comment:created event), 7 stream max length, 8 'add' | 'remove' | 'none'
 * (the author's pending index), 9 createdAt, 10 the audit entry JSON ('' for none).
 *
 * Returns {0} when there is no such comment; {2, stored JSON} when its revision is not the one
 * the moderator saw (ALREADY_DECIDED: of two decisions on one view, the second always lands
 * here, because the first bumped the revision inside this same script); {3, stored} when it
 * changed since the caller read it without a new revision (a report came in): the caller
 * works the change out again (so two reports at once both land, and a reader's second report
 * sent at the same moment as their first finds the first);
 * {1, seq, count, repaired, version} when written (seq 0 when no thread event was logged).
 * A published comment's event is comment:created ('c' public JSON), an unpublished one's
 * comment:deleted ('d' its id), each with the count after it ('n').
 */
export const MOVE_COMMENT = `#!lua
${EXPECT_TYPE}
${NEXT_SEQ}
local refused = expect_type(KEYS[1], 'string', 'comment')
if refused then return refused end
local raw = redis.call('GET', KEYS[1])
if not raw then return {0} end
if ARGV[3] ~= '' then
  local ok, stored = pcall(cjson.decode, raw)
  if not ok or type(stored) ~= 'table' then
    return redis.error_reply('ERR comment ' .. KEYS[1] .. ' is not readable JSON; nothing was written')
  end
  local revision = stored['revision']
  if type(revision) ~= 'number' then revision = 0 end
  if revision ~= tonumber(ARGV[3]) then return {2, raw} end
end
if raw ~= ARGV[2] then return {3, raw} end
refused = expect_type(KEYS[5], 'zset', 'pending index')
  or expect_type(KEYS[6], 'hash', 'comment versions')
  or expect_type(KEYS[7], 'hash', 'comment decisions')
if refused then return refused end
local version = redis.call('HGET', KEYS[6], ARGV[1])
if version and not string.match(version, '^%d+$') then
  return redis.error_reply('ERR version of ' .. ARGV[1] .. ' in ' .. KEYS[6] .. ' is not a number; nothing was written')
end
local seq, count, repaired = 0, 0, 0
if ARGV[5] ~= 'none' then
  refused = expect_type(KEYS[2], 'string', 'thread seq')
    or expect_type(KEYS[3], 'zset', 'published index')
    or expect_type(KEYS[4], 'stream', 'event log')
  if refused then return refused end
  local listed = redis.call('ZSCORE', KEYS[3], ARGV[1])
  -- Checked above, nothing below can fail; XADD first as in CREATE_COMMENT.
  if ARGV[5] == 'publish' and not listed then
    seq, repaired = next_seq(KEYS[2], KEYS[3], KEYS[4])
    count = redis.call('ZCARD', KEYS[3]) + 1
    local seqText = string.format('%d', seq)
    redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[7], seqText .. '-0', 'c', ARGV[6], 'n', count)
    redis.call('SET', KEYS[2], seqText)
    redis.call('ZADD', KEYS[3], seq, ARGV[1])
  elseif ARGV[5] == 'unpublish' and listed then
    seq, repaired = next_seq(KEYS[2], KEYS[3], KEYS[4])
    count = redis.call('ZCARD', KEYS[3]) - 1
    local seqText = string.format('%d', seq)
    redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[7], seqText .. '-0', 'd', ARGV[1], 'n', count)
    redis.call('SET', KEYS[2], seqText)
    redis.call('ZREM', KEYS[3], ARGV[1])
  end
end
if ARGV[8] == 'add' then redis.call('ZADD', KEYS[5], ARGV[9], ARGV[1]) end
if ARGV[8] == 'remove' then redis.call('ZREM', KEYS[5], ARGV[1]) end
redis.call('SET', KEYS[1], ARGV[4])
local next_version = redis.call('HINCRBY', KEYS[6], ARGV[1], 1)
if ARGV[10] ~= '' then redis.call('HSET', KEYS[7], next_version, ARGV[10]) end
return {1, seq, count, repaired, next_version}
`;

/**
 * The site's side of a comment at one version, idempotently: its queue (in the one its state
 * names, out of the others), and, the first time the site sees the comment, its creation in the
 * day's counters and in the site's recent index.
 * KEYS: the site's pending, reported, rejected, approved zsets, placed hash, recent zset, the
 * creation day's counters. ARGV: 1 member ('<page>\\n<id>'), 2 version, 3 queue ('' for none),
 * 4 score (when it entered that queue), 5 createdAt, 6 recent entries kept, 7 the creation
 * counter ('published' | 'held' | 'rejected'), 8… the rules that held or rejected it.
 * Returns 0 (nothing written) when a later version was already applied, else 1.
 */
export const SETTLE_SITE = `#!lua
${EXPECT_TYPE}
${EXPECT_INTEGER}
local refused = expect_type(KEYS[1], 'zset', 'pending queue')
  or expect_type(KEYS[2], 'zset', 'reported queue')
  or expect_type(KEYS[3], 'zset', 'rejected queue')
  or expect_type(KEYS[4], 'zset', 'approved queue')
  or expect_type(KEYS[5], 'hash', 'placed versions')
  or expect_type(KEYS[6], 'zset', 'recent comments')
  or expect_type(KEYS[7], 'hash', 'day counters')
  or expect_integer(KEYS[5], ARGV[1], 'placed version')
if refused then return refused end
local placed = redis.call('HGET', KEYS[5], ARGV[1])
if placed and tonumber(placed) > tonumber(ARGV[2]) then return 0 end
if not placed then
  refused = expect_integer(KEYS[7], ARGV[7], 'day counter')
  for i = 8, #ARGV do refused = refused or expect_integer(KEYS[7], 'rule:' .. ARGV[i], 'day counter') end
  if refused then return refused end
  redis.call('HINCRBY', KEYS[7], ARGV[7], 1)
  for i = 8, #ARGV do redis.call('HINCRBY', KEYS[7], 'rule:' .. ARGV[i], 1) end
  redis.call('ZADD', KEYS[6], ARGV[5], ARGV[1])
  redis.call('ZREMRANGEBYRANK', KEYS[6], 0, -(tonumber(ARGV[6]) + 1))
end
redis.call('HSET', KEYS[5], ARGV[1], ARGV[2])
local names = {'pending', 'reported', 'rejected', 'approved'}
for i = 1, 4 do
  if names[i] == ARGV[3] then
    redis.call('ZADD', KEYS[i], ARGV[4], ARGV[1])
  else
    redis.call('ZREM', KEYS[i], ARGV[1])
  end
end
return 1
`;

/**
 * Add an entry to the site's audit log, once per id, and count it in its day (a decision).
 * KEYS: entries hash, log zset, the day's counters. ARGV: id, at, entry JSON, the counter
 * ('' for none). Returns 1 when written, 0 when the entry was already there.
 */
export const RECORD_AUDIT = `#!lua
${EXPECT_TYPE}
${EXPECT_INTEGER}
local refused = expect_type(KEYS[1], 'hash', 'audit entries')
  or expect_type(KEYS[2], 'zset', 'audit log')
  or expect_type(KEYS[3], 'hash', 'day counters')
if refused then return refused end
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
if ARGV[4] ~= '' then
  refused = expect_integer(KEYS[3], ARGV[4], 'day counter')
  if refused then return refused end
  redis.call('HINCRBY', KEYS[3], ARGV[4], 1)
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
return 1
`;

/**
 * A comment in its author's site-wide record, idempotently. The first time: its recent post,
 * its entry in the author's comments, firstSeen and the latest name. Every time a later version
 * comes: the counts follow its status (the author's approved and rejected counts are the tallies
 * of their comments' current statuses, so a reject-then-approve leaves them as before).
 *
 * KEYS: counts hash, recent list, recorded zset (earlier versions'), counted hash, comments zset.
 * ARGV: 1 id, 2 version, 3 status, 4 recent-post JSON, 5 recent posts kept, 6 createdAt,
 * 7 author name, 8 the status it was created with, 9 member ('<page>\\n<id>'), 10 comments kept.
 * Returns 1 when this call recorded it for the first time, else 0.
 *
 * The record sits under the author's hash tag, not the thread's, so it cannot share the
 * thread's script (docs/decisions/0006-redis-atomic-writes.md). A comment recorded by an
 * earlier version of this code (in `recorded`, not in `counted`) is counted as that code did:
 * its creation status, or its decision when one was counted.
 */
export const SETTLE_AUTHOR = `#!lua
${EXPECT_TYPE}
${EXPECT_INTEGER}
local refused = expect_type(KEYS[1], 'hash', 'author counts')
  or expect_type(KEYS[2], 'list', 'author recent posts')
  or expect_type(KEYS[3], 'zset', 'author recorded comments')
  or expect_type(KEYS[4], 'hash', 'author counted comments')
  or expect_type(KEYS[5], 'zset', 'author comments')
  or expect_integer(KEYS[1], 'approved', 'author count')
  or expect_integer(KEYS[1], 'rejected', 'author count')
  or expect_integer(KEYS[1], 'firstSeen', 'author first comment')
  or expect_integer(KEYS[1], 'nameAt', 'author name time')
if refused then return refused end
local function field_of(status)
  if status == 'published' then return 'approved' end
  if status == 'rejected' then return 'rejected' end
  return nil
end
local first = false
local before_version, before_status = nil, nil
local counted = redis.call('HGET', KEYS[4], ARGV[1])
if counted then
  before_version, before_status = string.match(counted, '^(%-?%d+):(.*)$')
  if not before_version then
    return redis.error_reply('ERR author counted entry ' .. ARGV[1] .. ' in ' .. KEYS[4] .. ' is unreadable; nothing was written')
  end
  before_version = tonumber(before_version)
elseif redis.call('ZSCORE', KEYS[3], ARGV[1]) then
  before_version = -1
  before_status = ARGV[8]
  if redis.call('ZSCORE', KEYS[3], ARGV[1] .. ':approve') then before_status = 'published' end
  if redis.call('ZSCORE', KEYS[3], ARGV[1] .. ':reject') then before_status = 'rejected' end
else
  first = true
end
if not first and before_version >= tonumber(ARGV[2]) then return 0 end
if not first then
  local was = field_of(before_status)
  if was then redis.call('HINCRBY', KEYS[1], was, -1) end
end
local now = field_of(ARGV[3])
if now then redis.call('HINCRBY', KEYS[1], now, 1) end
redis.call('HSET', KEYS[4], ARGV[1], ARGV[2] .. ':' .. ARGV[3])
if first then
  local created = tonumber(ARGV[6])
  redis.call('LPUSH', KEYS[2], ARGV[4])
  redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[5]) - 1)
  redis.call('ZADD', KEYS[5], ARGV[6], ARGV[9])
  redis.call('ZREMRANGEBYRANK', KEYS[5], 0, -(tonumber(ARGV[10]) + 1))
  local seen = redis.call('HGET', KEYS[1], 'firstSeen')
  if not seen or created < tonumber(seen) then redis.call('HSET', KEYS[1], 'firstSeen', ARGV[6]) end
  local name_at = redis.call('HGET', KEYS[1], 'nameAt')
  if not name_at or created >= tonumber(name_at) then redis.call('HSET', KEYS[1], 'name', ARGV[7], 'nameAt', ARGV[6]) end
  return 1
end
return 0
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

/**
 * Create a site unless its id is taken. KEYS: the site hash, the ids set. ARGV: id, then
 * field/value pairs. Returns 0 when the id is taken (nothing written), 1 when created.
 */
export const CREATE_SITE = `#!lua
${EXPECT_TYPE}
local refused = expect_type(KEYS[1], 'hash', 'site') or expect_type(KEYS[2], 'set', 'site ids')
if refused then return refused end
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('SADD', KEYS[2], ARGV[1])
return 1
`;

/**
 * Change fields of a site. KEYS: the site hash. ARGV: field/value pairs (at least updatedAt).
 * Returns 0 when there is no such site, 1 when changed.
 */
export const UPDATE_SITE = `#!lua
${EXPECT_TYPE}
local refused = expect_type(KEYS[1], 'hash', 'site')
if refused then return refused end
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
`;

/**
 * Remove a site's record and its id. KEYS: the site hash, the ids set. ARGV: id.
 * Returns 0 when there was no site, 1 when removed.
 */
export const REMOVE_SITE = `#!lua
${EXPECT_TYPE}
local refused = expect_type(KEYS[1], 'hash', 'site') or expect_type(KEYS[2], 'set', 'site ids')
if refused then return refused end
redis.call('SREM', KEYS[2], ARGV[1])
return redis.call('DEL', KEYS[1])
`;
