-- Creates a task unless its owner holds the maximum of unexpired tasks.
-- KEYS: 1 the task key, 2 the owner's sorted set (task ids by creation time)
-- ARGV: 1 task id, 2 JSON, 3 ttl ms, 4 max per owner, 5 created-at ms, 6 task key prefix
-- Returns 1 when created, 0 when refused.
local ids = redis.call('ZRANGE', KEYS[2], 0, -1)
for _, id in ipairs(ids) do
  if redis.call('EXISTS', ARGV[6] .. id) == 0 then
    redis.call('ZREM', KEYS[2], id)
  end
end
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then
  return 0
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[5], ARGV[1])
if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[3]) then
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
end
return 1
