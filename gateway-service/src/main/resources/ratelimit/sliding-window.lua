-- Sliding-window log of one caller, shared by every gateway instance: a sorted set of admission
-- times in ms on the Redis clock. A request is admitted (and recorded) only when every quota
-- allows it; refused requests are not recorded.
-- KEYS[1]: the caller's log. ARGV[1]: a unique member for this request; then pairs of
-- ARGV: limit, window in ms. Returns {0, 0} when admitted, else {ms to wait, 1-based quota index}.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local longest = 0
for i = 2, #ARGV, 2 do
  longest = math.max(longest, tonumber(ARGV[i + 1]))
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%d', now - longest))
local size = redis.call('ZCARD', KEYS[1])
local wait, refusedBy = 0, 0
for i = 2, #ARGV, 2 do
  local limit, window = tonumber(ARGV[i]), tonumber(ARGV[i + 1])
  local inWindow = redis.call('ZCOUNT', KEYS[1], string.format('(%d', now - window), '+inf')
  if inWindow >= limit then
    -- once this entry leaves the window, fewer than `limit` remain in it
    local blocking = redis.call('ZRANGE', KEYS[1], size - limit, size - limit, 'WITHSCORES')
    local untilFree = tonumber(blocking[2]) + window - now
    if untilFree > wait then
      wait, refusedBy = untilFree, i / 2
    end
  end
end
if wait > 0 then
  return {wait, refusedBy}
end
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('PEXPIRE', KEYS[1], longest)
return {0, 0}
