"""Where a task goes in arq's queue: priority bands, and round-robin between users inside a band.

arq runs the lowest score first among the scores not in the future. chartq's scores are all negative,
so none looks deferred, and split into three bands, high below normal below low:

    score = band_base(priority) + round * ROUND_WIDTH + arrival % ROUND_WIDTH

Inside a band, each fairness key (the org when the user has one, else the user) gets one task per
round: a user's new task goes to the round after that user's last queued one, or to the band's current
round (the newest round a worker has started a task of) if that is later. So with one user holding 500
queued tasks and another posting one, the newcomer's task joins the current round and starts after at
most one queued task of each other key in that round (plus the round's tasks already started): bounded
by the number of keys with queued tasks in the band, not by the queue's length. Arrival order decides
inside a round.

The script that stores a task computes its score (shared.lua.tasks.CREATE_TASK) and keeps it in the task hash
(`queue_score`), so a task handed back, retried or restored returns to the place it was given: a retry
never goes behind the tasks posted after it. The claim (shared.lua.queue.CLAIM_NEXT) moves the band's current
round forward. The state is one hash per queue (shared.keys.fairness): the current round of each band
and the last round of each key.
"""

from __future__ import annotations

from shared.models import Priority

# Exact integers in a double go up to 2**53 (about 9.007e15): three bands of 2e15 fit below zero.
BAND_SPAN = 2 * 10**15
ROUND_WIDTH = 10**6
BAND_RANK = {Priority.LOW: 0, Priority.NORMAL: 1, Priority.HIGH: 2}


def band_base(priority: Priority) -> int:
    return -(BAND_RANK[priority] + 1) * BAND_SPAN


def band_bounds(priority: Priority) -> tuple[int, int]:
    """The scores of one band: min inclusive, max exclusive."""
    base = band_base(priority)
    return base, base + BAND_SPAN


def front_of_band(priority: Priority) -> int:
    """The score of a task that has none stored (made before scores were kept): ahead of its band."""
    return band_base(priority)


def fairness_key(user_id: str, org: str) -> str:
    """Who takes turns: an org's users share one turn, a user with no org has one of their own."""
    return f"org:{org}" if org else f"user:{user_id}"
