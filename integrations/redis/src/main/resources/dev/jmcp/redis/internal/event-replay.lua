-- What a resumption of one stream gets.
-- KEYS: 1 meta hash, 2 evicted-through hash, 3 the stream's list.  ARGV: 1 stream
-- Returns {0} for an unknown session, else {1, live (0/1), evicted-through or -1, forgotten-through, entries}.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {0}
end
return {
  1,
  redis.call('HEXISTS', KEYS[1], 'n:' .. ARGV[1]),
  tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '-1'),
  tonumber(redis.call('HGET', KEYS[1], 'forgotten') or '0'),
  redis.call('LRANGE', KEYS[3], 0, -1)
}
