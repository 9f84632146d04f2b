-- Appends one event to a session's stream and enforces the session's bounds (one atomic step).
-- KEYS: 1 meta hash (seq, count, bytes, forgotten, n:<stream>, b:<stream>), 2 evicted-through hash (stream -> seq),
--       3 emptied list (streams whose events were all evicted, oldest first), 4 tombstone of a removed session,
--       5 the stream's list ("<seq>:<cost>:<message>" entries)
-- ARGV: 1 stream, 2 cost, 3 message, 4 max events, 5 max bytes, 6 ttl ms, 7 stream key prefix, 8 max emptied
-- Returns the event's sequence number.
if redis.call('EXISTS', KEYS[4]) == 1 then
  return redis.call('INCR', KEYS[4])
end
local stream, cost, ttl, prefix = ARGV[1], tonumber(ARGV[2]), ARGV[6], ARGV[7]
local maxEvents, maxBytes, maxEmptied = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[8])
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
if redis.call('HEXISTS', KEYS[1], 'n:' .. stream) == 0 then
  redis.call('LREM', KEYS[3], 0, stream)
end
redis.call('RPUSH', KEYS[5], seq .. ':' .. cost .. ':' .. ARGV[3])
redis.call('PEXPIRE', KEYS[5], ttl)
redis.call('HINCRBY', KEYS[1], 'n:' .. stream, 1)
redis.call('HINCRBY', KEYS[1], 'b:' .. stream, cost)
local count = redis.call('HINCRBY', KEYS[1], 'count', 1)
local bytes = redis.call('HINCRBY', KEYS[1], 'bytes', cost)
while count > maxEvents or bytes > maxBytes do
  local field = (count > maxEvents) and 'n:' or 'b:'
  local all = redis.call('HGETALL', KEYS[1])
  local largest, largestValue = nil, -1
  for i = 1, #all, 2 do
    if string.sub(all[i], 1, 2) == field then
      local v = tonumber(all[i + 1])
      if v > largestValue then largest, largestValue = string.sub(all[i], 3), v end
    end
  end
  if not largest then break end
  local skey = prefix .. largest
  local entry = redis.call('LPOP', skey)
  local left, gone, goneCost
  if entry then
    local c1 = string.find(entry, ':', 1, true)
    local c2 = string.find(entry, ':', c1 + 1, true)
    gone, goneCost = tonumber(string.sub(entry, 1, c1 - 1)), tonumber(string.sub(entry, c1 + 1, c2 - 1))
    left = redis.call('HINCRBY', KEYS[1], 'n:' .. largest, -1)
    redis.call('HINCRBY', KEYS[1], 'b:' .. largest, -goneCost)
    count = redis.call('HINCRBY', KEYS[1], 'count', -1)
    bytes = redis.call('HINCRBY', KEYS[1], 'bytes', -goneCost)
  else
    -- the stream's list expired on its own: all of it is lost up to now
    gone, left = seq - 1, 0
    count = redis.call('HINCRBY', KEYS[1], 'count', -tonumber(redis.call('HGET', KEYS[1], 'n:' .. largest) or '0'))
    bytes = redis.call('HINCRBY', KEYS[1], 'bytes', -tonumber(redis.call('HGET', KEYS[1], 'b:' .. largest) or '0'))
  end
  redis.call('HSET', KEYS[2], largest, gone)
  if left <= 0 then
    redis.call('HDEL', KEYS[1], 'n:' .. largest, 'b:' .. largest)
    redis.call('DEL', skey)
    redis.call('RPUSH', KEYS[3], largest)
    if redis.call('LLEN', KEYS[3]) > maxEmptied then
      local old = redis.call('LPOP', KEYS[3])
      local x = tonumber(redis.call('HGET', KEYS[2], old) or '0')
      if x > tonumber(redis.call('HGET', KEYS[1], 'forgotten') or '0') then
        redis.call('HSET', KEYS[1], 'forgotten', x)
      end
      redis.call('HDEL', KEYS[2], old)
    end
  end
end
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('PEXPIRE', KEYS[2], ttl)
redis.call('PEXPIRE', KEYS[3], ttl)
return seq
