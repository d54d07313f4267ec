"""Loading a semantic model for `chartq semantic check`, with errors that say where the bad key is.

The first YAML or schema error is reported with the path of the bad key
("datasets[0] (sales).measures[1] (revenue).agg: ..."), so a person can find it in a long file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from worker.semantic import SemanticModel, load_semantic_model


class ModelLoadError(Exception):
    """The model file cannot be read, parsed or validated; str says where and why."""


def load_model(path: Path) -> SemanticModel:
    """The model at `path`, loaded exactly as a worker loads it; ModelLoadError says what is wrong."""
    try:
        text = Path(path).read_text("utf-8")
    except OSError as exc:
        raise ModelLoadError(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ModelLoadError(f"{path}: {where}not valid YAML: {problem}") from exc
    try:
        return load_semantic_model(path)
    except ValidationError as exc:
        # A misspelt key is both unknown and, under its right name, missing: name the spelling first.
        errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        value = "" if first["type"] == "missing" else f" (got {first['input']!r})"
        if first["type"] == "extra_forbidden":
            value = " (not a key of the format: check its spelling)"
        location = key_path(raw, first["loc"])
        raise ModelLoadError(f"{path}: {location}: {first['msg']}{value}{more}") from exc
    except ValueError as exc:
        raise ModelLoadError(f"{path}: {exc}") from exc


def key_path(raw: Any, loc: Sequence[int | str]) -> str:
    """ "datasets[0] (sales).measures[1] (revenue).agg": a pydantic location, with names to find it by."""
    if not loc:
        return "the top level"
    parts: list[str] = []
    node = raw
    for step in loc:
        if isinstance(step, int):
            text = f"[{step}]"
            node = node[step] if isinstance(node, list) and step < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("name"), str):
                text += f" ({node['name']})"
            parts.append(text)
        else:
            parts.append(f".{step}" if parts else str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return "".join(parts)
