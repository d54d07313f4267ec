"""The queue's scripts: claiming a job for one worker, deferring a task, and promoting the due ones."""

from __future__ import annotations

from shared.fairness import BAND_SPAN, ROUND_WIDTH

# KEYS: queue, fairness, arq abort set. ARGV: now ms, lease ms, slots, candidates, offset, arq in-progress
#       prefix, arq job prefix, arq retry prefix, task key prefix, task key suffix, task fields...
# Looks at the queue and claims up to `slots` of its due jobs (the first `candidates` from `offset`, as
# arq's poll reads them) that no worker holds: each gets an in-progress marker under a lease. For each
# returns {job id, score, arq's job, its try, whether it was aborted, the task's fields}: what arq's
# run_job reads first (GET job, INCR and EXPIRE retry, ZREM abort), and the task as the store reads it
# (shared.task_store.STORED_FIELDS), so neither needs a round trip of its own.
# Why Lua: arq looks (ZRANGEBYSCORE), claims each job with WATCH/EXISTS/ZSCORE/MULTI/EXEC and then reads
# it in a MULTI; from a worker's wake-up to its job's first statement that was six round trips, and it
# is one, as exclusive. Claiming a task of a later round moves its band's current round forward
# (shared.fairness).
CLAIM_NEXT = """
local BAND_SPAN, ROUND_WIDTH = @BAND_SPAN@, @ROUND_WIDTH@
local slots, candidates, offset = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local fields = {unpack(ARGV, 11)}
local claimed = {}
local function claim(id, score)
  local marker = ARGV[6] .. id
  if redis.call('EXISTS', marker) == 1 then return end
  redis.call('SET', marker, '1', 'PX', ARGV[2])
  local s = tonumber(score)
  if s < 0 then
    local rank = math.ceil(-s / BAND_SPAN) - 1
    local round = math.floor((s + (rank + 1) * BAND_SPAN) / ROUND_WIDTH)
    local field = 'round:' .. rank
    if round > tonumber(redis.call('HGET', KEYS[2], field) or 0) then
      redis.call('HSET', KEYS[2], field, string.format('%.0f', round))
    end
  end
  local retry = ARGV[8] .. id
  local try = redis.call('INCR', retry)
  redis.call('EXPIRE', retry, 88400)
  local aborted = redis.call('ZREM', KEYS[3], id)
  local task = redis.call('HMGET', ARGV[9] .. id .. ARGV[10], unpack(fields))
  claimed[#claimed + 1] = {id, score, redis.call('GET', ARGV[7] .. id), try, aborted, task}
end
-- In chunks a little larger than the free slots: the jobs at the front are mostly held already (by
-- this worker among others), and reading all the candidates at once cost Redis more than the claims.
local seen = 0
while #claimed < slots and seen < candidates do
  local chunk = math.min(candidates - seen, slots - #claimed + 16)
  local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', offset + seen, chunk)
  for i = 1, #due, 2 do
    if #claimed >= slots then break end
    claim(due[i], due[i + 1])
  end
  seen = seen + chunk
  if #due < 2 * chunk then break end
end
return claimed
""".replace("@BAND_SPAN@", str(BAND_SPAN)).replace("@ROUND_WIDTH@", str(ROUND_WIDTH))

# KEYS: task, deferred. ARGV: task_id, due ms, queue score.
# Why Lua: the score the task comes back at and its entry in the deferred set are written together.
DEFER_TASK = """
redis.call('HSET', KEYS[1], 'queue_score', ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('EXPIRE', KEYS[2], 2764800)
return 1
"""

# KEYS: deferred, queue, wake. ARGV: now ms, limit, task key prefix, task key suffix, arq job prefix,
#       arq in-progress prefix, look-again ms.
# Moves due tasks from the deferred set back into arq's queue, at the score each had (its place in its
# priority band), with arq's job rebuilt from the task hash. A task that ended or runs again is dropped.
# One whose deferring attempt still holds arq's job (the attempt has not ended it yet: arq would then
# delete the entry put back here) is looked at again shortly. Returns how many were queued.
PROMOTE_DUE = """
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local moved = 0
for _, id in ipairs(due) do
  local task_key = ARGV[3] .. id .. ARGV[4]
  local status = redis.call('HGET', task_key, 'status')
  if status ~= 'PENDING' then
    redis.call('ZREM', KEYS[1], id)
  elseif redis.call('EXISTS', ARGV[6] .. id) == 1 then
    redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[7]), id)
  else
    redis.call('ZREM', KEYS[1], id)
    local job = redis.call('HGET', task_key, 'job')
    local score = redis.call('HGET', task_key, 'queue_score')
    if job and score then
      local ttl = redis.call('PTTL', task_key)
      if ttl < 1 then ttl = 86400000 end
      redis.call('SET', ARGV[5] .. id, job, 'PX', ttl)
      redis.call('ZADD', KEYS[2], 'NX', score, id)
      moved = moved + 1
    end
  end
end
if moved > 0 then
  for _ = 1, moved do redis.call('LPUSH', KEYS[3], '1') end
  redis.call('LTRIM', KEYS[3], 0, 255)
  redis.call('PEXPIRE', KEYS[3], 60000)
end
return moved
"""

# Shared Lua: arq's finish of a job its task is done with, as FINISH_JOB does it for a task that ended:
# the job, its retry counter, its in-progress marker, its queue entry and any abort request go. Run by
# TRANSITION (shared.lua.tasks) with the terminal write of the worker's attempt that holds the job.
END_JOB_FUNCTION = """
local function end_job(marker, job, retry, abort_set, queue, id)
  redis.call('DEL', marker, retry, job)
  redis.call('ZREM', abort_set, id)
  redis.call('ZREM', queue, id)
end
"""

# KEYS: arq in-progress marker, arq job, arq retry, arq result, arq abort set, queue, task, deferred, wake.
# ARGV: job id, finish ('1' ends the job, '0' keeps it queued), result ('' none), result ms ('' for
#       ever), queue score increment ('' none), keep the marker for ms ('' deletes it), ends a failed job
#       ('1': arq's finish_failed_job).
# arq's finish_job and finish_failed_job (one MULTI each), done on the server the finish reaches only when
# the job's end there cannot strand its task:
# - Without the job's in-progress marker (a failover promoted a replica that never saw the claim, or the
#   lease ran out and the reaper handed the task back), a task still waiting or running there owns the
#   job: nothing is touched. A task that ended there, or waits out a retry's backoff (its job is rebuilt
#   when due), needs the job no more, and arq's finish is done.
# - A job that ran while its task there is still PENDING without a retry's deferred entry (the attempt's
#   writes landed on another server) stays queued to run again, with a wake-up, at most KEEPS times a
#   task: a job that fails before its attempt starts (a task it cannot read) would otherwise run again
#   for ever.
# - A failed job (arq could not read or start it) ends as in arq.
# Returns 1 when arq's finish was done, 2 when the job was kept for another run, 0 when nothing was done.
FINISH_JOB = """
local KEEPS = 3
local status = redis.call('HGET', KEYS[7], 'status')
local deferred = redis.call('ZSCORE', KEYS[8], ARGV[1])
local failed, finish = ARGV[7] == '1', ARGV[2] == '1'
if redis.call('EXISTS', KEYS[1]) == 0 and not deferred and (status == 'PENDING' or status == 'PROCESSING') then
  return 0
end
if finish and not failed and status == 'PENDING' and not deferred and redis.call('EXISTS', KEYS[2]) == 1
    and redis.call('HINCRBY', KEYS[7], 'finish_kept', 1) <= KEEPS then
  redis.call('DEL', KEYS[1], KEYS[3])
  local score = redis.call('HGET', KEYS[7], 'queue_score')
  if score then redis.call('ZADD', KEYS[6], 'NX', score, ARGV[1]) end
  redis.call('LPUSH', KEYS[9], '1')
  redis.call('LTRIM', KEYS[9], 0, 255)
  redis.call('PEXPIRE', KEYS[9], 60000)
  return 2
end
if ARGV[6] == '' or failed then redis.call('DEL', KEYS[1]) else redis.call('PEXPIRE', KEYS[1], ARGV[6]) end
if finish or failed then
  if ARGV[3] ~= '' then
    if ARGV[4] == '' then redis.call('SET', KEYS[4], ARGV[3])
    else redis.call('SET', KEYS[4], ARGV[3], 'PX', ARGV[4]) end
  end
  redis.call('DEL', KEYS[3], KEYS[2])
  redis.call('ZREM', KEYS[5], ARGV[1])
  redis.call('ZREM', KEYS[6], ARGV[1])
elseif ARGV[5] ~= '' then
  redis.call('ZINCRBY', KEYS[6], ARGV[5], ARGV[1])
end
return 1
"""
