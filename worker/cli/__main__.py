"""`python -m worker.cli` runs the chartq CLI (what `chartq up` uses to start its children)."""

from worker.cli.app import main

main()
