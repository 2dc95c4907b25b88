"""Load a scenario file: safe YAML → pydantic model → cross-checked runtime tables.

Every problem is reported as PATH:LINE:COL: message, pydantic's error locations mapped back
to the YAML node that caused them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.errors import ContentError, Problem
from game.scenario.compiler import Compiler
from game.scenario.models import Scenario
from game.scenario.problems import ordered, refuse
from game.scenario.runtime import CompiledScenario
from game.scenario.yaml_loader import (
    Document,
    YamlPath,
    decode_text,
    load_yaml_text,
    read_file_limited,
)

# Inside the package, so a wheel or a plain (non-editable) install finds them too.
SCENARIO_DIR = Path(str(resources.files("game") / "scenarios"))
DEFAULT_SCENARIO = "cartel_mission"


def scenario_path(name: str | os.PathLike[str] | None) -> Path:
    """A path as given, or the name of a bundled scenario (``cartel_mission``, ``teaching``)."""
    if name is None:
        name = DEFAULT_SCENARIO
    path = Path(name)
    if path.suffix in (".yaml", ".yml") or path.exists() or os.sep in str(name):
        return path
    return SCENARIO_DIR / f"{name}.yaml"


def with_turns(scenario: CompiledScenario, turns: int | None) -> CompiledScenario:
    """The scenario with another turn limit (a game set up shorter or longer); itself if unchanged."""
    if not turns or turns == scenario.model.turns:
        return scenario
    model = scenario.model.model_copy(update={"turns": int(turns)})
    return dataclasses.replace(scenario, model=model)


def bundled_scenarios() -> list[Path]:
    return sorted(SCENARIO_DIR.glob("*.yaml"))


def load_scenario(name: str | os.PathLike[str] | None = None) -> CompiledScenario:
    """Load and compile a scenario; raises ContentError listing every problem found."""
    path = scenario_path(name)
    source = str(path)
    data = read_file_limited(path)
    return load_scenario_text(decode_text(data, source), source, hashlib.sha256(data).hexdigest())


def load_scenario_text(
    text: str, source: str = "<text>", content_hash: str | None = None
) -> CompiledScenario:
    if content_hash is None:
        content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc = load_yaml_text(text, source)
    if not isinstance(doc.data, dict):
        raise ContentError([doc.problem((), "a scenario file must be a mapping of keys (id:, title:, ...)")])
    try:
        model = Scenario.model_validate(doc.data)
    except ValidationError as err:
        raise refuse(validation_problems(err, doc)) from None
    compiler = Compiler(model)
    compiled = compiler.compile(content_hash, source)
    if compiler.report.items:
        raise refuse(
            doc.problem(path, message, key=key, offset=offset)
            for path, message, offset, key in compiler.report.items
        )
    return compiled


# ----------------------------------------------------------------------------- pydantic errors


def data_path(data: Any, loc: tuple[Any, ...]) -> tuple[YamlPath, Any]:
    """Follow pydantic's loc through the data, skipping union tags and other synthetic parts."""
    path: list[str | int] = []
    current = data
    for part in loc:
        if isinstance(current, dict) and isinstance(part, str) and part in current:
            current = current[part]
            path.append(part)
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
            path.append(part)
    return tuple(path), current


_FRIENDLY = {
    "string_pattern_mismatch": "an id is lowercase letters, digits and '_', starting with a letter",
    "int_type": "expected a whole number",
    "bool_type": "expected true or false",
    "list_type": "expected a list",
    "dict_type": "expected a mapping of keys",
    "model_type": "expected a mapping of keys",
    "model_attributes_type": "expected a mapping of keys",
    "string_type": "expected text",
}


def validation_problems(err: ValidationError, doc: Document) -> list[Problem]:
    by_path: dict[tuple[YamlPath, bool], list[str]] = {}
    for item in err.errors(include_url=False):
        loc = tuple(item.get("loc", ()))
        kind = item.get("type", "")
        path, value = data_path(doc.data, loc)
        key = False
        if kind == "missing":
            message = f"missing required key {loc[-1]!r}" if loc else "missing value"
        elif kind == "extra_forbidden":
            message = f"unknown key {loc[-1]!r}" if loc else "unknown key"
            key = True
        elif kind in _FRIENDLY:
            message = _FRIENDLY[kind]
            if kind == "string_pattern_mismatch" and loc and str(loc[-1]).startswith("risk"):
                message = "a risk id looks like R1, R2 ... R12"
            shown = _show(value)
            if shown:
                message += f", got {shown}"
        else:
            message = str(item.get("msg", "invalid value")).removeprefix("Value error, ")
        by_path.setdefault((path, key), [])
        if message not in by_path[(path, key)]:
            by_path[(path, key)].append(message)
    problems = []
    for (path, key), messages in by_path.items():
        if len(messages) > 1 and all(msg.startswith("expected") for msg in messages):
            text = "expected text, or a map of language to text such as {en: ..., es: ...}"
            if not any("text" in msg for msg in messages):
                text = " or ".join(messages)
            messages = [text]
        for message in messages:
            problems.append(doc.problem(path, message, key=key))
    return ordered(problems, limit=len(problems))


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
