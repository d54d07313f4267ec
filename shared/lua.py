"""Lua scripts that keep a task's hash, history, indexes and pub/sub events consistent in one round trip.

Why Lua: a status change, its sequence number, the replay history and the PUBLISH must happen together,
or a subscriber could see seq 5 before seq 4, or replay could miss an event that was published. A
terminal status is sticky: once COMPLETED, FAILED or CANCELLED, no later write changes it, which is
what makes cancel-vs-start races safe. Writes of a worker's attempt are fenced: the task hash keeps the
current attempt, and a write from an older attempt (a worker frozen past its lease, whose task another
worker runs again) is refused, so a client never sees the task go back in time.
"""

from __future__ import annotations

# Shared Lua: builds the envelope of DESIGN.md around a TaskDTO JSON without decoding it.
_APPEND_AND_PUBLISH = """
local function append_and_publish(task_key, events_key, task_chan, user_chan, task_id, seq, dto, ttl, cap)
  local env = '{"type":"status_update","task_id":"' .. task_id .. '","seq":' .. seq .. ',"data":' .. dto .. '}'
  redis.call('RPUSH', events_key, env)
  redis.call('LTRIM', events_key, -cap, -1)
  redis.call('EXPIRE', events_key, ttl)
  redis.call('EXPIRE', task_key, ttl)
  redis.call('PUBLISH', task_chan, env)
  redis.call('PUBLISH', user_chan, env)
  return env
end
-- All-time counters live 30 days past their last change.
local TOTALS_TTL = 2592000
local function is_active(status)
  return status == 'PENDING' or status == 'PROCESSING'
end
"""

# KEYS: task, events, task_chan, user_chan, user_active, message_index, active_request, queue, arq_job,
#       stats_totals, wake
# ARGV: task_id, dto, ttl, cap, user_id, org, request_key, job_payload, score, job_ttl_ms,
#       user_cap, queue_cap, task_key_prefix, task_key_suffix, message_id
# Returns {'existing', id} | {'user_cap', n} | {'queue_full', n} | {'created', id}
CREATE_TASK = (
    _APPEND_AND_PUBLISH
    + """
local ttl, cap = tonumber(ARGV[3]), tonumber(ARGV[4])
local function task_key(id) return ARGV[13] .. id .. ARGV[14] end

local existing = redis.call('GET', KEYS[7])
if existing and is_active(redis.call('HGET', task_key(existing), 'status')) then
  return {'existing', existing}
end

local user_cap = tonumber(ARGV[11])
if user_cap > 0 and redis.call('SCARD', KEYS[5]) >= user_cap then
  -- Forget members whose task ended or expired without being removed, then count again.
  for _, id in ipairs(redis.call('SMEMBERS', KEYS[5])) do
    if not is_active(redis.call('HGET', task_key(id), 'status')) then redis.call('SREM', KEYS[5], id) end
  end
  local n = redis.call('SCARD', KEYS[5])
  if n >= user_cap then return {'user_cap', tostring(n)} end
end
local queue_cap = tonumber(ARGV[12])
if queue_cap > 0 then
  local depth = redis.call('ZCARD', KEYS[8])
  if depth >= queue_cap then return {'queue_full', tostring(depth)} end
end

redis.call('HSET', KEYS[1], 'status', 'PENDING', 'dto', ARGV[2], 'user', ARGV[5], 'org', ARGV[6],
  'seq', 1, 'request_key', ARGV[7], 'message_id', ARGV[15], 'job', ARGV[8], 'cancel', '0', 'attempt', 0)
append_and_publish(KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV[1], 1, ARGV[2], ttl, cap)
redis.call('SADD', KEYS[5], ARGV[1])
redis.call('EXPIRE', KEYS[5], ttl)
redis.call('HSET', KEYS[6], ARGV[1], ARGV[7])
redis.call('EXPIRE', KEYS[6], ttl)
redis.call('SET', KEYS[7], ARGV[1], 'EX', ttl)
redis.call('SET', KEYS[9], ARGV[8], 'PX', tonumber(ARGV[10]))
redis.call('ZADD', KEYS[8], ARGV[9], ARGV[1])
redis.call('PEXPIRE', KEYS[8], tonumber(ARGV[10]) + 3600000)
redis.call('HINCRBY', KEYS[10], 'events', 1)
redis.call('EXPIRE', KEYS[10], TOTALS_TTL)
-- Wake one idle worker; the list is capped because a token only says "look at the queue".
redis.call('LPUSH', KEYS[11], '1')
redis.call('LTRIM', KEYS[11], 0, 255)
redis.call('PEXPIRE', KEYS[11], 60000)
return {'created', ARGV[1]}
"""
)

# KEYS: task, events, task_chan, user_chan, user_active, running (of the task's priority), stats_totals
# ARGV: task_id, new_status, dto, ttl, cap, expected_status ('' = any active), attempt (0 = not a write of
#       a worker's attempt: the API, the reaper), starts ('1' = this write starts that attempt),
#       extra field/value pairs...
# The fence: a write that starts an attempt must be newer than the task's current attempt; any other write
# of an attempt must come from the current one while the task is PROCESSING (once the reaper handed the
# task back, its old attempt may no longer write). A COMPLETED write loses to a cancel already requested.
# Returns {seq, envelope} on success, {0, current_status} when refused (ended, or not the expected status),
# {-1, ''} for an unknown task, {-2, current_status} for a write of an older attempt (fenced off) and
# {-3, current_status} for a COMPLETED refused because its user asked to cancel the task.
TRANSITION = (
    _APPEND_AND_PUBLISH
    + """
local current = redis.call('HGET', KEYS[1], 'status')
if not current then return {-1, ''} end
local attempt = tonumber(ARGV[7])
if attempt > 0 then
  -- A hash written before attempts were fenced has no 'attempt': its writes go unchecked.
  local held = redis.call('HGET', KEYS[1], 'attempt')
  if held then
    held = tonumber(held)
    if ARGV[8] == '1' then
      if attempt <= held then return {-2, current} end
    elseif attempt ~= held or current ~= 'PROCESSING' then
      return {-2, current}
    end
  end
end
if not is_active(current) then return {0, current} end
if ARGV[6] ~= '' and current ~= ARGV[6] then return {0, current} end
if ARGV[2] == 'COMPLETED' and redis.call('HGET', KEYS[1], 'cancel') == '1' then return {-3, current} end
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
redis.call('HSET', KEYS[1], 'status', ARGV[2], 'dto', ARGV[3])
if attempt > 0 then redis.call('HSET', KEYS[1], 'attempt', attempt) end
for i = 9, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
local env = append_and_publish(KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV[1], seq, ARGV[3],
  tonumber(ARGV[4]), tonumber(ARGV[5]))
if not is_active(ARGV[2]) then redis.call('SREM', KEYS[5], ARGV[1]) end
if ARGV[2] == 'PROCESSING' then
  local now = redis.call('TIME')
  redis.call('ZADD', KEYS[6], 'NX', now[1] * 1000 + math.floor(now[2] / 1000), ARGV[1])
  redis.call('EXPIRE', KEYS[6], tonumber(ARGV[4]))
else
  redis.call('ZREM', KEYS[6], ARGV[1])
end
redis.call('HINCRBY', KEYS[7], 'events', 1)
redis.call('EXPIRE', KEYS[7], TOTALS_TTL)
return {seq, env}
"""
)

# KEYS: task, arq in-progress marker, arq job, queue, wake. ARGV: task_id, score, lease ms, job ttl ms.
# A fenced-off attempt's worker still ends its arq job, and arq then deletes the job, its queue entry and
# its in-progress marker, which by now belong to the task's current attempt (or to the hand-back waiting
# for one). This puts them back as they were: for a PROCESSING task the marker too (its holder renews it),
# for a PENDING one a wake-up token. A task that ended needs nothing. Returns 1 when it restored the job.
RESTORE_JOB = """
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'PENDING' and status ~= 'PROCESSING' then return 0 end
local job = redis.call('HGET', KEYS[1], 'job')
if not job then return 0 end
if status == 'PROCESSING' then redis.call('SET', KEYS[2], '1', 'NX', 'PX', tonumber(ARGV[3])) end
redis.call('SET', KEYS[3], job, 'NX', 'PX', tonumber(ARGV[4]))
redis.call('ZADD', KEYS[4], 'NX', ARGV[2], ARGV[1])
if status == 'PENDING' then
  redis.call('LPUSH', KEYS[5], '1')
  redis.call('PEXPIRE', KEYS[5], 60000)
end
return 1
"""

# KEYS: arq in-progress marker, queue. ARGV: job id, now ms, lease ms.
# Returns the job's score when this worker now holds it, nil when another worker does, the job has
# finished (left the queue) or it is deferred (a retry's score lies in the future).
# Why Lua: arq claims with WATCH/EXISTS/ZSCORE/MULTI/EXEC, four round trips on every task's path to
# PROCESSING; this is one, and just as exclusive.
CLAIM_JOB = """
if redis.call('EXISTS', KEYS[1]) == 1 then return nil end
local score = redis.call('ZSCORE', KEYS[2], ARGV[1])
if not score or tonumber(score) > tonumber(ARGV[2]) then return nil end
redis.call('SET', KEYS[1], '1', 'PX', ARGV[3])
return score
"""
