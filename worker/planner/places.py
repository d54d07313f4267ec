"""A dimension's noun that only says where: "the votes of the candidates in the districts won by a
plurality" restricts to the districts won so (the value after "won by" is read elsewhere); it does not ask
for one bar or series per district, as "in the districts Coderre won" does not (worker.planner.entities).
"""

from __future__ import annotations

import re

from worker.planner.vocabulary import Scan, Vocabulary

__all__ = ["claim_places"]


def claim_places(scan: Scan, vocab: Vocabulary) -> None:
    """Claims the noun of "in the <dimension> won by …", so it is not read as a grouping."""
    nouns = vocab.dims[0]
    if nouns is None:
        return
    place = re.compile(
        rf"(?<!\w)(?:in|from|among|within|across)\s+(?:the\s+|all\s+)?(?P<n>{nouns.pattern})\s+"
        r"(?:(?:that|which)\s+(?:were\s+)?|where\s+)?(?:won|carried|taken)\s+by(?!\w)",
        re.IGNORECASE,
    )
    for m in place.finditer(scan.text):
        if scan.free(m.span("n")):
            scan.claim(m.span("n"))
