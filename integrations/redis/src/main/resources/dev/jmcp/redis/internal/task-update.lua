-- Replaces a task unless it is missing (or expired) or terminal; keeps its expiry.
-- KEYS: 1 the task key.  ARGV: 1 the new JSON.  Returns 1 when replaced.
local stored = redis.call('GET', KEYS[1])
if not stored then
  return 0
end
local status = cjson.decode(stored)['status']
if status == 'completed' or status == 'failed' or status == 'cancelled' then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL')
return 1
