"""A place among a user's open streams, taken only while the user holds fewer than the cap."""

from __future__ import annotations

# KEYS[1]: the user's streams; ARGV: now (ms), this lease's expiry (ms), cap, stream id, key TTL (ms).
# Returns 1 when the lease is taken, 0 when the user already holds `cap` live leases.
ACQUIRE_STREAM_LEASE = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1
"""
