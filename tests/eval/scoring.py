"""Scores the rule planner against the hand-written evaluation sets (questions.yaml and the blind holdouts).

A question is answered exactly when every compared field of its plan equals the expected one (titles
are not compared, only required to name the plotted measure); a must-refuse question is answered
when the planner refuses it with a message that names something that can be asked instead.

Plans are compared as the charts they draw: a time bound is compared as the first or last day (or year)
it stands for ("2018-10" and "2018-10-01" start on the same day), and a filter keeping every value of a
category ("smokers vs non-smokers": both) is no filter. A silent error is a chart that answers a different
question: a completed plan that differs from the expected one, or a must-refuse question answered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from worker.plan import ChartPlan, TimeRange
from worker.planner.rules import RulePlanner, UnchartableQuestion
from worker.semantic import PlanValidationError, SemanticModel

HERE = Path(__file__).parent
QUESTIONS = HERE / "questions.yaml"
FLOORS = HERE / "floors.yaml"


@dataclass(frozen=True)
class EvalSet:
    """One file of questions: its key in floors.yaml and the heading of its section in the report."""

    key: str
    path: Path
    heading: str


SETS = (
    EvalSet("questions", QUESTIONS, "evaluation set"),
    EvalSet("holdout", HERE / "holdout.yaml", "holdout (written blind)"),
    EvalSet("holdout2", HERE / "holdout2.yaml", "second holdout (written blind after the fixes)"),
    EvalSet("holdout3", HERE / "holdout3.yaml", "third holdout (written blind from the raw datasets)"),
    EvalSet("holdout4", HERE / "holdout4.yaml", "fourth holdout (written blind after the holdout3 fixes)"),
    EvalSet("holdout5", HERE / "holdout5.yaml", "fifth holdout (written blind from the data and the model)"),
    EvalSet("holdout6", HERE / "holdout6.yaml", "sixth holdout (written blind from the data and the model)"),
    EvalSet("holdout7", HERE / "holdout7.yaml", "seventh holdout (written blind after the sixth's fixes)"),
    EvalSet("holdout8", HERE / "holdout8.yaml", "eighth holdout (written blind after the seventh's fixes)"),
    EvalSet("holdout9", HERE / "holdout9.yaml", "ninth holdout (written blind after the eighth's fixes)"),
    EvalSet("holdout10", HERE / "holdout10.yaml", "tenth holdout (written blind after the ninth's fixes)"),
    EvalSet("holdout11", HERE / "holdout11.yaml", "eleventh holdout (written blind after the tenth's fixes)"),
    EvalSet(
        "holdout12", HERE / "holdout12.yaml", "twelfth holdout (written blind after the eleventh's fixes)"
    ),
    EvalSet(
        "holdout13", HERE / "holdout13.yaml", "thirteenth holdout (written blind after the twelfth's fixes)"
    ),
    EvalSet(
        "holdout14",
        HERE / "holdout14.yaml",
        "fourteenth holdout (written blind after the thirteenth's fixes)",
    ),
    EvalSet(
        "holdout15",
        HERE / "holdout15.yaml",
        "fifteenth holdout (written blind before the fourteenth's fixes, scored after them)",
    ),
    EvalSet(
        "holdout16",
        HERE / "holdout16.yaml",
        "sixteenth holdout (written blind after the fifteenth's fixes)",
    ),
    EvalSet(
        "holdout17",
        HERE / "holdout17.yaml",
        "seventeenth holdout (written blind after the sixteenth's fixes)",
    ),
    EvalSet(
        "holdout18",
        HERE / "holdout18.yaml",
        "eighteenth holdout (written blind after the seventeenth's fixes)",
    ),
    EvalSet(
        "holdout19",
        HERE / "holdout19.yaml",
        "nineteenth holdout (written blind after the eighteenth's fixes)",
    ),
    EvalSet(
        "holdout20",
        HERE / "holdout20.yaml",
        "twentieth holdout (written blind after the nineteenth's fixes)",
    ),
    EvalSet(
        "holdout21",
        HERE / "holdout21.yaml",
        "twenty-first holdout (written blind after the twentieth's fixes)",
    ),
    EvalSet(
        "holdout22",
        HERE / "holdout22.yaml",
        "twenty-second holdout (written blind after the twenty-first's fixes)",
    ),
    EvalSet(
        "holdout23",
        HERE / "holdout23.yaml",
        "twenty-third holdout (written blind after the twenty-second's fixes)",
    ),
    EvalSet(
        "holdout24",
        HERE / "holdout24.yaml",
        "twenty-fourth holdout (written blind after the twenty-third's fixes)",
    ),
    EvalSet(
        "holdout25",
        HERE / "holdout25.yaml",
        "twenty-fifth holdout (written blind after the twenty-fourth's fixes)",
    ),
    EvalSet(
        "holdout26",
        HERE / "holdout26.yaml",
        "twenty-sixth holdout (written blind after the twenty-fifth's fixes)",
    ),
    EvalSet(
        "holdout27",
        HERE / "holdout27.yaml",
        "twenty-seventh holdout (written blind after the twenty-sixth's fixes)",
    ),
    EvalSet(
        "holdout28",
        HERE / "holdout28.yaml",
        "twenty-eighth holdout (written blind after the twenty-seventh's fixes)",
    ),
    EvalSet(
        "holdout29",
        HERE / "holdout29.yaml",
        "twenty-ninth holdout (written blind after the twenty-eighth's fixes)",
    ),
    EvalSet(
        "holdout30",
        HERE / "holdout30.yaml",
        "thirtieth holdout (written blind after the twenty-ninth's fixes)",
    ),
    EvalSet(
        "holdout31",
        HERE / "holdout31.yaml",
        "thirty-first holdout (written blind after the thirtieth's fixes)",
    ),
    EvalSet(
        "holdout32",
        HERE / "holdout32.yaml",
        "thirty-second holdout (written blind before the thirty-first's fixes, scored after them)",
    ),
    EvalSet(
        "holdout33",
        HERE / "holdout33.yaml",
        "thirty-third holdout (written blind before the thirty-second's fixes, scored after them)",
    ),
    EvalSet(
        "holdout34",
        HERE / "holdout34.yaml",
        "thirty-fourth holdout (written blind before the thirty-third's fixes, scored after them)",
    ),
    EvalSet(
        "holdout35",
        HERE / "holdout35.yaml",
        "thirty-fifth holdout (written blind after the thirty-fourth's fixes)",
    ),
    EvalSet(
        "holdout36",
        HERE / "holdout36.yaml",
        "thirty-sixth holdout (written blind after the thirty-fifth's fixes)",
    ),
    EvalSet(
        "holdout37",
        HERE / "holdout37.yaml",
        "thirty-seventh holdout (written blind during the thirty-sixth's fixes, scored after them)",
    ),
    EvalSet(
        "holdout38",
        HERE / "holdout38.yaml",
        "thirty-eighth holdout (written blind after the thirty-seventh's fixes)",
    ),
    EvalSet(
        "holdout39",
        HERE / "holdout39.yaml",
        "thirty-ninth holdout (written blind after the thirty-eighth's fixes)",
    ),
    EvalSet(
        "holdout40",
        HERE / "holdout40.yaml",
        "fortieth holdout (written blind in parallel with the thirty-ninth)",
    ),
    EvalSet(
        "holdout41",
        HERE / "holdout41.yaml",
        "forty-first holdout (written blind during the thirty-ninth's fixes, scored after them)",
    ),
    EvalSet(
        "holdout42",
        HERE / "holdout42.yaml",
        "forty-second holdout (written blind during the forty-first's fixes, scored after them)",
    ),
    EvalSet(
        "holdout43",
        HERE / "holdout43.yaml",
        "forty-third holdout (written blind during the forty-second's fixes, scored after them)",
    ),
    EvalSet(
        "holdout44",
        HERE / "holdout44.yaml",
        "forty-fourth holdout (written blind after the forty-third's fixes)",
    ),
    EvalSet(
        "holdout45",
        HERE / "holdout45.yaml",
        "forty-fifth holdout (written blind during the forty-fourth's fixes, scored after them)",
    ),
    EvalSet(
        "holdout46",
        HERE / "holdout46.yaml",
        "forty-sixth holdout (written blind during the forty-fifth's fixes, scored after them)",
    ),
    EvalSet(
        "holdout47",
        HERE / "holdout47.yaml",
        "forty-seventh holdout (written blind during the forty-sixth's fixes, scored after them)",
    ),
    EvalSet(
        "holdout48",
        HERE / "holdout48.yaml",
        "forty-eighth holdout (written blind after the forty-seventh's fixes)",
    ),
    EvalSet(
        "holdout49",
        HERE / "holdout49.yaml",
        "forty-ninth holdout (written blind during the forty-eighth's follow-up fixes)",
    ),
    EvalSet(
        "holdout50",
        HERE / "holdout50.yaml",
        "fiftieth holdout (written blind during the forty-ninth's fixes, scored after them)",
    ),
    EvalSet(
        "holdout51",
        HERE / "holdout51.yaml",
        "fifty-first holdout (written blind during the fiftieth's fixes, scored after them)",
    ),
    EvalSet(
        "holdout52",
        HERE / "holdout52.yaml",
        "fifty-second holdout (a radio operator, a punter, a scientist's lab notebook)",
    ),
    EvalSet(
        "holdout53",
        HERE / "holdout53.yaml",
        "fifty-third holdout (written blind during the fifty-second's fixes, scored after them)",
    ),
    EvalSet(
        "holdout54",
        HERE / "holdout54.yaml",
        "fifty-fourth holdout (written blind during the fifty-third's fixes, scored after them)",
    ),
    EvalSet(
        "holdout55",
        HERE / "holdout55.yaml",
        "fifty-fifth holdout (written blind during the fifty-fourth's fixes, scored after them)",
    ),
    EvalSet(
        "holdout56",
        HERE / "holdout56.yaml",
        "fifty-sixth holdout (a software tester's bug reports, an auctioneer, a noir detective)",
    ),
    EvalSet(
        "holdout57",
        HERE / "holdout57.yaml",
        "fifty-seventh holdout (written blind during the fifty-sixth's fixes, scored after them)",
    ),
    EvalSet(
        "holdout58",
        HERE / "holdout58.yaml",
        "fifty-eighth holdout (written blind during the fifty-seventh's fixes, scored after them)",
    ),
    EvalSet(
        "holdout59",
        HERE / "holdout59.yaml",
        "fifty-ninth holdout (a stand-up comedian, a yoga instructor, a courtroom lawyer)",
    ),
    EvalSet(
        "holdout60",
        HERE / "holdout60.yaml",
        "sixtieth holdout (a TV shopping host, a flight director, a drill sergeant)",
    ),
    EvalSet(
        "holdout61",
        HERE / "holdout61.yaml",
        "sixty-first holdout (a sommelier, a stage magician, a dungeon master)",
    ),
    EvalSet(
        "holdout62",
        HERE / "holdout62.yaml",
        "sixty-second holdout (a secret agent's briefing, a circus ringmaster, a genie)",
    ),
    EvalSet(
        "holdout63",
        HERE / "holdout63.yaml",
        "sixty-third holdout (a telegram, a Wild West cowboy, a medieval herald)",
    ),
    EvalSet(
        "holdout64",
        HERE / "holdout64.yaml",
        "sixty-fourth holdout (a surfer, an alien visitor, a social-media influencer)",
    ),
    EvalSet(
        "holdout65",
        HERE / "holdout65.yaml",
        "sixty-fifth holdout (a robot, a chess commentator, a grandmother)",
    ),
    EvalSet(
        "holdout66",
        HERE / "holdout66.yaml",
        "sixty-sixth holdout (a game show host, a zombie, a superhero)",
    ),
    EvalSet(
        "holdout67",
        HERE / "holdout67.yaml",
        "sixty-seventh holdout (a librarian, a wedding officiant, a sports announcer)",
    ),
    EvalSet(
        "holdout68",
        HERE / "holdout68.yaml",
        "sixty-eighth holdout (an automated phone menu, a dentist, a rapper)",
    ),
    EvalSet(
        "holdout69",
        HERE / "holdout69.yaml",
        "sixty-ninth holdout (a starship captain's log, an air traffic controller, a cat at the keyboard)",
    ),
    EvalSet(
        "holdout70",
        HERE / "holdout70.yaml",
        "seventieth holdout (a satnav, a hypnotist, a ghost haunting an old house)",
    ),
    EvalSet(
        "holdout71",
        HERE / "holdout71.yaml",
        "seventy-first holdout (a butler, a parrot, a bartender)",
    ),
    EvalSet(
        "holdout72",
        HERE / "holdout72.yaml",
        "seventy-second holdout (a knitter reading a pattern, a tennis umpire, a lifeguard)",
    ),
    EvalSet(
        "holdout73",
        HERE / "holdout73.yaml",
        "seventy-third holdout (a radio DJ, a gardener, crossword clues)",
    ),
    EvalSet(
        "holdout74",
        HERE / "holdout74.yaml",
        "seventy-fourth holdout (a photographer, a holiday postcard, a personal trainer)",
    ),
    EvalSet(
        "holdout75",
        HERE / "holdout75.yaml",
        "seventy-fifth holdout (a mountaineer, a fisherman, a karaoke host)",
    ),
    EvalSet(
        "holdout76",
        HERE / "holdout76.yaml",
        "seventy-sixth holdout (a beekeeper, a flight attendant, a vampire)",
    ),
    EvalSet(
        "holdout77",
        HERE / "holdout77.yaml",
        "seventy-seventh holdout (a bingo caller, a football referee, a monk)",
    ),
    EvalSet(
        "holdout78",
        HERE / "holdout78.yaml",
        "seventy-eighth holdout (a race commentator, a barista, an archaeologist)",
    ),
    EvalSet(
        "holdout79",
        HERE / "holdout79.yaml",
        "seventy-ninth holdout (a taxi driver, a croupier, a farmer)",
    ),
    EvalSet(
        "holdout80",
        HERE / "holdout80.yaml",
        "eightieth holdout (a plumber, a hairdresser, a car mechanic)",
    ),
    EvalSet(
        "holdout81",
        HERE / "holdout81.yaml",
        "eighty-first holdout (a cricket commentator, a ventriloquist, a baker)",
    ),
    EvalSet(
        "holdout82",
        HERE / "holdout82.yaml",
        "eighty-second holdout (a tailor, a park ranger, a TV news anchor)",
    ),
    EvalSet(
        "holdout83",
        HERE / "holdout83.yaml",
        "eighty-third holdout (a piano tuner, a locksmith, a window cleaner)",
    ),
    EvalSet(
        "holdout84",
        HERE / "holdout84.yaml",
        "eighty-fourth holdout (a lighthouse keeper, a dog walker, a chimney sweep)",
    ),
    EvalSet(
        "holdout85",
        HERE / "holdout85.yaml",
        "eighty-fifth holdout (a pharmacist, a ski instructor, a postman)",
    ),
    EvalSet(
        "holdout86",
        HERE / "holdout86.yaml",
        "eighty-sixth holdout (a crane operator, a museum guard, a zookeeper)",
    ),
    EvalSet(
        "holdout87",
        HERE / "holdout87.yaml",
        "eighty-seventh holdout (a blacksmith, a midwife, a court stenographer)",
    ),
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
    left_out: tuple[str, ...] = ()
    wrong: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # field -> (expected, got)
    title_ok: bool = True

    @property
    def exact(self) -> bool:
        if self.question.expect is None:
            return self.refusal is not None and not self.wrong
        return self.plan is not None and not self.wrong

    @property
    def silent(self) -> bool:
        """A chart that answers a different question: answered, and not as expected (or not at all)."""
        return self.plan is not None and bool(self.wrong)


@dataclass(frozen=True)
class Score:
    """A set's counts, the ones floors.yaml holds."""

    exact: int
    total: int
    refused: int
    must_refuse: int
    silent: int

    def floor_failures(self, floor: dict[str, int]) -> list[str]:
        """How the score falls short of its floor (exact and refused at least, silent at most)."""
        failures = []
        if self.exact < floor.get("exact", 0):
            failures.append(f"exact plans {self.exact} < floor {floor['exact']}")
        if self.refused < floor.get("refused", 0):
            failures.append(f"refusals {self.refused} < floor {floor['refused']}")
        if self.silent > floor.get("silent", self.total):
            failures.append(f"silent errors {self.silent} > floor {floor['silent']}")
        return failures


def load_questions(path: Path = QUESTIONS) -> list[Question]:
    entries = yaml.safe_load(path.read_text("utf-8"))["questions"]
    return [Question(str(e["q"]), None if e.get("refuse") else dict(e["expect"])) for e in entries]


def load_floors(path: Path = FLOORS) -> dict[str, dict[str, int]]:
    floors: dict[str, dict[str, int]] = yaml.safe_load(path.read_text("utf-8"))["floors"]
    return floors


def expected_fields(expect: dict[str, Any], model: SemanticModel | None = None) -> dict[str, Any]:
    """The compact YAML form of a plan in the comparable form `plan_fields` gives."""
    time_range = expect.get("time_range")
    filters = [tuple(f) for f in expect.get("filters", [])]
    dataset = str(expect["dataset"])
    return _same_points(
        {
            "dataset": dataset,
            "measures": [tuple(str(m).split()) for m in expect["measures"]],
            "dimension": expect.get("dimension"),
            "series": expect.get("series"),
            "use_time": bool(expect.get("use_time", False)),
            "time_range": _time_range(dataset, time_range, model),
            "filters": _filters(_meaningful(dataset, filters, model)),
            "sort": tuple(expect["sort"].split()) if expect.get("sort") else None,
            "limit": expect.get("limit"),
            "chart_type": expect["chart_type"],
        },
        model,
    )


def plan_fields(plan: ChartPlan, model: SemanticModel | None = None) -> dict[str, Any]:
    tr = plan.time_range
    bounds = None if tr is None or (tr.start is None and tr.end is None) else [tr.start, tr.end]
    filters = [(f.column, f.op, f.value) for f in plan.filters]
    return _same_points(
        {
            "dataset": plan.dataset,
            "measures": [(m.name, m.agg) for m in plan.measures],
            "dimension": plan.dimension,
            "series": plan.series,
            "use_time": plan.use_time,
            "time_range": _time_range(plan.dataset, bounds, model),
            "filters": _filters(_meaningful(plan.dataset, filters, model)),
            "sort": None if plan.sort is None else (plan.sort.by, plan.sort.direction),
            "limit": plan.limit,
            "chart_type": plan.chart_type,
        },
        model,
    )


def _same_points(fields: dict[str, Any], model: SemanticModel | None) -> dict[str, Any]:
    """A scatter of one period of a snapshot dataset (a row per country a year) by its key, averaged,
    draws the same points as its raw rows, with each point named: both read as the raw rows. The
    holdouts written from the data expect raw rows; the planner names the points."""
    if model is None or fields["chart_type"] != "scatter" or fields["time_range"] is None:
        return fields
    try:
        ds = model.dataset(fields["dataset"])
    except PlanValidationError:
        return fields
    start, end = fields["time_range"]
    if not ds.snapshot or not ds.key or start != end or fields["dimension"] != ds.key[0]:
        return fields
    if any(agg != ds.measure(name).agg for name, agg in fields["measures"]):
        return fields
    return fields | {"dimension": None, "measures": [(name, "none") for name, _ in fields["measures"]]}


def _time_range(dataset: str, bounds: list[Any] | None, model: SemanticModel | None) -> Any:
    """(start, end) as written, or with a model as the first and last day or year they include, within
    the data's own."""
    if bounds is None:
        return None
    start, end = (None if b is None else str(b) for b in bounds)
    if model is None:
        return start, end
    try:
        ds = model.dataset(dataset)
        first = ds.time_bounds(TimeRange(start=start))[0]
        last = ds.time_bounds(TimeRange(end=end))[1]
    except PlanValidationError:
        return start, end
    # A bound beyond the data's, or none, draws the same chart as the data's own bound.
    low, high = (None if b is None else str(b) for b in (ds.time_min, ds.time_max))
    first = low if first is None or (low is not None and str(first) < low) else str(first)
    last = high if last is None or (high is not None and str(last) > high) else str(last)
    return first, last


def _meaningful(
    dataset: str, filters: list[tuple[Any, ...]], model: SemanticModel | None
) -> list[tuple[Any, ...]]:
    """The filters that keep something out: one keeping every value of a category changes nothing."""
    if model is None:
        return filters
    try:
        ds = model.dataset(dataset)
    except PlanValidationError:
        return filters
    values = {d.name: {str(v) for v in d.values} for d in ds.dimensions if d.type == "category" and d.values}
    kept = []
    for column, op, value in filters:
        picked = {str(v) for v in (value if isinstance(value, list) else [value])}
        if op in ("eq", "in") and column in values and picked == values[column]:
            continue
        kept.append((column, op, value))
    return kept


def _filters(filters: list[tuple[Any, ...]]) -> list[tuple[str, str, Any]]:
    """Filters in a canonical order; `in` lists compare as sets, numbers as numbers, a range as its two
    bounds."""

    def value(op: str, v: Any) -> Any:
        if isinstance(v, list):
            items = [float(x) if isinstance(x, int | float) else str(x) for x in v]
            return frozenset(items)
        return float(v) if isinstance(v, int | float) else str(v)

    # "between 2 and 4" keeps the rows that "at least 2" and "at most 4" together keep.
    split = [
        f
        for c, op, v in filters
        for f in (
            [(c, "gte", v[0]), (c, "lte", v[1])] if op == "between" and isinstance(v, list) else [(c, op, v)]
        )
    ]
    return sorted(((str(c), str(op), value(str(op), v)) for c, op, v in split), key=repr)


def helpful(message: str, model: SemanticModel) -> bool:
    """A refusal helps when it names a measure that can be asked for or quotes an example question."""
    text = message.lower()
    labels = [m.label.lower() for ds in model.datasets for m in ds.measures]
    return len(message.split(".")[0]) > 10 and (
        any(label in text for label in labels) or any(e.lower() in text for e in model.examples)
    )


def evaluate(planner: RulePlanner, questions: list[Question] | None = None) -> list[Outcome]:
    model = planner.model
    outcomes = []
    for question in questions if questions is not None else load_questions():
        outcome = Outcome(question)
        try:
            answer = planner.answer(question.text)
            outcome.plan, outcome.left_out = answer.plan, answer.left_out
        except UnchartableQuestion as exc:
            outcome.refusal = str(exc)
        if question.expect is None:
            if outcome.plan is not None:
                outcome.wrong["refused"] = (True, False)
            elif not helpful(outcome.refusal or "", model):
                outcome.wrong["helpful refusal"] = (True, outcome.refusal)
        else:
            want = expected_fields(question.expect, model)
            got = plan_fields(outcome.plan, model) if outcome.plan else dict.fromkeys(FIELDS, "(refused)")
            outcome.wrong = {k: (want[k], got[k]) for k in FIELDS if want[k] != got[k]}
            if outcome.plan is not None:
                ds = model.dataset(outcome.plan.dataset)
                label = ds.measure(outcome.plan.measures[0].name).label.lower()
                outcome.title_ok = label in outcome.plan.title.lower()
        outcomes.append(outcome)
    return outcomes


def score(outcomes: list[Outcome]) -> Score:
    refusals = [o for o in outcomes if o.question.expect is None]
    return Score(
        exact=sum(o.exact for o in outcomes),
        total=len(outcomes),
        refused=sum(o.exact for o in refusals),
        must_refuse=len(refusals),
        silent=sum(o.silent for o in outcomes),
    )


def report(outcomes: list[Outcome], target: bool = True) -> tuple[str, bool]:
    """A markdown report and whether the evaluation passes (exact accuracy and every refusal).

    With `target=False` (a holdout, held only to its floor) the report doesn't mention the target.
    """
    s = score(outcomes)
    planned = [o for o in outcomes if o.question.expect is not None]
    partial = sum(bool(o.left_out) for o in outcomes)
    lines = [
        f"Exact-plan accuracy: **{s.exact}/{s.total} = {s.exact / s.total:.1%}**"
        + (f" (target {EXACT_TARGET:.0%})" if target else ""),
        f"Must-refuse questions refused with a helpful message: **{s.refused}/{s.must_refuse}**",
        f"Silent errors (answered, but wrong): **{s.silent}/{s.total} = {s.silent / s.total:.1%}**",
        f"Partial answers (completed, saying what they left out): **{partial}**",
        "",
        "| field | correct | accuracy |",
        "|---|---:|---:|",
    ]
    for name in FIELDS:
        right = sum(name not in o.wrong for o in planned)
        lines.append(f"| {name} | {right}/{len(planned)} | {right / len(planned):.1%} |")
    titled = sum(o.title_ok and o.plan is not None for o in planned)
    lines.append(f"| title names the measure | {titled}/{len(planned)} | {titled / len(planned):.1%} |")
    lines += _misses(outcomes)
    passed = s.exact / s.total >= EXACT_TARGET and s.refused == s.must_refuse
    return "\n".join(lines), passed


def _misses(outcomes: list[Outcome]) -> list[str]:
    misses = [o for o in outcomes if not o.exact or not o.title_ok]
    if not misses:
        return []
    lines = ["", f"Misses ({len(misses)}):"]
    for o in misses:
        got = o.refusal if o.plan is None else o.plan.title
        silent = " (silent error)" if o.silent else ""
        lines.append(f"- {o.question.text!r} -> {got!r}{silent}")
        lines += [f"    {k}: expected {want!r}, got {have!r}" for k, (want, have) in o.wrong.items()]
        if o.left_out:
            lines.append(f"    left out: {'; '.join(o.left_out)}")
        if not o.title_ok:
            lines.append("    title does not name the measure")
    return lines
