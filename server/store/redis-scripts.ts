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
 * Shared by the thread scripts: the thread-wide keys every one of them gets first, in this order
 * (threadScriptKeys in redis-store.ts): KEYS[1..9] = seq, published zset, events stream,
 * versions hash, index marker, listing by time, listing by likes, reply counts, like counts.
 * ARGV[1] is the thread's key base (threadKeys().base), from which the index builder and the
 * read scripts name the keys of the comments an index holds: same tag, so the same slot.
 */
const THREAD_INDEX = `
local k = {seq = KEYS[1], pub = KEYS[2], ev = KEYS[3], ver = KEYS[4], ix = KEYS[5], lt = KEYS[6], ll = KEYS[7], rc = KEYS[8], lk = KEYS[9]}
local base = ARGV[1]

local function check_thread()
  return expect_type(k.seq, 'string', 'thread seq')
    or expect_type(k.pub, 'zset', 'published index')
    or expect_type(k.ev, 'stream', 'event log')
    or expect_type(k.ver, 'hash', 'comment versions')
    or expect_type(k.ix, 'string', 'index marker')
    or expect_type(k.lt, 'zset', 'listing by time')
    or expect_type(k.ll, 'zset', 'listing by likes')
    or expect_type(k.rc, 'hash', 'reply counts')
    or expect_type(k.lk, 'hash', 'like counts')
end

-- Index members sort as their order does (fixed-width numbers first), so a page is a ZRANGE BYLEX.
local function pad(n, width) return string.format('%0' .. width .. 'd', n) end
local function time_member(created, id) return pad(created, 16) .. ':' .. id end
local function likes_member(likes, created, id) return pad(likes, 10) .. ':' .. pad(created, 16) .. ':' .. id end
local function hnum(key, field) return tonumber(redis.call('HGET', key, field) or '0') or 0 end

-- A stored comment's createdAt, or nil when it is missing or unreadable (then it has no place to keep).
local function created_of(key)
  if redis.call('TYPE', key)['ok'] ~= 'string' then return nil end
  local ok, c = pcall(cjson.decode, redis.call('GET', key))
  if ok and type(c) == 'table' and type(c['createdAt']) == 'number' then return c['createdAt'] end
  return nil
end

-- A top-level comment is listed while it is published or has published replies (0021).
local function relist(id, created)
  local by_likes = likes_member(hnum(k.lk, id), created, id)
  if redis.call('ZSCORE', k.pub, id) or hnum(k.rc, id) > 0 then
    redis.call('ZADD', k.lt, 0, time_member(created, id))
    redis.call('ZADD', k.ll, 0, by_likes)
  else
    redis.call('ZREM', k.lt, time_member(created, id))
    redis.call('ZREM', k.ll, by_likes)
  end
end

-- After a comment went from status before ('none' when new) to after, its published index entry
-- already updated: a top-level one is listed or not; a reply is among its root's replies while
-- published or deleted (a tombstone keeps its place), counted in the root's replyCount while
-- published, and its root is listed or not by that count.
local function reindex(id, created, root_id, replies_key, root_created, before, after)
  if root_id == '' then
    relist(id, created)
    return
  end
  if after == 'published' or after == 'deleted' then
    redis.call('ZADD', replies_key, 0, time_member(created, id))
  else
    redis.call('ZREM', replies_key, time_member(created, id))
  end
  local delta = (after == 'published' and 1 or 0) - (before == 'published' and 1 or 0)
  if delta ~= 0 and redis.call('HINCRBY', k.rc, root_id, delta) <= 0 then redis.call('HDEL', k.rc, root_id) end
  if root_created then relist(root_id, root_created) end
end

local function text_or_nil(v)
  if type(v) == 'string' then return v end
  return nil
end

-- Builds the listing indexes of a thread stored before them, once: every comment the thread
-- names (its published index, its versions) is read, a reply's root and depth found up its
-- parent chain and written into its JSON (prepended, so no other byte of it changes), and the
-- listings, replies and reply counts written from the statuses. A new thread only gets its marker.
local function index_thread()
  if redis.call('EXISTS', k.ix) == 1 then return nil end
  local ids, seen = {}, {}
  local function note(id)
    if not seen[id] then
      seen[id] = true
      ids[#ids + 1] = id
    end
  end
  for _, id in ipairs(redis.call('ZRANGE', k.pub, 0, -1)) do note(id) end
  for _, id in ipairs(redis.call('HKEYS', k.ver)) do note(id) end
  local found = {}
  for _, id in ipairs(ids) do
    local key = base .. ':c:' .. id
    if redis.call('TYPE', key)['ok'] == 'string' then
      local raw = redis.call('GET', key)
      local ok, c = pcall(cjson.decode, raw)
      if ok and type(c) == 'table' and type(c['createdAt']) == 'number' then found[id] = {key = key, raw = raw, c = c} end
    end
  end
  for _, id in ipairs(ids) do
    local e = found[id]
    if e then
      if e.c['rootId'] ~= nil then
        e.root = text_or_nil(e.c['rootId'])
      else
        -- Bounded: a cycle in damaged data must end.
        local parent, depth = text_or_nil(e.c['parentId']), 0
        while parent and depth < 10000 do
          depth = depth + 1
          e.root = parent
          local up = found[parent]
          parent = up and text_or_nil(up.c['parentId']) or nil
        end
        e.depth = depth
      end
      if e.root then
        local refused = expect_type(base .. ':r:' .. e.root, 'zset', 'replies index')
        if refused then return refused end
      end
    end
  end
  local counts = {}
  for _, id in ipairs(ids) do
    local e = found[id]
    if e then
      if e.depth and string.sub(e.raw, 1, 1) == '{' and string.sub(e.raw, 2, 2) ~= '}' then
        local root = e.root and cjson.encode(e.root) or 'null'
        redis.call('SET', e.key, '{"rootId":' .. root .. ',"depth":' .. e.depth .. ',' .. string.sub(e.raw, 2))
      end
      local status = e.c['status']
      if e.root and (status == 'published' or status == 'deleted') then
        redis.call('ZADD', base .. ':r:' .. e.root, 0, time_member(e.c['createdAt'], id))
      end
      if e.root and status == 'published' then counts[e.root] = (counts[e.root] or 0) + 1 end
    end
  end
  for root, n in pairs(counts) do redis.call('HSET', k.rc, root, n) end
  for _, id in ipairs(ids) do
    local e = found[id]
    if e and not e.root then relist(id, e.c['createdAt']) end
  end
  redis.call('SET', k.ix, '1')
  return nil
end
`;

/**
 * Create a comment. KEYS: the thread's (THREAD_INDEX), then 10 idem, 11 comment, 12 the author's
 * pending zset, 13 its root's replies zset (a top-level comment's own, unused), 14 its root's key
 * (a top-level comment's own, unused).
 * ARGV: 1 base, 2 comment JSON, 3 status, 4 id, 5 createdAt, 6 idem TTL s, 7 stream max length,
 * 8 public comment JSON, 9 root id ('' for a top-level comment), 10 its likes (an import's; else 0).
 * The event log keeps the public comment ('c') and the count after it ('n'); the event itself
 * is built when read, by the one builder both stores share (public-views.ts).
 * Returns {0, existingId} for a used idempotency key, else {1, seq, count, repaired} (seq and
 * count 0 when not published; repaired 1 when the seq key was missing, corrupt or behind).
 * The comment starts at version 1 (threadKeys().versions). A published top-level comment is
 * listed; a published reply counts in its root's replyCount, which lists the root if it was not.
 *
 * The thread's seq is derived data: it must be at least the top score of the published index
 * and the stream's last id. When the key was lost (evicted, deleted) or holds garbage, it is
 * rebuilt from those two, so the thread keeps its gap-free sequence instead of restarting at 1
 * and failing every XADD from then on.
 */
export const CREATE_COMMENT = `#!lua
${EXPECT_TYPE}
${EXPECT_INTEGER}
${NEXT_SEQ}
${THREAD_INDEX}
local refused = expect_type(KEYS[10], 'string', 'idempotency key')
if refused then return refused end
local existing = redis.call('GET', KEYS[10])
if existing then return {0, existing} end
if redis.call('EXISTS', KEYS[11]) == 1 then
  return redis.error_reply('ERR comment ' .. KEYS[11] .. ' already exists; nothing was written')
end
local id, status, root_id = ARGV[4], ARGV[3], ARGV[9]
refused = check_thread()
  or expect_type(KEYS[12], 'zset', 'pending index')
  or expect_type(KEYS[13], 'zset', 'replies index')
  or expect_integer(k.rc, root_id, 'reply count')
if refused then return refused end
refused = index_thread()
if refused then return refused end
local root_created = nil
if root_id ~= '' then root_created = created_of(KEYS[14]) end

local seq, count, repaired = 0, 0, 0
if status == 'published' then
  seq, repaired = next_seq(k.seq, k.pub, k.ev)
  local seqText = string.format('%d', seq)
  count = redis.call('ZCARD', k.pub) + 1
  -- Checked above, nothing below can fail. XADD goes first all the same: it is the one
  -- write whose success depends on data (its id must exceed the stream's last).
  redis.call('XADD', k.ev, 'MAXLEN', '~', ARGV[7], seqText .. '-0', 'c', ARGV[8], 'n', count)
  redis.call('SET', k.seq, seqText)
  redis.call('ZADD', k.pub, seq, id)
end
if status == 'pending' then redis.call('ZADD', KEYS[12], ARGV[5], id) end
redis.call('SET', KEYS[11], ARGV[2])
redis.call('SET', KEYS[10], id, 'EX', ARGV[6])
redis.call('HSET', k.ver, id, 1)
if (tonumber(ARGV[10]) or 0) > 0 then redis.call('HSET', k.lk, id, ARGV[10]) end
reindex(id, tonumber(ARGV[5]), root_id, KEYS[13], root_created, 'none', status)
return {1, seq, count, repaired}
`;

/**
 * A change to one comment, in one step on the thread's keys: a moderator's decision, a report or
 * the report that hides it, its author's edit or deletion. The caller works out the new state
 * from the stored JSON it read (moderation-transitions.ts); this script writes it only if the
 * comment is still exactly that JSON.
 *
 * KEYS: the thread's (THREAD_INDEX), then 10 comment, 11 the author's pending zset, 12 the
 * comment's decisions hash, 13 its root's replies zset (a top-level comment's own, unused), 14 its
 * root's key (a top-level comment's own), 15 its likers set.
 * ARGV: 1 base, 2 id, 3 the stored JSON the change was worked out from, 4 the revision the
 * caller saw ('' for none), 5 the new JSON, 6 'publish' | 'unpublish' | 'update' | 'none' (the
 * thread), 7 the new public JSON (for comment:created and comment:updated), 8 stream max length,
 * 9 'add' | 'remove' | 'none' (the author's pending index), 10 createdAt, 11 the audit entry
 * JSON ('' for none), 12 the status before, 13 the status after, 14 root id ('' for a top-level
 * comment), 15 '1' to take its likes away (a deletion).
 *
 * Returns {0} when there is no such comment; {2, stored JSON} when its revision is not the one
 * the caller saw (ALREADY_DECIDED for a decision, CONFLICT for an edit: of two on one view, the
 * second always lands here, because the first bumped the revision inside this same script);
 * {3, stored} when it changed since the caller read it without a new revision (a report came
 * in, or this script's index build wrote a root and depth into it): the caller works the change
 * out again (so two reports at once both land, and a reader's second report sent at the same
 * moment as their first finds the first);
 * {1, seq, count, repaired, version} when written (seq 0 when no thread event was logged).
 * A published comment's event is comment:created ('c' public JSON), an unpublished one's
 * comment:deleted ('d' its id), an edited one's comment:updated ('u' public JSON), each with the
 * count after it ('n').
 */
export const MOVE_COMMENT = `#!lua
${EXPECT_TYPE}
${EXPECT_INTEGER}
${NEXT_SEQ}
${THREAD_INDEX}
local id, root_id = ARGV[2], ARGV[14]
local refused = check_thread() or expect_type(KEYS[10], 'string', 'comment')
if refused then return refused end
-- First, so that a comment whose root and depth the build writes into its JSON is worked out
-- again by the caller from that JSON (it no longer matches ARGV[3]).
refused = index_thread()
if refused then return refused end
local raw = redis.call('GET', KEYS[10])
if not raw then return {0} end
if ARGV[4] ~= '' then
  local ok, stored = pcall(cjson.decode, raw)
  if not ok or type(stored) ~= 'table' then
    return redis.error_reply('ERR comment ' .. KEYS[10] .. ' is not readable JSON; nothing was written')
  end
  local revision = stored['revision']
  if type(revision) ~= 'number' then revision = 0 end
  if revision ~= tonumber(ARGV[4]) then return {2, raw} end
end
if raw ~= ARGV[3] then return {3, raw} end
refused = expect_type(KEYS[11], 'zset', 'pending index')
  or expect_type(KEYS[12], 'hash', 'comment decisions')
  or expect_type(KEYS[13], 'zset', 'replies index')
  or expect_type(KEYS[15], 'set', 'likers')
  or expect_integer(k.ver, id, 'comment version')
  or expect_integer(k.rc, root_id, 'reply count')
if refused then return refused end
local root_created = nil
if root_id ~= '' then root_created = created_of(KEYS[14]) end
local created = tonumber(ARGV[10])

local seq, count, repaired = 0, 0, 0
local listed = redis.call('ZSCORE', k.pub, id)
-- Checked above, nothing below can fail; XADD first as in CREATE_COMMENT.
if (ARGV[6] == 'publish' and not listed) or (ARGV[6] == 'unpublish' and listed) or (ARGV[6] == 'update' and listed) then
  seq, repaired = next_seq(k.seq, k.pub, k.ev)
  local seqText = string.format('%d', seq)
  if ARGV[6] == 'publish' then
    count = redis.call('ZCARD', k.pub) + 1
    redis.call('XADD', k.ev, 'MAXLEN', '~', ARGV[8], seqText .. '-0', 'c', ARGV[7], 'n', count)
    redis.call('ZADD', k.pub, seq, id)
  elseif ARGV[6] == 'unpublish' then
    count = redis.call('ZCARD', k.pub) - 1
    redis.call('XADD', k.ev, 'MAXLEN', '~', ARGV[8], seqText .. '-0', 'd', id, 'n', count)
    redis.call('ZREM', k.pub, id)
  else
    count = redis.call('ZCARD', k.pub)
    redis.call('XADD', k.ev, 'MAXLEN', '~', ARGV[8], seqText .. '-0', 'u', ARGV[7], 'n', count)
  end
  redis.call('SET', k.seq, seqText)
end
if ARGV[9] == 'add' then redis.call('ZADD', KEYS[11], created, id) end
if ARGV[9] == 'remove' then redis.call('ZREM', KEYS[11], id) end
redis.call('SET', KEYS[10], ARGV[5])
if ARGV[15] == '1' then
  if root_id == '' then redis.call('ZREM', k.ll, likes_member(hnum(k.lk, id), created, id)) end
  redis.call('HDEL', k.lk, id)
  redis.call('DEL', KEYS[15])
end
reindex(id, created, root_id, KEYS[13], root_created, ARGV[12], ARGV[13])
local next_version = redis.call('HINCRBY', k.ver, id, 1)
if ARGV[11] ~= '' then redis.call('HSET', KEYS[12], next_version, ARGV[11]) end
return {1, seq, count, repaired, next_version}
`;

/**
 * One identity's like of a published comment, or its taking back. KEYS: the thread's
 * (THREAD_INDEX), then 10 the comment's likers set. ARGV: 1 base, 2 id, 3 the author id, 4 '1'
 * like | '0' unlike, 5 createdAt, 6 root id ('' for a top-level comment), 7 stream max length.
 * Returns {0} when the comment is not published in the thread; {1, likes, seq, repaired} (seq 0
 * when nothing changed: a repeated like or unlike). The count, the likers, the listing by likes
 * and the comment:liked event ('l' id, 'k' likes) change together.
 */
export const REACT_TO_COMMENT = `#!lua
${EXPECT_TYPE}
${EXPECT_INTEGER}
${NEXT_SEQ}
${THREAD_INDEX}
local id, author = ARGV[2], ARGV[3]
local refused = check_thread() or expect_type(KEYS[10], 'set', 'likers') or expect_integer(k.lk, id, 'like count')
if refused then return refused end
refused = index_thread()
if refused then return refused end
if not redis.call('ZSCORE', k.pub, id) then return {0} end
local like = ARGV[4] == '1'
local likes = hnum(k.lk, id)
if (redis.call('SISMEMBER', KEYS[10], author) == 1) == like then return {1, likes, 0, 0} end
local after = likes - 1
if like then after = likes + 1 end
if after < 0 then after = 0 end
local seq, repaired = next_seq(k.seq, k.pub, k.ev)
local seqText = string.format('%d', seq)
redis.call('XADD', k.ev, 'MAXLEN', '~', ARGV[7], seqText .. '-0', 'l', id, 'k', after)
redis.call('SET', k.seq, seqText)
if like then redis.call('SADD', KEYS[10], author) else redis.call('SREM', KEYS[10], author) end
if after > 0 then redis.call('HSET', k.lk, id, after) else redis.call('HDEL', k.lk, id) end
local created = tonumber(ARGV[5])
if ARGV[6] == '' and redis.call('ZREM', k.ll, likes_member(likes, created, id)) == 1 then
  redis.call('ZADD', k.ll, 0, likes_member(after, created, id))
end
return {1, after, seq, repaired}
`;

/** Builds a thread's listing indexes if it was stored before them (THREAD_INDEX). KEYS: the thread's. ARGV: base. */
export const INDEX_THREAD = `#!lua
${EXPECT_TYPE}
${THREAD_INDEX}
local refused = check_thread()
if refused then return refused end
refused = index_thread()
if refused then return refused end
return 1
`;

/**
 * Shared by the read scripts: a comment as the reader of an index gets it: its JSON (false when
 * gone), its likes, its replyCount, and 1 when the viewer (ARGV named by the caller; '' none) likes it.
 */
const READ_ITEM = `
local function item(base, lk, rc, id, viewer)
  local liked = 0
  if viewer ~= '' and redis.call('SISMEMBER', base .. ':lv:' .. id, viewer) == 1 then liked = 1 end
  return {id, redis.call('GET', base .. ':c:' .. id), redis.call('HGET', lk, id) or '0', redis.call('HGET', rc, id) or '0', liked}
end
`;

/**
 * A page of a thread in one read: the listed top-level comments after the cursor in one order,
 * each with its first replies, the thread's count and seq. KEYS: 1 the listing (by time or by
 * likes), 2 published zset, 3 seq, 4 index marker, 5 versions hash, 6 like counts, 7 reply counts.
 * ARGV: 1 base, 2 'rev' | 'fwd', 3 where to start ('+', '-' or '(<member>'), 4 limit, 5 replies
 * per root, 6 the viewer ('' none), 7 where the id starts in a member (after its fixed-width numbers).
 * Returns {0} when the thread's indexes were never built (INDEX_THREAD first), else
 * {1, count, seq, more, {{member, item, {item, …}}, …}} with items as READ_ITEM makes them.
 */
export const READ_THREAD_PAGE = `#!lua flags=no-writes
${READ_ITEM}
if redis.call('EXISTS', KEYS[4]) == 0 and (redis.call('EXISTS', KEYS[2]) == 1 or redis.call('EXISTS', KEYS[5]) == 1) then return {0} end
local base, limit, per_root, viewer, at = ARGV[1], tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6], tonumber(ARGV[7])
local members
if ARGV[2] == 'rev' then
  members = redis.call('ZRANGE', KEYS[1], ARGV[3], '-', 'BYLEX', 'REV', 'LIMIT', 0, limit + 1)
else
  members = redis.call('ZRANGE', KEYS[1], ARGV[3], '+', 'BYLEX', 'LIMIT', 0, limit + 1)
end
local tops = {}
for i = 1, math.min(#members, limit) do
  local id = string.sub(members[i], at)
  local replies = {}
  if per_root > 0 then
    for _, member in ipairs(redis.call('ZRANGE', base .. ':r:' .. id, '-', '+', 'BYLEX', 'LIMIT', 0, per_root)) do
      replies[#replies + 1] = item(base, KEYS[6], KEYS[7], string.sub(member, 18), viewer)
    end
  end
  tops[#tops + 1] = {members[i], item(base, KEYS[6], KEYS[7], id, viewer), replies}
end
local more = 0
if #members > limit then more = 1 end
return {1, redis.call('ZCARD', KEYS[2]), redis.call('GET', KEYS[3]) or '0', more, tops}
`;

/**
 * More replies under one top-level comment, oldest first. KEYS: 1 its replies zset, 2 index
 * marker, 3 published zset, 4 versions hash, 5 like counts, 6 reply counts. ARGV: 1 base, 2 where
 * to start ('-' or '(<member>'), 3 how many to skip, 4 limit, 5 the viewer ('' none).
 * Returns {0} when the thread's indexes were never built, else {1, more, {{member, item}, …}}.
 */
export const READ_REPLIES = `#!lua flags=no-writes
${READ_ITEM}
if redis.call('EXISTS', KEYS[2]) == 0 and (redis.call('EXISTS', KEYS[3]) == 1 or redis.call('EXISTS', KEYS[4]) == 1) then return {0} end
local limit = tonumber(ARGV[4])
local members = redis.call('ZRANGE', KEYS[1], ARGV[2], '+', 'BYLEX', 'LIMIT', tonumber(ARGV[3]), limit + 1)
local out = {}
for i = 1, math.min(#members, limit) do
  out[#out + 1] = {members[i], item(ARGV[1], KEYS[5], KEYS[6], string.sub(members[i], 18), ARGV[5])}
end
local more = 0
if #members > limit then more = 1 end
return {1, more, out}
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
 * of their comments' current statuses, so a reject-then-approve leaves them as before; a deleted
 * one counts in neither).
 *
 * KEYS: counts hash, recent list, recorded zset (earlier versions'), counted hash, comments zset.
 * ARGV: 1 id, 2 version, 3 status, 4 recent-post JSON (naming the comment's id), 5 recent posts
 * kept, 6 createdAt, 7 author name, 8 the status it was created with, 9 member ('<page>\\n<id>'),
 * 10 comments kept, 11 page. A later version rewrites the comment's recent post to its text now.
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
local status = ARGV[3]
if not first then
  local was = field_of(before_status)
  if was then redis.call('HINCRBY', KEYS[1], was, -1) end
end
local now = field_of(status)
if now then redis.call('HINCRBY', KEYS[1], now, 1) end
redis.call('HSET', KEYS[4], ARGV[1], ARGV[2] .. ':' .. status)
if not first then
  -- Its recent post says what the comment says now: an edit's words, none once deleted (0021).
  -- Posts recorded before they named their comment are found by time and page.
  for i, raw in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do
    local ok, post = pcall(cjson.decode, raw)
    if ok and type(post) == 'table' and (post['id'] == ARGV[1] or (post['id'] == nil and post['at'] == tonumber(ARGV[6]) and post['page'] == ARGV[11])) then
      if raw ~= ARGV[4] then redis.call('LSET', KEYS[2], i - 1, ARGV[4]) end
      break
    end
  end
end
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
