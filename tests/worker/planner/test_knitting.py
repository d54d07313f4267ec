"""A knitter reading out a pattern (worker.planner.knitting): stitch counts, stitch codes, row numbers,
needle sizes, repeats and the yarn's colours set nothing; what the request asks of knitting stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.knitting import unknit
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Cast on 24 stitches for the mitten. The total tip for each party size.",
            "The total tip for each party size.",
        ),
        (
            "P3, K3 to the end of the row. Then: the average total bill on each day at lunch.",
            "The average total bill on each day at lunch.",
        ),
        (
            "Cut the bronze yarn and join the gold. The gold medals of each nation, most first.",
            "The gold medals of each nation, most first.",
        ),
        (
            "Row 8: knit across. The wind frequency for each direction in the 3-4 band.",
            "The wind frequency for each direction in the 3-4 band.",
        ),
        (
            "k2tog, ssk, 5 mm needles. Show me the 4 most populous countries of Asia in 1982.",
            "Show me the 4 most populous countries of Asia in 1982.",
        ),
        (
            "Repeat rows 2 to 5 three times. In between: the average petal width of each species.",
            "The average petal width of each species.",
        ),
        (
            "Cast on 12 stitches for the cuff. The 2 species with the longest sepals on average.",
            "The 2 species with the longest sepals on average.",
        ),
        (
            "Cast off purlwise on the third sleeve. Coderre's 3 best districts by votes.",
            "Coderre's 3 best districts by votes.",
        ),
    ],
)
def test_the_pattern_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert request_of(planner.plan(question)) == request_of(planner.plan(plain))


def test_a_chart_asked_between_the_lines_is_kept(planner: RulePlanner) -> None:
    question = "Bind off in rib. Then: Google's weekly share price in 2018, as a line."
    assert chart_of(planner.plan(question)) == chart_of(
        planner.plan("Google's weekly share price in 2018, as a line.")
    )


@pytest.mark.parametrize(
    "question",
    [
        "Cast on 30 stitches. How many skeins of wool did each knitter in my group use?",
        "K1, P1 to the end of the row. The median or the mean tip by day, whichever the pattern likes.",
        "Row 4: purl across. The wind speed for each direction on the day I cast on this hat.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Show me the p90 of the tip by day",
        "The P2 and P98 of the total bill for each party size",
        "Which row of the tips data has the biggest bill?",
        "The gold and silver medals of each nation, joined together",
        "Join the wind data to the iris data",
        "Is there a needle-thin spike in Apple's price in 2019?",
    ],
)
def test_text_without_the_pattern_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unknit(text, semantic_model) == text
