"""The queue's statistics: an outcome recorded in every window at once, and the windows read back."""

from __future__ import annotations

# ARGV: key prefix, now (epoch seconds). Returns 9 outcome sums (1 m, 5 m, 1 h) then field, count
# pairs of the duration bins of the last 5 minutes.
WINDOWS = """
local prefix, now = ARGV[1], tonumber(ARGV[2])
local sums = {0, 0, 0, 0, 0, 0, 0, 0, 0}
for s = now - 299, now do
  local v = redis.call('HMGET', prefix .. 's:' .. s, 'completed', 'failed', 'cancelled')
  for i = 1, 3 do
    local n = tonumber(v[i]) or 0
    sums[3 + i] = sums[3 + i] + n
    if s > now - 60 then sums[i] = sums[i] + n end
  end
end
local minute = math.floor(now / 60)
for m = minute - 59, minute do
  local v = redis.call('HMGET', prefix .. 'm:' .. m, 'completed', 'failed', 'cancelled')
  for i = 1, 3 do sums[6 + i] = sums[6 + i] + (tonumber(v[i]) or 0) end
end
local bins = {}
local slot = math.floor(now / 10)
for d = slot - 29, slot do
  local flat = redis.call('HGETALL', prefix .. 'd:' .. d)
  for i = 1, #flat, 2 do bins[flat[i]] = (bins[flat[i]] or 0) + tonumber(flat[i + 1]) end
end
local out = sums
for name, count in pairs(bins) do
  out[#out + 1] = name
  out[#out + 1] = count
end
return out
"""

# KEYS: second bucket, minute bucket, totals, duration slot, recent failures.
# ARGV: outcome, second TTL, minute TTL, totals TTL, failures kept, failure JSON ('' for none), then
#       (series, bin, seconds) for each duration.
# Why Lua: one call instead of a pipeline of about 25 commands, each packed and parsed by redis-py.
RECORD_OUTCOME = """
local outcome = ARGV[1]
redis.call('HINCRBY', KEYS[1], outcome, 1)
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('HINCRBY', KEYS[2], outcome, 1)
redis.call('EXPIRE', KEYS[2], ARGV[3])
redis.call('HINCRBY', KEYS[3], outcome, 1)
for i = 7, #ARGV, 3 do
  local series, bin = ARGV[i], ARGV[i + 1]
  redis.call('HINCRBY', KEYS[4], series .. ':' .. bin, 1)
  redis.call('HINCRBY', KEYS[3], 'h:' .. series .. ':' .. bin, 1)
  redis.call('HINCRBYFLOAT', KEYS[3], 'sum:' .. series, ARGV[i + 2])
end
if #ARGV >= 7 then redis.call('EXPIRE', KEYS[4], ARGV[2]) end
redis.call('EXPIRE', KEYS[3], ARGV[4])
if ARGV[6] ~= '' then
  redis.call('LPUSH', KEYS[5], ARGV[6])
  redis.call('LTRIM', KEYS[5], 0, tonumber(ARGV[5]) - 1)
  redis.call('EXPIRE', KEYS[5], ARGV[4])
end
return 0
"""
