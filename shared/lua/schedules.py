"""A due schedule claimed for one firing, however many workers race for it."""

from __future__ import annotations

# KEYS: schedules due. ARGV: chart_id, now ms, lease ms.
# Claims a due schedule for one firing: of every worker racing for it, the first moves its score to a
# lease in the future and gets 1; the others (and anyone while the lease lasts) get 0. A claimer that
# dies leaves the lease to run out, and the schedule is claimed again.
CLAIM_SCHEDULE = """
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score or tonumber(score) > tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], tonumber(ARGV[2]) + tonumber(ARGV[3]), ARGV[1])
return 1
"""
