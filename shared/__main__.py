"""`python -m shared` runs the chartq CLI (what `chartq up` uses to start its children)."""

from shared.cli import main

main()
