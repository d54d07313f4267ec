"""Questions that ask "who": "Who got the most votes in the districts Bergeron won?" compares the
people (the candidates), not the places named to scope the rows. The model says which dimension a
dataset's "who" means (`who` in the semantic model); a question that groups by something itself, or
names values of that dimension, already says what is compared.
"""

from __future__ import annotations

import re

from worker.planner.shape import Reading

__all__ = ["read_who"]

# "who" opening a question or a sentence of it: "Who won ...", "Election night: who got ..."; not a
# relative "who" after a noun ("the candidates who won").
_ASKS_WHO = re.compile(r"(?:^|[:;.?!]\s)\W*(?:(?:and|so|but|ok|okay)\W+)?who(?:'s|\s)", re.IGNORECASE)


def read_who(text: str, r: Reading) -> None:
    """Group by the dataset's "who" dimension when the question asks who and groups by nothing."""
    who = r.ds.who
    if who is None or r.groups or who in r.entities or _ASKS_WHO.search(text) is None:
        return
    r.groups.append(who)
