"""A batch's outcome, recorded once however many processes see it end."""

from __future__ import annotations

# KEYS: batch, open batches, batch totals. ARGV: batch_id, outcome (status), outcome counter field,
#       record ttl s, totals ttl s.
# Records a batch's outcome once: the first caller to see it ended sets it, counts it and takes the
# batch out of the active set; every later caller changes nothing. Returns 1 for the call that did.
FINISH_BATCH = """
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('ZREM', KEYS[2], ARGV[1])
  return 0
end
if redis.call('HSETNX', KEYS[1], 'outcome', ARGV[2]) == 0 then return 0 end
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]))
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HINCRBY', KEYS[3], ARGV[3], 1)
redis.call('EXPIRE', KEYS[3], tonumber(ARGV[5]))
return 1
"""
