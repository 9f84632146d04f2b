-- Gives up a task's lease if the holder holds it.  KEYS: 1 the lease key.  ARGV: 1 holder.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
end
return 0
