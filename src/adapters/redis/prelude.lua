-- Shared by the scripts, after the argument header: the time (`now` is '' for the server's), and numbers
-- written so they read back as the same double.
local function now_ms(arg)
  if arg ~= '' then return arg end
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function num(v) return string.format('%.17g', v) end
