"""What the LLM planner tells a model, and how its answer becomes a ChartPlan (or a refusal).

The model sees the semantic model (names, meanings, units, a few values), the ChartPlan JSON schema and
the rules `SemanticModel.validate_plan` enforces; it answers one JSON object. Nothing of its text is used
but the plan's fields, each checked against the semantic model: titles are worded by code
(worker.planner.titles), SQL and figures are built from the validated plan.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import ValidationError

from worker.plan import ChartPlan
from worker.planner.titles import Ranking, chart_title
from worker.semantic import Dataset, Dimension, DimensionValue, PlanValidationError, SemanticModel

# A dimension with more values than this is shown by a sample; values named in the question are added.
MAX_LISTED_VALUES = 30
SAMPLE_VALUES = 12
MAX_REFUSAL_CHARS = 300
MAX_ERRORS_SHOWN = 6
# The model reads its own wrong answer back in the correction round; a runaway answer is cut short.
MAX_ECHOED_ANSWER_CHARS = 4000

_RULES = """\
Rules (a plan that breaks one is rejected):
- Use only the dataset, measure and dimension names listed above, spelled exactly.
- measures: 1 to 4 of the dataset's measures, each {"name", "agg"}; agg is avg, sum, min, max, median,
  count or none (raw values). sum only for measures marked additive. none cannot be mixed with other aggs.
- The x axis is either time (use_time: true, datasets with a time column only) or a dimension
  ("dimension"), never both. line, bar and area charts need one of them.
- series: a dimension (not the x axis dimension) drawn as one trace per value, e.g. one line per country.
- pie: exactly one aggregated measure split by "dimension", with no time axis and no series.
- histogram: exactly one measure with agg none, no dimension, no time axis.
- scatter: two measures (the first is x) without a time axis, or one measure against time or a dimension.
- filters: [{"column", "op", "value"}]. A category is filtered with eq, ne (one value) or in, not_in (a
  list), using values exactly as the data spells them (see values and value_synonyms). Numbers and the
  time column use eq, gt, gte, lt, lte, or between with [low, high].
- time_range: {"start", "end"}, inclusive, each a year ("1980") or an ISO date, or null when open.
- sort: {"by", "direction"} where by is a plotted measure, the dimension, the series, or the time column
  when use_time is true. For "top N" or "bottom N" set sort and "limit": N.
- A snapshot dataset holds a complete picture per period: without a time axis, restrict time_range to
  one period (start = end, the latest one unless the question names another) rather than adding periods.
- Leave out "title": chartq words the title itself.
- If the question cannot be answered from these datasets, answer {"refuse": "one sentence saying why"}.
Answer with exactly one JSON object and nothing else."""


class AnswerError(ValueError):
    """The model's answer is not a usable plan; str is what the correction round tells the model."""


@dataclass(frozen=True)
class Refusal:
    reason: str


def plan_schema() -> dict[str, Any]:
    """The ChartPlan JSON schema without `title`, which code words from the plan."""
    schema = ChartPlan.model_json_schema()
    schema["properties"] = {k: v for k, v in schema["properties"].items() if k != "title"}
    schema["required"] = [name for name in schema.get("required", []) if name != "title"]
    return schema


def system_prompt(model: SemanticModel) -> str:
    described = yaml.safe_dump(
        {"datasets": [_describe_dataset(ds) for ds in model.datasets]},
        sort_keys=False,
        # Lists of names inline ("synonyms: [country, nation]"): a third fewer tokens than block style.
        default_flow_style=None,
        allow_unicode=True,
        width=100_000,
    )
    return (
        "You turn questions about data into chart plans for chartq. A chart plan is a JSON object that "
        "names a dataset, its measures and dimensions; chartq builds the SQL and the chart from it.\n\n"
        f"The data:\n{described}\n"
        f"The chart plan JSON schema:\n{json.dumps(plan_schema(), separators=(',', ':'))}\n\n{_RULES}"
    )


def _describe_dataset(ds: Dataset) -> dict[str, Any]:
    described: dict[str, Any] = {"name": ds.name, "description": ds.description}
    if ds.time is not None:
        described["time"] = {
            "column": ds.time.column,
            "grain": ds.time.grain,
            "from": ds.time_min,
            "to": ds.time_max,
        }
    if ds.snapshot:
        described["snapshot"] = True
    described["measures"] = [
        {
            "name": m.name,
            "label": m.label,
            **({"unit": m.unit} if m.unit else {}),
            "default_agg": m.agg,
            "additive": m.additive,
            "description": m.description,
        }
        for m in ds.measures
    ]
    described["dimensions"] = [_describe_dimension(d) for d in ds.dimensions]
    return described


def _describe_dimension(dim: Dimension) -> dict[str, Any]:
    described: dict[str, Any] = {"name": dim.name, "label": dim.label, "type": dim.type}
    if dim.synonyms:
        described["synonyms"] = dim.synonyms
    if dim.type == "category" and dim.values:
        if len(dim.values) <= MAX_LISTED_VALUES:
            described["values"] = dim.values
        else:
            described["values"] = dim.values[:SAMPLE_VALUES]
            described["value_count"] = len(dim.values)
    if dim.value_synonyms:
        described["value_synonyms"] = dim.value_synonyms
    return described


class ValueFinder:
    """Finds the category values a question names, so the model learns their exact spelling even for
    dimensions whose values the system prompt only samples ("Korea, Rep." for "South Korea")."""

    def __init__(self, model: SemanticModel) -> None:
        self._patterns: list[tuple[str, str, re.Pattern[str], DimensionValue]] = []
        for ds in model.datasets:
            for dim in ds.dimensions:
                if dim.type != "category":
                    continue
                words: dict[str, DimensionValue] = dict(dim.value_synonyms)
                if dim.match_values:
                    words |= {str(v): v for v in dim.values}
                for word, value in words.items():
                    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
                    self._patterns.append((ds.name, dim.name, pattern, value))

    def find(self, text: str) -> dict[str, dict[str, list[DimensionValue]]]:
        """{dataset: {dimension: [values named in text, in the order the text names them]}}."""
        hits = []
        for dataset, dimension, pattern, value in self._patterns:
            match = pattern.search(text)
            if match is not None:
                hits.append((match.start(), dataset, dimension, value))
        found: dict[str, dict[str, list[DimensionValue]]] = {}
        for _, dataset, dimension, value in sorted(hits, key=lambda hit: hit[0]):
            values = found.setdefault(dataset, {}).setdefault(dimension, [])
            if value not in values:
                values.append(value)
        return found


def user_prompt(
    question: str,
    adjustment: str | None,
    previous: ChartPlan | None,
    named: dict[str, Any],
    earlier: ChartPlan | None = None,
) -> str:
    parts = [f"Question: {question}"]
    if previous is not None:
        parts.append(
            "The user is adjusting this chart plan; change only what the adjustment asks and keep the "
            f"rest:\n{_shown(previous)}"
        )
    elif earlier is not None:
        parts.append(
            "The plan of the user's previous chart in this conversation. If the question is a follow-up "
            '("add Brazil", "as a bar chart", "per continent instead"), change only what it asks and keep '
            f"the rest; if it stands on its own, ignore this plan:\n{_shown(earlier)}"
        )
    if adjustment:
        parts.append(f"Adjustment: {adjustment}")
    if named:
        parts.append(
            "Values the text names, as the data spells them (dataset -> dimension -> values): "
            + json.dumps(named, separators=(",", ":"), ensure_ascii=False)
        )
    return "\n\n".join(parts)


def _shown(plan: ChartPlan) -> str:
    return json.dumps(plan.model_dump(mode="json", exclude={"title"}), separators=(",", ":"))


def correction_prompt(error: AnswerError) -> str:
    return (
        f"That answer is not a valid chart plan: {error}\n"
        'Answer again with only the corrected JSON object (or {"refuse": "..."}).'
    )


def echoed_answer(text: str) -> str:
    return text[:MAX_ECHOED_ANSWER_CHARS]


def read_answer(text: str, model: SemanticModel) -> ChartPlan | Refusal:
    """The validated plan (titled by code) or the refusal in an answer; AnswerError says what is wrong."""
    data = _json_object(text)
    refusal = data.get("refuse")
    if refusal is not None:
        if not isinstance(refusal, str) or not refusal.strip():
            raise AnswerError('"refuse" must be a sentence saying why the question cannot be charted.')
        return Refusal(_sentence(refusal))
    if set(data) == {"plan"} and isinstance(data["plan"], dict):
        data = data["plan"]
    try:
        # A placeholder: the title is worded below from the validated plan, never taken from the model.
        plan = ChartPlan.model_validate({**data, "title": "chart"})
        model.validate_plan(plan)
    except ValidationError as exc:
        raise AnswerError(_schema_errors(exc)) from exc
    except PlanValidationError as exc:
        raise AnswerError(str(exc)) from exc
    return plan.model_copy(update={"title": title_of(plan, model)})


def title_of(plan: ChartPlan, model: SemanticModel) -> str:
    ds = model.dataset(plan.dataset)
    categories = {d.name for d in ds.dimensions if d.type == "category"}
    entities: dict[str, list[DimensionValue]] = {}
    for flt in plan.filters:
        if flt.column in categories and flt.op in ("eq", "in"):
            values = flt.value if isinstance(flt.value, list) else [flt.value]
            entities.setdefault(flt.column, []).extend(values)
    ranking = None
    if plan.sort is not None and plan.limit is not None and plan.dimension is not None:
        ranking = Ranking(low=plan.sort.direction == "asc", counted=True)
    return chart_title(ds, plan, entities, ranking)


def _json_object(text: str) -> dict[str, Any]:
    # Some servers ignore response_format and wrap the object in a Markdown code fence.
    stripped = re.sub(r"^\s*```(?:json)?\s*|\s*```\s*$", "", text)
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError as exc:
        raise AnswerError(
            f"The answer is not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})."
        ) from exc
    if not isinstance(data, dict):
        raise AnswerError("The answer must be one JSON object.")
    return data


def _schema_errors(exc: ValidationError) -> str:
    errors = exc.errors(include_url=False, include_input=False)
    lines = [f"{'.'.join(map(str, e['loc'])) or 'plan'}: {e['msg']}" for e in errors[:MAX_ERRORS_SHOWN]]
    more = len(errors) - len(lines)
    return "; ".join(lines) + (f" (and {more} more)" if more > 0 else "") + "."


def _sentence(text: str) -> str:
    text = " ".join(text.split())[:MAX_REFUSAL_CHARS].rstrip()
    return text if text.endswith((".", "!", "?")) else f"{text}."
