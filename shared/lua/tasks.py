"""Lua scripts that keep a task's hash, history, indexes and pub/sub events consistent in one round trip.

Why Lua: a status change, its sequence number, the replay history and the PUBLISH must happen together,
or a subscriber could see seq 5 before seq 4, or replay could miss an event that was published. A
terminal status is sticky: once COMPLETED, FAILED or CANCELLED, no later write changes it, which is
what makes cancel-vs-start races safe. Writes of a worker's attempt are fenced: the task hash keeps the
current attempt, and a write from an older attempt (a worker frozen past its lease, whose task another
worker runs again) is refused, so a client never sees the task go back in time.
"""

from __future__ import annotations

from shared.fairness import BAND_SPAN, ROUND_WIDTH
from shared.keys import ARQ_JOB_PREFIX
from shared.lua.queue import END_JOB_FUNCTION
from shared.lua.stats import RECORD_OUTCOME_FUNCTION

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

# Shared Lua: the queue score of a new task, round-robin between fairness keys inside its priority band
# (shared.fairness says why and how). The fairness hash holds "round:<rank>", the band's current round,
# and "last:<rank>:<key>", the round of a key's newest task.
_FAIR_SCORE = """
local BAND_SPAN, ROUND_WIDTH = @BAND_SPAN@, @ROUND_WIDTH@
local function fair_score(fair_key, rank, who)
  local current = tonumber(redis.call('HGET', fair_key, 'round:' .. rank) or 0)
  local field = 'last:' .. rank .. ':' .. who
  local last = tonumber(redis.call('HGET', fair_key, field) or -1)
  local round = math.max(current, last + 1)
  redis.call('HSET', fair_key, field, round)
  local arrival = redis.call('HINCRBY', fair_key, 'arrivals', 1) % ROUND_WIDTH
  redis.call('EXPIRE', fair_key, 2592000)
  -- As text: a Lua number would be printed with 14 digits and lose the low ones.
  return string.format('%.0f', -(rank + 1) * BAND_SPAN + round * ROUND_WIDTH + arrival)
end
""".replace("@BAND_SPAN@", str(BAND_SPAN)).replace("@ROUND_WIDTH@", str(ROUND_WIDTH))

# Shared Lua: room reserved by batches being created (RESERVE_ROOM). A reservations hash (one per user,
# keys.user_reservations, and one per queue, keys.queue_reservations) maps a reservation id to
# "<tasks left>:<expires at ms>"; an entry past its expiry (its API process died mid-batch) no longer
# counts and is dropped when seen. Every create counts the room others reserved as taken; a create made
# under a live reservation takes one task off it and is not checked again (its room was checked then).
_RESERVATIONS = """
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function reserved(key, now)
  local total = 0
  local entries = redis.call('HGETALL', key)
  for i = 1, #entries, 2 do
    local left, expires = string.match(entries[i + 1], '^(%d+):(%d+)$')
    if left and tonumber(expires) > now then
      total = total + tonumber(left)
    else
      redis.call('HDEL', key, entries[i])
    end
  end
  return total
end
local function use_reservation(user_key, queue_key, id, now)
  if id == '' then return false end
  local entry = redis.call('HGET', user_key, id)
  if not entry then return false end
  local left, expires = string.match(entry, '^(%d+):(%d+)$')
  if not left or tonumber(left) < 1 or tonumber(expires) <= now then return false end
  for _, key in ipairs({user_key, queue_key}) do
    if tonumber(left) > 1 then
      redis.call('HSET', key, id, (tonumber(left) - 1) .. ':' .. expires)
    else
      redis.call('HDEL', key, id)
    end
  end
  return true
end
"""

# KEYS: task, events, task_chan, user_chan, user_active, message_index, active_request, queue, arq_job,
#       stats_totals, wake, fairness, queued_users, deferred, running (high, normal, low),
#       user_reservations, queue_reservations, the user's writes this minute
# ARGV: task_id, dto, ttl, cap, user_id, org, request_key, job_payload, band rank, job_ttl_ms,
#       user_cap, queue_cap, task_key_prefix, task_key_suffix, message_id, fairness key,
#       start ms (0: now; later: the task waits in the deferred set until then, shared.deferred),
#       dependencies (JSON list of task ids: the task waits until each has ended; see TRANSITION),
#       '1' when a COMPLETED task of the same request answers it (not when a new chart is forced),
#       reservation id ('' for none: the caps, less the room others reserved, are checked),
#       writes limit (0: the create is not counted), writes key TTL (s)
# Returns {'too_many_writes', n} | {'existing', id} | {'user_cap', n} | {'queue_full', n} | {'created', id}
# (scheduled, or waiting for its dependencies) | {'created', id, queued tasks ahead, {start ms of each
# running task}} (queued)
CREATE_TASK = (
    _APPEND_AND_PUBLISH
    + _FAIR_SCORE
    + _RESERVATIONS
    + """
local ttl, cap = tonumber(ARGV[3]), tonumber(ARGV[4])
local function task_key(id) return ARGV[13] .. id .. ARGV[14] end

-- The caller's writes this minute (KEYS[20], at most ARGV[21]; 0: not counted), before anything else.
local write_limit = tonumber(ARGV[21])
if write_limit > 0 then
  local spent = redis.call('INCR', KEYS[20])
  if spent == 1 then redis.call('EXPIRE', KEYS[20], ARGV[22]) end
  if spent > write_limit then return {'too_many_writes', tostring(spent)} end
end

local existing = redis.call('GET', KEYS[7])
if existing then
  local status, gone = unpack(redis.call('HMGET', task_key(existing), 'status', 'chart_deleted'))
  -- A task that completed after the caller looked for its chart answers too, unless it was asked anew.
  if is_active(status) or (ARGV[19] == '1' and status == 'COMPLETED' and gone ~= '1') then
    return {'existing', existing}
  end
end

local now = now_ms()
if not use_reservation(KEYS[18], KEYS[19], ARGV[20], now) then
  local user_cap = tonumber(ARGV[11])
  if user_cap > 0 then
    local held = reserved(KEYS[18], now)
    if redis.call('SCARD', KEYS[5]) + held >= user_cap then
      -- Forget members whose task ended or expired without being removed, then count again.
      for _, id in ipairs(redis.call('SMEMBERS', KEYS[5])) do
        if not is_active(redis.call('HGET', task_key(id), 'status')) then redis.call('SREM', KEYS[5], id) end
      end
      local n = redis.call('SCARD', KEYS[5]) + held
      if n >= user_cap then return {'user_cap', tostring(n)} end
    end
  end
  local queue_cap = tonumber(ARGV[12])
  if queue_cap > 0 then
    local depth = redis.call('ZCARD', KEYS[8]) + reserved(KEYS[19], now)
    if depth >= queue_cap then return {'queue_full', tostring(depth)} end
  end
end

redis.call('HSET', KEYS[1], 'status', 'PENDING', 'dto', ARGV[2], 'user', ARGV[5], 'org', ARGV[6],
  'seq', 1, 'request_key', ARGV[7], 'message_id', ARGV[15], 'job', ARGV[8], 'cancel', '0', 'attempt', 0)
-- Dependencies: each one still active lists this task among its dependents and is waited for; one that
-- ended other than COMPLETED (or is gone) marks it: the worker that takes it ends it dependency_failed.
local waiting = 0
for _, dep in ipairs(cjson.decode(ARGV[18])) do
  local dep_status = redis.call('HGET', task_key(dep), 'status')
  if is_active(dep_status) then
    redis.call('SADD', task_key(dep) .. ':dependents', ARGV[1])
    redis.call('EXPIRE', task_key(dep) .. ':dependents', ttl)
    waiting = waiting + 1
  elseif dep_status ~= 'COMPLETED' then
    redis.call('HSET', KEYS[1], 'dep_failed', '1')
  end
end
redis.call('HSET', KEYS[1], 'waiting_on', waiting)
append_and_publish(KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV[1], 1, ARGV[2], ttl, cap)
redis.call('SADD', KEYS[5], ARGV[1])
redis.call('EXPIRE', KEYS[5], ttl)
redis.call('HSET', KEYS[6], ARGV[1], ARGV[7])
redis.call('EXPIRE', KEYS[6], ttl)
redis.call('SET', KEYS[7], ARGV[1], 'EX', ttl)
redis.call('SET', KEYS[9], ARGV[8], 'PX', tonumber(ARGV[10]))
local score = fair_score(KEYS[12], tonumber(ARGV[9]), ARGV[16])
redis.call('HSET', KEYS[1], 'queue_score', score)
redis.call('ZINCRBY', KEYS[13], 1, ARGV[5])
redis.call('EXPIRE', KEYS[13], ttl)
redis.call('HINCRBY', KEYS[10], 'events', 1)
redis.call('EXPIRE', KEYS[10], TOTALS_TTL)
if waiting > 0 then return {'created', ARGV[1]} end  -- queued by the last dependency to end
local start_ms = tonumber(ARGV[17])
if start_ms > 0 then
  -- Scheduled: a worker moves it into the queue at its score once due (shared.deferred).
  redis.call('ZADD', KEYS[14], start_ms, ARGV[1])
  -- Longer than any start time is ahead (30 days), whichever member came last.
  redis.call('EXPIRE', KEYS[14], 2764800)
  return {'created', ARGV[1]}
end
-- Its place, for the estimate the 202 carries (shared.eta): the queued tasks ahead of it (running ones
-- stay in arq's queue while they run, so those are taken off) and when each running task started.
local ahead = redis.call('ZCOUNT', KEYS[8], '-inf', score)
local started = {}
for k = 15, 17 do
  local running = redis.call('ZRANGE', KEYS[k], 0, -1, 'WITHSCORES')
  for i = 1, #running, 2 do
    local queued_at = redis.call('ZSCORE', KEYS[8], running[i])
    if queued_at and tonumber(queued_at) <= tonumber(score) then ahead = ahead - 1 end
    started[#started + 1] = running[i + 1]
  end
end
redis.call('ZADD', KEYS[8], score, ARGV[1])
redis.call('PEXPIRE', KEYS[8], tonumber(ARGV[10]) + 3600000)
-- Wake one idle worker; the list is capped because a token only says "look at the queue".
redis.call('LPUSH', KEYS[11], '1')
redis.call('LTRIM', KEYS[11], 0, 255)
redis.call('PEXPIRE', KEYS[11], 60000)
return {'created', ARGV[1], ahead, started}
"""
)

# KEYS: user_active, queue, user_reservations, queue_reservations, then the active_request key of each
#       message the batch would start a task for
# ARGV: reservation id, user_cap, queue_cap, reservation ttl ms, task_key_prefix, task_key_suffix
# A batch's room, decided at once: a message whose task is still active brings that task, each other one
# needs a task; when they all fit (in the user's active tasks plus the room the user's other batches
# hold, and in the queue plus the room every batch holds), that room is reserved for this batch for the
# ttl, and creates made with its id (CREATE_TASK) use it up.
# Returns {'reserved', tasks needed, user's active tasks} | {'user_cap', tasks needed, user's active tasks}
# | {'queue_full', tasks needed, queue depth} (the active tasks and the depth include reserved room)
RESERVE_ROOM = (
    _APPEND_AND_PUBLISH
    + _RESERVATIONS
    + """
local function task_key(id) return ARGV[5] .. id .. ARGV[6] end
local new = 0
for k = 5, #KEYS do
  local holder = redis.call('GET', KEYS[k])
  if not (holder and is_active(redis.call('HGET', task_key(holder), 'status'))) then new = new + 1 end
end
local now = now_ms()
local user_cap, queue_cap = tonumber(ARGV[2]), tonumber(ARGV[3])
local held = reserved(KEYS[3], now)
local active = redis.call('SCARD', KEYS[1]) + held
if user_cap > 0 and active + new > user_cap then
  -- Forget members whose task ended or expired without being removed, then count again.
  for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
    if not is_active(redis.call('HGET', task_key(id), 'status')) then redis.call('SREM', KEYS[1], id) end
  end
  active = redis.call('SCARD', KEYS[1]) + held
  if active + new > user_cap then return {'user_cap', new, active} end
end
if queue_cap > 0 then
  local depth = redis.call('ZCARD', KEYS[2]) + reserved(KEYS[4], now)
  if depth + new > queue_cap then return {'queue_full', new, depth} end
end
if new > 0 then
  local ttl = tonumber(ARGV[4])
  local entry = new .. ':' .. string.format('%.0f', now + ttl)
  for k = 3, 4 do
    redis.call('HSET', KEYS[k], ARGV[1], entry)
    redis.call('PEXPIRE', KEYS[k], ttl)
  end
end
return {'reserved', new, active}
"""
)

# Shared Lua: a task that just ended releases the tasks waiting for it, in the same script, so no
# release is lost whatever process dies next. Each dependent counts one dependency fewer; one that ended
# other than COMPLETED marks it `dep_failed`; the last one puts it into arq's queue at its score (the
# worker that takes a marked task ends it FAILED dependency_failed, with its run record).
_RELEASE_DEPENDENTS = """
local function release_dependents(task_key, task_id, status, queue, wake)
  local dependents_key = task_key .. ':dependents'
  local dependents = redis.call('SMEMBERS', dependents_key)
  if #dependents == 0 then return end
  local at = string.find(task_key, task_id, 1, true)
  local before, after = string.sub(task_key, 1, at - 1), string.sub(task_key, at + #task_id)
  for _, id in ipairs(dependents) do
    local key = before .. id .. after
    if status ~= 'COMPLETED' then redis.call('HSET', key, 'dep_failed', '1') end
    local left = redis.call('HINCRBY', key, 'waiting_on', -1)
    if left <= 0 and redis.call('HGET', key, 'status') == 'PENDING' then
      local job, score = redis.call('HGET', key, 'job'), redis.call('HGET', key, 'queue_score')
      if job and score then
        local ttl = redis.call('PTTL', key)
        if ttl < 1 then ttl = 86400000 end
        redis.call('SET', '@ARQ_JOB_PREFIX@' .. id, job, 'PX', ttl)
        redis.call('ZADD', queue, 'NX', score, id)
        redis.call('LPUSH', wake, '1')
        redis.call('PEXPIRE', wake, 60000)
      end
    end
  end
  redis.call('DEL', dependents_key)
end
""".replace("@ARQ_JOB_PREFIX@", ARQ_JOB_PREFIX)

# KEYS: task, events, task_chan, user_chan, user_active, running (of the task's priority), stats_totals,
#       queued_users, queue, wake, then record_outcome's five keys when the write counts an outcome, then
#       the arq job's in-progress marker, job, retry counter and the abort set when it ends the job
# ARGV: task_id, new_status, dto, ttl, cap, expected_status ('' = any active), attempt (0 = not a write of
#       a worker's attempt: the API, the reaper), starts ('1' = this write starts that attempt), the number
#       of held step writes, those steps' dtos (oldest first), the number of outcome arguments (0: none),
#       those arguments (record_outcome's a), '1' when a terminal write ends the task's arq job (the
#       worker running that job writes it, and skips arq's own finish), extra field/value pairs...
# Held steps are a fast task's PROCESSING step entries of the same attempt that the worker sent with this
# write instead of one round trip each (worker.task.writes): each is applied first, in order, with its own
# seq and event, as if sent alone, and the first one refused ends the script with its refusal.
# The outcome (shared.stats.store) is counted, and the arq job ended (end_job, shared.lua.queue), only when
# this write is applied: a refused write (fenced off, or a completion that lost to a cancel) leaves both.
# The fence: a write that starts an attempt must be newer than the task's current attempt; any other write
# of an attempt must come from the current one while the task is PROCESSING (once the reaper handed the
# task back, its old attempt may no longer write). A COMPLETED write loses to a cancel already requested.
# Returns {seq, envelope, cancel} on success, {0, current_status} when refused (ended, or not the expected
# status), {-1, ''} for an unknown task, {-2, current_status} for a write of an older attempt (fenced off)
# and {-3, current_status} for a COMPLETED refused because its user asked to cancel the task.
TRANSITION = (
    _APPEND_AND_PUBLISH
    + _RELEASE_DEPENDENTS
    + RECORD_OUTCOME_FUNCTION
    + END_JOB_FUNCTION
    + """
local function transition(status, dto, expected, attempt, starts, extra_from)
  local current = redis.call('HGET', KEYS[1], 'status')
  if not current then return {-1, ''} end
  if attempt > 0 then
    -- A hash written before attempts were fenced has no 'attempt': its writes go unchecked.
    local held = redis.call('HGET', KEYS[1], 'attempt')
    if held then
      held = tonumber(held)
      if starts == '1' then
        if attempt <= held then return {-2, current} end
      elseif attempt ~= held or current ~= 'PROCESSING' then
        return {-2, current}
      end
    end
  end
  if not is_active(current) then return {0, current} end
  if expected ~= '' and current ~= expected then return {0, current} end
  if status == 'COMPLETED' and redis.call('HGET', KEYS[1], 'cancel') == '1' then return {-3, current} end
  local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
  if (current == 'PENDING') ~= (status == 'PENDING') then
    -- Queued tasks per user, for the operators' "who fills the queue".
    local user = redis.call('HGET', KEYS[1], 'user')
    if user then
      local left = redis.call('ZINCRBY', KEYS[8], current == 'PENDING' and -1 or 1, user)
      if tonumber(left) <= 0 then redis.call('ZREM', KEYS[8], user) end
      redis.call('EXPIRE', KEYS[8], tonumber(ARGV[4]))
    end
  end
  redis.call('HSET', KEYS[1], 'status', status, 'dto', dto)
  if attempt > 0 then redis.call('HSET', KEYS[1], 'attempt', attempt) end
  for i = extra_from, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
  local env = append_and_publish(KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV[1], seq, dto,
    tonumber(ARGV[4]), tonumber(ARGV[5]))
  if not is_active(status) then
    redis.call('SREM', KEYS[5], ARGV[1])
    release_dependents(KEYS[1], ARGV[1], status, KEYS[9], KEYS[10])
  end
  if status == 'PROCESSING' then
    local now = redis.call('TIME')
    redis.call('ZADD', KEYS[6], 'NX', now[1] * 1000 + math.floor(now[2] / 1000), ARGV[1])
    redis.call('EXPIRE', KEYS[6], tonumber(ARGV[4]))
  else
    redis.call('ZREM', KEYS[6], ARGV[1])
  end
  redis.call('HINCRBY', KEYS[7], 'events', 1)
  redis.call('EXPIRE', KEYS[7], TOTALS_TTL)
  -- Whether the user asked to cancel: a step's transition answers what a separate read would.
  return {seq, env, redis.call('HGET', KEYS[1], 'cancel') or '0'}
end

local attempt = tonumber(ARGV[7])
local steps = tonumber(ARGV[9])
for i = 10, 9 + steps do
  local step = transition('PROCESSING', ARGV[i], '', attempt, '0', #ARGV + 1)
  if step[1] <= 0 then return step end
end
local counts_at = 10 + steps
local counts = tonumber(ARGV[counts_at])
local ends_job = ARGV[counts_at + counts + 1] == '1'
local result = transition(ARGV[2], ARGV[3], ARGV[6], attempt, ARGV[8], counts_at + counts + 2)
if result[1] <= 0 then return result end
local job_keys = 11
if counts > 0 then
  record_outcome({KEYS[11], KEYS[12], KEYS[13], KEYS[14], KEYS[15]},
    {unpack(ARGV, counts_at + 1, counts_at + counts)})
  job_keys = 16
end
if ends_job and not is_active(ARGV[2]) then
  end_job(KEYS[job_keys], KEYS[job_keys + 1], KEYS[job_keys + 2], KEYS[job_keys + 3], KEYS[9], ARGV[1])
end
return result
"""
)

# KEYS: task, arq in-progress marker, arq job, queue, wake. ARGV: task_id, score (when the hash keeps
# none), lease ms, job ttl ms. The job goes back at the score the task was given (shared.fairness).
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
redis.call('ZADD', KEYS[4], 'NX', redis.call('HGET', KEYS[1], 'queue_score') or ARGV[2], ARGV[1])
if status == 'PENDING' then
  redis.call('LPUSH', KEYS[5], '1')
  redis.call('PEXPIRE', KEYS[5], 60000)
end
return 1
"""

# KEYS: task. The task of a chart its owner deleted no longer answers a new request for its message
# (CREATE_TASK); a task already expired needs nothing.
MARK_CHART_DELETED = """
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'chart_deleted', '1') end
return 0
"""
