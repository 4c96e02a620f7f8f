-- The breaker rule of src/policy/breaker-record.ts, step for step, on a hash with the record's field names
-- (state, version, until, breakMs, probes, successes, run; time window epoch:i calls:i failures:i slow:i;
-- call window outcome:i pushed failures slow). Reply: { state, version, remainingMs, breakMs, granted 0|1 }.
now = now_ms(now)
local h, dirty, cleared = {}, {}, false
local raw = redis.call('HGETALL', key)
for i = 1, #raw, 2 do h[raw[i]] = tonumber(raw[i + 1]) or raw[i + 1] end
local function g(f) return h[f] or 0 end
local function set(f, v) h[f] = v; dirty[f] = true end
local function state() return h.state or 'closed' end
local function clear()
  for f in pairs(h) do
    if f ~= 'state' and f ~= 'version' and f ~= 'until' and f ~= 'breakMs' then h[f] = nil end
  end
  cleared = true
end
local function move(to) clear(); set('state', to); set('version', g('version') + 1) end
local function brk() local b = g('breakMs'); if b == 0 then b = breakMs end; return b end
local function open(b) move('open'); set('breakMs', b); set('until', now + b) end
local function close() move('closed'); set('breakMs', breakMs); set('until', 0) end
local function trips(calls, failures, slow)
  return calls >= minimumCalls and (failures >= threshold * calls or (slowCallRatio > 0 and slow >= slowCallRatio * calls))
end
local function count(failed, slow)
  if windowMs > 0 then
    local epoch = math.floor(now / (windowMs / buckets))
    local i = epoch % buckets
    if h['epoch:' .. i] ~= epoch then set('epoch:' .. i, epoch); set('calls:' .. i, 0); set('failures:' .. i, 0); set('slow:' .. i, 0) end
    set('calls:' .. i, g('calls:' .. i) + 1)
    if failed then set('failures:' .. i, g('failures:' .. i) + 1) end
    if slow then set('slow:' .. i, g('slow:' .. i) + 1) end
    local calls, failures, slowCalls = 0, 0, 0
    for j = 0, buckets - 1 do
      local e = h['epoch:' .. j]
      if e ~= nil and e > epoch - buckets then
        calls = calls + g('calls:' .. j); failures = failures + g('failures:' .. j); slowCalls = slowCalls + g('slow:' .. j)
      end
    end
    return trips(calls, failures, slowCalls)
  end
  if windowCalls > 0 then
    local pushed = g('pushed')
    local i = pushed % windowCalls
    if pushed >= windowCalls then
      local old = g('outcome:' .. i)
      set('failures', g('failures') - old % 2); set('slow', g('slow') - math.floor(old / 2))
    end
    local bits = 0
    if failed then bits = bits + 1 end
    if slow then bits = bits + 2 end
    set('outcome:' .. i, bits)
    set('pushed', pushed + 1)
    if failed then set('failures', g('failures') + 1) end
    if slow then set('slow', g('slow') + 1) end
    return trips(math.min(pushed + 1, windowCalls), g('failures'), g('slow'))
  end
  if failed then set('run', g('run') + 1) else set('run', 0) end
  return g('run') >= threshold
end
local granted = 0
if op == 'record' then
  if state() == 'closed' and action ~= 'release' then
    if count(action == 'failure' or action == 'slow', action == 'slow') then open(brk()) end
  elseif state() == 'half-open' and version == g('version') then
    set('probes', math.max(0, g('probes') - 1))
    if action == 'failure' or action == 'slow' then
      open(math.min(maxBreakMs, math.floor(brk() * breakFactor)))
    elseif action == 'success' then
      set('successes', g('successes') + 1)
      if g('successes') >= halfOpenSuccesses then close() end
    end
  end
elseif action == 'isolate' then
  move('isolated')
elseif action == 'reset' then
  close()
elseif action == 'probe' then
  if state() == 'closed' then
    granted = 1
  elseif state() == 'open' and now >= g('until') then
    move('half-open')
  end
  if state() == 'half-open' then
    -- A probe whose process died never reports; after a lease of maxBreakMs the next caller probes instead.
    if g('probes') >= halfOpenMaxCalls and now >= g('until') then set('probes', 0) end
    if g('probes') < halfOpenMaxCalls then set('probes', g('probes') + 1); set('until', now + maxBreakMs); granted = 1 end
  end
end
if cleared then
  redis.call('DEL', key)
  dirty = h
end
local args = {}
for f in pairs(dirty) do
  if h[f] ~= nil then
    args[#args + 1] = f
    if type(h[f]) == 'number' then args[#args + 1] = num(h[f]) else args[#args + 1] = h[f] end
  end
end
if #args > 0 then redis.call('HSET', key, unpack(args)) end
if #args > 0 or raw[1] ~= nil then redis.call('PEXPIRE', key, ttl) end
local remaining = 0
if state() == 'open' then remaining = math.max(0, g('until') - now) end
return { state(), num(g('version')), num(remaining), num(brk()), granted }
