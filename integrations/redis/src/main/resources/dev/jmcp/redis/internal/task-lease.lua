-- Takes or renews a task's lease for a holder (the instance running its handler).
-- KEYS: 1 the task key, 2 the lease key.  ARGV: 1 holder, 2 lease ms, 3 1 = claim (only when no lease is in force)
-- Returns 1 when the holder now holds the lease; 0 when the task is missing or terminal, or another holder's lease
-- is in force (a renewal), or any lease is in force (a claim).
local stored = redis.call('GET', KEYS[1])
if not stored then
  return 0
end
local status = cjson.decode(stored)['status']
if status == 'completed' or status == 'failed' or status == 'cancelled' then
  return 0
end
local held = redis.call('GET', KEYS[2])
if held and (ARGV[3] == '1' or held ~= ARGV[1]) then
  return 0
end
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
return 1
