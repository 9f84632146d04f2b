-- Forgets a session's events and leaves a tombstone so late appends keep nothing.
-- KEYS: 1 meta hash, 2 evicted-through hash, 3 emptied list, 4 tombstone.  ARGV: 1 stream key prefix, 2 ttl ms
local seq = tonumber(redis.call('HGET', KEYS[1], 'seq') or '0')
local all = redis.call('HGETALL', KEYS[1])
for i = 1, #all, 2 do
  if string.sub(all[i], 1, 2) == 'n:' then
    redis.call('DEL', ARGV[1] .. string.sub(all[i], 3))
  end
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
redis.call('SET', KEYS[4], seq, 'PX', ARGV[2])
return seq
