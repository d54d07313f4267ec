"""`make bench`: chartq's benchmark suite (see docs/performance.md). Run with `python -m bench.run`."""
