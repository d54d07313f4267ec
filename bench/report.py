"""The results table (markdown) and the JSON document that `make bench` writes."""

from __future__ import annotations

import math
from typing import Any

from bench.results import FigureResult, Row


def fmt(value: float | None, unit: str = "") -> str:
    if value is None or not math.isfinite(value):
        return "n/a"
    if unit in ("tasks/s", "charts/s", "KiB") or abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}".strip()


def fmt_ratio(ratio: float | None) -> str:
    if ratio is None or not math.isfinite(ratio):
        return "n/a"
    return f"{ratio:.3f}x" if ratio < 0.1 else f"{ratio:.2f}x"


def verdict(row: Row) -> str:
    if row.met is None:
        return ""
    return "met" if row.met else "**not met**"


def markdown_table(figures: list[FigureResult]) -> str:
    lines = [
        "| fig | metric | chartq | baseline | value / baseline | target | met | notes |",
        "|---|---|---:|---|---:|---|---|---|",
    ]
    for figure in figures:
        if figure.error:
            error = _one_line(figure.error)
            lines.append(f"| {figure.figure} | {figure.title} | error | | | | **not run** | {error} |")
            continue
        for row in figure.rows:
            baseline = f"{fmt(row.baseline, row.unit)} ({row.baseline_name})" if row.baseline_name else ""
            lines.append(
                f"| {row.figure} | {row.metric} | {fmt(row.value, row.unit)} | {baseline} | "
                f"{fmt_ratio(row.ratio)} | {row.target} | {verdict(row)} | {row.note} |"
            )
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    last = [line for line in text.strip().splitlines() if line.strip()][-1:]
    return (last[0] if last else text).replace("|", "/")[:200]


def targets_summary(figures: list[FigureResult]) -> tuple[int, int]:
    rows = [row for figure in figures for row in figure.rows if row.met is not None]
    return sum(1 for row in rows if row.met), len(rows)


def document(meta: dict[str, Any], figures: list[FigureResult]) -> dict[str, Any]:
    met, total = targets_summary(figures)
    return {
        "meta": meta,
        "targets": {"met": met, "total": total},
        "figures": {
            figure.figure: {
                "title": figure.title,
                "seconds": round(figure.seconds, 1),
                "error": figure.error,
                "rows": [row.as_dict() for row in figure.rows],
                "details": figure.details,
            }
            for figure in figures
        },
    }


def markdown(meta: dict[str, Any], figures: list[FigureResult]) -> str:
    met, total = targets_summary(figures)
    head = (
        f"chartq benchmark, {meta['started_at']} on {meta['cpus']} CPUs, {meta['git']}, "
        f"load average {meta['loadavg_at_start'][0]:.2f} at start"
        f"{' (quick: smoke sizes, not for comparison)' if meta['quick'] else ''}; "
        f"{meta['seconds']:.0f} s; targets met: {met} of {total}.\n\n"
    )
    return head + markdown_table(figures)
