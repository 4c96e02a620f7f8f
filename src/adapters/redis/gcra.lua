-- gcra() of src/policy/gcra.ts on the bucket's theoretical arrival time. Reply: { granted 0|1, waitMs }.
now = now_ms(now)
local tat = tonumber(redis.call('GET', key) or '0')
local nxt = math.max(tat, now) + intervalMs
local wait = nxt - burst * intervalMs - now
local waitMs = 0
if wait > 1e-3 then
  waitMs = math.ceil(wait)
  if wait > maxWaitMs then return { 0, waitMs } end
end
redis.call('SET', key, num(nxt), 'PX', ttl + math.ceil(nxt - now))
return { 1, waitMs }
