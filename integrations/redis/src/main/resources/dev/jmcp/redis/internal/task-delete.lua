-- Forgets a task and its entry in its owner's set.
-- KEYS: 1 the task key.  ARGV: 1 the owners' key prefix.
local stored = redis.call('GET', KEYS[1])
if stored then
  local task = cjson.decode(stored)
  redis.call('ZREM', ARGV[1] .. task['owner'], task['taskId'])
  redis.call('DEL', KEYS[1])
end
return 0
