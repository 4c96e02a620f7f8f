-- memoryAdjust() of src/policy/memory-store.ts: a clamped counter (a retry budget's tokens). Reply: the new value.
local v = tonumber(redis.call('GET', key) or initial)
v = math.min(max, math.max(min, v + delta))
redis.call('SET', key, num(v), 'PX', ttl)
return num(v)
