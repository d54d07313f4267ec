"""`chartq semantic init`: a first semantic model drafted from a warehouse's schema, for a person to edit.

Each table or view becomes a dataset. Numbers become measures (summed when the name says it counts or
adds money up, averaged otherwise), text with few distinct values becomes dimensions, the first date
column (or an integer `year`) becomes the time axis, and identifiers are left out. What only a person
knows (what a measure means, its unit) is left as a TODO; what was left out is listed in comments, so
the draft is a starting point to read rather than a finished model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import yaml
from sqlalchemy.ext.asyncio import AsyncEngine

from worker.warehouse.facts import MAX_DRAFT_DIMENSION_VALUES, ColumnFacts, TableFacts, inspect_warehouse

# Words that say adding values up means something: counts, quantities and sums of money.
_ADDITIVE_WORDS = {
    "amount", "amounts", "count", "counts", "cost", "costs", "quantity", "qty", "units", "revenue",
    "revenues", "sales", "spend", "spent", "profit", "profits", "total", "totals", "volume", "orders",
    "items", "visits", "views", "clicks", "sessions", "population", "pop", "fee", "fees", "tax", "taxes",
    "income", "expense", "expenses", "payment", "payments", "paid", "number", "num", "hours", "minutes",
    "seconds", "downloads", "signups", "installs", "purchases", "tickets", "calls", "deaths", "cases",
    "births", "impressions", "budget", "discount", "discounts", "refunds", "shipments", "sold",
}  # fmt: skip
# Integer columns named like a part of a date are categories on an axis, not amounts to add up.
_INTEGER_DIMENSIONS = {"month", "quarter", "week", "weekday", "day", "hour", "day_of_week", "dow"}
_YEAR_NAMES = {"year", "yr", "fiscal_year"}


def identifier(text: str) -> str:
    """A model name from a table or column name: lower snake case ("orderDate" -> "order_date")."""
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", text)
    snake = re.sub(r"\W+", "_", snake).strip("_").lower()
    return snake or "column"


def label(text: str) -> str:
    """A human label from a column name: "order_date" -> "Order date", "unitPrice" -> "Unit price"."""
    spaced = identifier(text).replace("_", " ")
    return spaced[:1].upper() + spaced[1:]


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word
    if word.endswith("y") and word[-2:-1] not in set("aeiou"):
        return word[:-1] + "ies"
    return word + "s"


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("ss") or not word.endswith("s"):
        return word
    return word[:-1]


def synonyms(column: str) -> list[str]:
    """The words a question may use for a column: its label in lower case, singular and plural."""
    phrase = label(column).lower()
    head, _, last = phrase.rpartition(" ")
    prefix = f"{head} " if head else ""
    found = [phrase, prefix + _singular(last), prefix + _plural(last)]
    return list(dict.fromkeys(found))


def is_additive(column: str) -> bool:
    return bool(set(identifier(column).split("_")) & _ADDITIVE_WORDS)


def sample_question(measure: str, category: str | None, *, has_time: bool) -> str:
    """A question the rule planner answers from one dataset: `semantic init` offers it as an example,
    `semantic check` plans and runs it."""
    if category is not None:
        return f"{measure} by {category.lower()}"
    if has_time:
        return f"{measure} over time"
    return f"distribution of {measure.lower()}"


def _dimension_head(col: ColumnFacts) -> list[str]:
    return [
        f"      - name: {_scalar(identifier(col.name))}",
        f"        column: {_scalar(col.name)}",
        f"        label: {_scalar(label(col.name))}",
    ]


def _scalar(value: object) -> str:
    """One YAML scalar or flow list, quoted only when YAML needs it."""
    text = yaml.safe_dump(value, default_flow_style=True, width=10_000, allow_unicode=True, sort_keys=False)
    return text.removesuffix("\n").removesuffix("\n...")


@dataclass
class _Draft:
    """One dataset being drafted: what goes in, and what was left out and why."""

    table: TableFacts
    measures: list[ColumnFacts] = field(default_factory=list)
    dimensions: list[ColumnFacts] = field(default_factory=list)
    number_dimensions: list[ColumnFacts] = field(default_factory=list)
    time: ColumnFacts | None = None
    time_grain: str = "day"
    skipped: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, table: TableFacts) -> _Draft:
        draft = cls(table)
        dates = [c for c in table.columns if c.kind == "date"]
        years = [c for c in table.columns if c.kind == "integer" and identifier(c.name) in _YEAR_NAMES]
        if dates:
            # A column whose name says "date" is the likelier time axis than created/updated stamps.
            dates.sort(key=lambda c: "date" not in c.name.lower())
            draft.time = dates[0]
        elif years:
            draft.time, draft.time_grain = years[0], "year"
        for col in table.columns:
            if col is draft.time:
                continue
            name = identifier(col.name)
            if col.kind == "id":
                draft.skipped.append(f"{col.name}: an identifier")
            elif col.kind == "date":
                draft.skipped.append(f"{col.name}: another date (set time.column to use it instead)")
            elif col.kind == "boolean":
                draft.skipped.append(f"{col.name}: true/false (a dimension needs text values)")
            elif col.kind == "integer" and (name in _INTEGER_DIMENSIONS or name in _YEAR_NAMES):
                draft.number_dimensions.append(col)
            elif col.kind in ("integer", "number"):
                draft.measures.append(col)
            elif col.kind == "text" and (col.distinct or 0) <= MAX_DRAFT_DIMENSION_VALUES:
                draft.dimensions.append(col)
            elif col.kind == "text":
                draft.skipped.append(
                    f"{col.name}: over {MAX_DRAFT_DIMENSION_VALUES} distinct values (free text or a name)"
                )
            else:
                draft.skipped.append(f"{col.name}: type {col.sql_type} is neither a number nor text")
        return draft

    def example(self) -> str | None:
        if not self.measures:
            return None
        category = label(self.dimensions[0].name) if self.dimensions else None
        question = sample_question(label(self.measures[0].name), category, has_time=self.time is not None)
        return question[:1].upper() + question[1:]

    def lines(self) -> list[str]:
        t = self.table
        name = identifier(t.name)
        kind = "view" if t.is_view else "table"
        out = [
            f"  # {kind} {t.name}: {t.rows:,} rows",
            f"  - name: {_scalar(name)}",
            f"    table: {_scalar(t.name)}",
            f"    description: {_scalar(f'TODO: what one row of {t.name} is, in one sentence')}",
            f"    synonyms: {_scalar(synonyms(t.name))}",
        ]
        if self.time is not None:
            spec = {"column": self.time.name, "grain": self.time_grain, "label": label(self.time.name)}
            out.append(f"    time: {_scalar(spec)}")
        else:
            out.append(
                "    # time: {column: order_date, grain: day, label: Order date}  # no date column found"
            )
        out += [
            "    snapshot: false",
            "    key: []",
            "    measures:",
        ]
        for col in self.measures:
            out += self._measure(col)
        if self.dimensions or self.number_dimensions:
            out.append("    dimensions:")
        for col in self.dimensions:
            out += [
                *_dimension_head(col),
                f"        synonyms: {_scalar(synonyms(col.name))}",
                f"        # {col.distinct} distinct values; map everyday words to them here:",
                "        value_synonyms: {}",
            ]
        for col in self.number_dimensions:
            out += [
                *_dimension_head(col),
                "        type: number",
                f"        synonyms: {_scalar(synonyms(col.name))}",
            ]
        if self.skipped:
            out.append("    # Left out (add them by hand if they are worth asking about):")
            out += [f"    #   {reason}" for reason in self.skipped]
        return out

    def _measure(self, col: ColumnFacts) -> list[str]:
        additive = is_additive(col.name)
        decimals = 0 if col.kind == "integer" else col.scale
        lines = [
            f"      - name: {_scalar(identifier(col.name))}",
            f"        column: {_scalar(col.name)}",
            f"        agg: {'sum' if additive else 'avg'}",
            f"        additive: {'true' if additive else 'false'}",
            f"        label: {_scalar(label(col.name))}",
            "        unit:  # TODO: e.g. US$, people, kg; leave empty for a plain count",
        ]
        if decimals is not None:
            lines.append(f"        decimals: {decimals}")
        lines += [
            f"        description: {_scalar(f'TODO: what {label(col.name).lower()} means, in one sentence')}",
            f"        synonyms: {_scalar(synonyms(col.name))}",
        ]
        return lines


HEADER = """\
# Semantic model drafted by `chartq semantic init` from {source}.
# Edit it, then validate it against the warehouse with `chartq semantic check --model THIS_FILE`.
# Planners may only name what is declared here; see docs/semantic-model.md for every key.
#
# dataset:   one table or view. `synonyms` are words that pick it in a question; `time` is the column
#            a line chart runs along (grain `day` for dates, `year` for integer years); `key` lists the
#            dimensions that, with time, identify one row; `snapshot: true` means each period is a
#            complete picture (a census), so charts without a time axis show the latest period.
# measure:   a number to chart. `agg` is how rows combine by default (sum, avg, median, min, max,
#            count); `additive: true` allows adding values up (revenue: yes; a price: no); `unit` and
#            `decimals` shape axis titles; `description` is shown under every chart of the measure.
# dimension: text to group, colour or filter by. Values are read from the warehouse when a worker
#            starts; `value_synonyms` map everyday words to them ("usa": United States).
# Replace every TODO; the descriptions are what users read.
"""


def draft_yaml(tables: Sequence[TableFacts], source: str) -> str:
    """The model text for `tables`; tables without a single number to measure are only mentioned."""
    drafts = [_Draft.of(t) for t in tables]
    usable = [d for d in drafts if d.measures]
    if not usable:
        raise ValueError(
            "no table has a numeric column to measure, so there is nothing to chart"
            + (f" (looked at {', '.join(t.name for t in tables)})" if tables else " (no tables found)")
        )
    lines = HEADER.format(source=source).splitlines()
    examples = list(dict.fromkeys(e for e in (d.example() for d in usable) if e))
    lines += ["# Questions shown to users whose question could not be charted.", "examples:"]
    lines += [f"  - {_scalar(e)}" for e in examples] or ["  []"]
    lines.append("datasets:")
    for i, draft in enumerate(usable):
        if i:
            lines.append("")
        lines += draft.lines()
    left_out = [d.table.name for d in drafts if not d.measures]
    if left_out:
        lines += ["", f"# Not drafted (no numeric column to measure): {', '.join(left_out)}"]
    return "\n".join(lines) + "\n"


async def draft_semantic_model(engine: AsyncEngine, source: str, only: Sequence[str] | None = None) -> str:
    """Introspect the warehouse behind `engine` and return a semantic model draft as YAML text."""
    return draft_yaml(await inspect_warehouse(engine, only), source)
