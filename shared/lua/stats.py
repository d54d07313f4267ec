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

# Shared Lua: one finished task counted. k: second bucket, minute bucket, totals, duration slot, recent
# failures. a: outcome, second TTL, minute TTL, totals TTL, failures kept, failure JSON ('' for none), then
# (series, bin, seconds) for each duration. Also run by TRANSITION (shared.lua.tasks), so a task's outcome
# is counted in the script that writes its terminal state: never twice, never lost between the two.
RECORD_OUTCOME_FUNCTION = """
local function record_outcome(k, a)
  local outcome = a[1]
  redis.call('HINCRBY', k[1], outcome, 1)
  redis.call('EXPIRE', k[1], a[2])
  redis.call('HINCRBY', k[2], outcome, 1)
  redis.call('EXPIRE', k[2], a[3])
  redis.call('HINCRBY', k[3], outcome, 1)
  for i = 7, #a, 3 do
    local series, bin = a[i], a[i + 1]
    redis.call('HINCRBY', k[4], series .. ':' .. bin, 1)
    redis.call('HINCRBY', k[3], 'h:' .. series .. ':' .. bin, 1)
    redis.call('HINCRBYFLOAT', k[3], 'sum:' .. series, a[i + 2])
  end
  if #a >= 7 then redis.call('EXPIRE', k[4], a[2]) end
  redis.call('EXPIRE', k[3], a[4])
  if a[6] ~= '' then
    redis.call('LPUSH', k[5], a[6])
    redis.call('LTRIM', k[5], 0, tonumber(a[5]) - 1)
    redis.call('EXPIRE', k[5], a[4])
  end
end
"""

# KEYS and ARGV: record_outcome's k and a.
# Why Lua: one call instead of a pipeline of about 25 commands, each packed and parsed by redis-py.
RECORD_OUTCOME = (
    RECORD_OUTCOME_FUNCTION
    + """
record_outcome(KEYS, ARGV)
return 0
"""
)


# The queue's depth as one snapshot: queued and running counted at the same instant. Flagged as reading
# only (and fine on a replica cut off from its primary), so Redis runs it while it refuses writes: out of
# memory, or a replica after a failover, when the operators' view matters most. A MULTI is refused there.
# KEYS: queue, deferred, queued users, running (high, normal, low)
# ARGV: for each band (high, normal, low) its min (exclusive) and max; candidates per band, now ms,
#       top users
# Returns per band {count, first candidates, running ids}, then deferred count, arq's deferred count,
# top users (flat member, score)
DEPTH = """#!lua flags=no-writes,allow-stale
local out = {}
local candidates = tonumber(ARGV[7])
for band = 0, 2 do
  local low, high = '(' .. ARGV[2 * band + 1], ARGV[2 * band + 2]
  out[#out + 1] = redis.call('ZCOUNT', KEYS[1], low, high)
  out[#out + 1] = redis.call('ZRANGEBYSCORE', KEYS[1], low, high, 'LIMIT', 0, candidates)
  out[#out + 1] = redis.call('ZRANGE', KEYS[4 + band], 0, -1)
end
out[#out + 1] = redis.call('ZCARD', KEYS[2])
out[#out + 1] = redis.call('ZCOUNT', KEYS[1], '(' .. ARGV[8], '+inf')
out[#out + 1] = redis.call('ZREVRANGE', KEYS[3], 0, tonumber(ARGV[9]) - 1, 'WITHSCORES')
return out
"""
