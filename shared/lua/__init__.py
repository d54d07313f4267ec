"""Every Lua script chartq runs, a module per thing they keep consistent: a task's life (tasks), the
queue's claims and deferrals (queue), batches, schedules, statistics and stream leases.

Why Lua at all: each script is one round trip that no other client can interleave with, where the same
commands sent one by one (or in a MULTI after a WATCH) would cost several round trips or a race.
"""
