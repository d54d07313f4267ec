"""The queue's scripts: claiming a job for one worker, deferring a task, and promoting the due ones."""

from __future__ import annotations

from shared.fairness import BAND_SPAN, ROUND_WIDTH

# KEYS: arq in-progress marker, queue, fairness, task. ARGV: job id, now ms, lease ms, task fields...
# Returns the job's score and the task's fields (shared.task_store.STORED_FIELDS, read here so the task
# needs no read of its own) when this worker now holds it; nil when another worker does, the job has
# finished (left the queue) or it is deferred (a retry's score lies in the future).
# Why Lua: arq claims with WATCH/EXISTS/ZSCORE/MULTI/EXEC, four round trips on every task's path to
# PROCESSING; this is one, and just as exclusive.
# Claiming a task of a later round moves its band's current round forward (shared.fairness).
CLAIM_JOB = """
local BAND_SPAN, ROUND_WIDTH = @BAND_SPAN@, @ROUND_WIDTH@
if redis.call('EXISTS', KEYS[1]) == 1 then return nil end
local score = redis.call('ZSCORE', KEYS[2], ARGV[1])
if not score or tonumber(score) > tonumber(ARGV[2]) then return nil end
redis.call('SET', KEYS[1], '1', 'PX', ARGV[3])
local s = tonumber(score)
if s < 0 then
  local rank = math.ceil(-s / BAND_SPAN) - 1
  local round = math.floor((s + (rank + 1) * BAND_SPAN) / ROUND_WIDTH)
  local field = 'round:' .. rank
  if round > tonumber(redis.call('HGET', KEYS[3], field) or 0) then
    redis.call('HSET', KEYS[3], field, string.format('%.0f', round))
  end
end
return {score, unpack(redis.call('HMGET', KEYS[4], unpack(ARGV, 4)))}
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
