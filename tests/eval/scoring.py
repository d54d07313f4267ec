"""Scores the rule planner against the hand-written evaluation set in questions.yaml.

A question is answered exactly when every compared field of its plan equals the expected one (titles
are not compared, only required to name the plotted measure); a must-refuse question is answered
when the planner refuses it with a message that names something that can be asked instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from worker.plan import ChartPlan
from worker.planner.rules import RulePlanner, UnchartableQuestion
from worker.semantic import SemanticModel

QUESTIONS = Path(__file__).with_name("questions.yaml")
# Written blind (before the planner saw them); scored and reported apart, never part of the pass/fail.
# Each is (file, heading of its section in the report).
REPORT_ONLY = (
    (Path(__file__).with_name("holdout.yaml"), "holdout (written blind)"),
    (Path(__file__).with_name("holdout2.yaml"), "second holdout (written blind after the fixes)"),
    (Path(__file__).with_name("holdout3.yaml"), "third holdout (written blind from the raw datasets)"),
)
FIELDS = (
    "dataset",
    "measures",
    "dimension",
    "series",
    "use_time",
    "time_range",
    "filters",
    "sort",
    "limit",
    "chart_type",
)
EXACT_TARGET = 0.9


@dataclass(frozen=True)
class Question:
    text: str
    expect: dict[str, Any] | None  # None: must be refused


@dataclass
class Outcome:
    question: Question
    plan: ChartPlan | None = None
    refusal: str | None = None
    wrong: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # field -> (expected, got)
    title_ok: bool = True

    @property
    def exact(self) -> bool:
        if self.question.expect is None:
            return self.refusal is not None and not self.wrong
        return self.plan is not None and not self.wrong


def load_questions(path: Path = QUESTIONS) -> list[Question]:
    entries = yaml.safe_load(path.read_text("utf-8"))["questions"]
    return [Question(str(e["q"]), None if e.get("refuse") else dict(e["expect"])) for e in entries]


def expected_fields(expect: dict[str, Any]) -> dict[str, Any]:
    """The compact YAML form of a plan in the comparable form `plan_fields` gives."""
    time_range = expect.get("time_range")
    return {
        "dataset": expect["dataset"],
        "measures": [tuple(str(m).split()) for m in expect["measures"]],
        "dimension": expect.get("dimension"),
        "series": expect.get("series"),
        "use_time": bool(expect.get("use_time", False)),
        "time_range": None if time_range is None else tuple(_bound(b) for b in time_range),
        "filters": _filters([tuple(f) for f in expect.get("filters", [])]),
        "sort": tuple(expect["sort"].split()) if expect.get("sort") else None,
        "limit": expect.get("limit"),
        "chart_type": expect["chart_type"],
    }


def plan_fields(plan: ChartPlan) -> dict[str, Any]:
    tr = plan.time_range
    return {
        "dataset": plan.dataset,
        "measures": [(m.name, m.agg) for m in plan.measures],
        "dimension": plan.dimension,
        "series": plan.series,
        "use_time": plan.use_time,
        "time_range": None if tr is None or (tr.start is None and tr.end is None) else (tr.start, tr.end),
        "filters": _filters([(f.column, f.op, f.value) for f in plan.filters]),
        "sort": None if plan.sort is None else (plan.sort.by, plan.sort.direction),
        "limit": plan.limit,
        "chart_type": plan.chart_type,
    }


def _bound(value: Any) -> str | None:
    return None if value is None else str(value)


def _filters(filters: list[tuple[Any, ...]]) -> list[tuple[str, str, Any]]:
    """Filters in a canonical order; `in` lists compare as sets, numbers as numbers."""

    def value(op: str, v: Any) -> Any:
        if isinstance(v, list):
            items = [float(x) if isinstance(x, int | float) else str(x) for x in v]
            return tuple(items) if op == "between" else frozenset(items)
        return float(v) if isinstance(v, int | float) else str(v)

    return sorted(((str(c), str(op), value(str(op), v)) for c, op, v in filters), key=repr)


def helpful(message: str, model: SemanticModel) -> bool:
    """A refusal helps when it names a measure that can be asked for or quotes an example question."""
    text = message.lower()
    labels = [m.label.lower() for ds in model.datasets for m in ds.measures]
    return len(message.split(".")[0]) > 10 and (
        any(label in text for label in labels) or any(e.lower() in text for e in model.examples)
    )


def evaluate(planner: RulePlanner, questions: list[Question] | None = None) -> list[Outcome]:
    outcomes = []
    for question in questions if questions is not None else load_questions():
        outcome = Outcome(question)
        try:
            outcome.plan = planner.plan(question.text)
        except UnchartableQuestion as exc:
            outcome.refusal = str(exc)
        if question.expect is None:
            if outcome.plan is not None:
                outcome.wrong["refused"] = (True, False)
            elif not helpful(outcome.refusal or "", planner.model):
                outcome.wrong["helpful refusal"] = (True, outcome.refusal)
        else:
            want = expected_fields(question.expect)
            got = plan_fields(outcome.plan) if outcome.plan else dict.fromkeys(FIELDS, "(refused)")
            outcome.wrong = {k: (want[k], got[k]) for k in FIELDS if want[k] != got[k]}
            if outcome.plan is not None:
                ds = planner.model.dataset(outcome.plan.dataset)
                label = ds.measure(outcome.plan.measures[0].name).label.lower()
                outcome.title_ok = label in outcome.plan.title.lower()
        outcomes.append(outcome)
    return outcomes


def report(outcomes: list[Outcome], target: bool = True) -> tuple[str, bool]:
    """A markdown report and whether the evaluation passes (exact accuracy and every refusal).

    With `target=False` (a report-only holdout) the report doesn't mention the target it is not held to.
    """
    total = len(outcomes)
    exact = sum(o.exact for o in outcomes)
    planned = [o for o in outcomes if o.question.expect is not None]
    refusals = [o for o in outcomes if o.question.expect is None]
    refused = sum(o.exact for o in refusals)
    lines = [
        f"Exact-plan accuracy: **{exact}/{total} = {exact / total:.1%}**"
        + (f" (target {EXACT_TARGET:.0%})" if target else ""),
        f"Must-refuse questions refused with a helpful message: **{refused}/{len(refusals)}**",
        "",
        "| field | correct | accuracy |",
        "|---|---:|---:|",
    ]
    for name in FIELDS:
        right = sum(name not in o.wrong for o in planned)
        lines.append(f"| {name} | {right}/{len(planned)} | {right / len(planned):.1%} |")
    titled = sum(o.title_ok and o.plan is not None for o in planned)
    lines.append(f"| title names the measure | {titled}/{len(planned)} | {titled / len(planned):.1%} |")
    misses = [o for o in outcomes if not o.exact or not o.title_ok]
    if misses:
        lines += ["", f"Misses ({len(misses)}):"]
        for o in misses:
            got = o.refusal if o.plan is None else o.plan.title
            lines.append(f"- {o.question.text!r} -> {got!r}")
            lines += [f"    {k}: expected {want!r}, got {have!r}" for k, (want, have) in o.wrong.items()]
            if not o.title_ok:
                lines.append("    title does not name the measure")
    passed = exact / total >= EXACT_TARGET and refused == len(refusals)
    return "\n".join(lines), passed
