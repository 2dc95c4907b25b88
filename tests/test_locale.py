"""The interface catalogs: every language has every key, with the same placeholders as English.

A key missing from a catalog silently falls back to English mid-sentence on screen and in the
report; a placeholder misspelt in a translation raises KeyError the first time it is shown. A
counted sentence has every plural form in every language, and the code asks for it with its
count (``trn``); every key the code names is written whole in the source and is in the catalog.
"""

from __future__ import annotations

import json
import string
from collections import Counter
from pathlib import Path

import pytest

from game.i18n import DEFAULT_LANGUAGE, LOCALE_DIR, PLURAL_CATEGORIES, available_languages, trn

CATALOGS = sorted(LOCALE_DIR.glob("*.json"))
OTHERS = [p for p in CATALOGS if p.stem != DEFAULT_LANGUAGE]


def load(path: Path) -> dict[str, str | dict[str, str]]:
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    assert isinstance(data, dict), f"{path}: not a JSON object"
    return data


def placeholders(template: str) -> Counter[tuple[str, str, str]]:
    """The ``{name!conversion:spec}`` fields of a format string, counted."""
    return Counter(
        (name, conversion or "", spec or "")
        for _, name, spec, conversion in string.Formatter().parse(template)
        if name is not None
    )


def test_there_is_english_and_another_language() -> None:
    assert DEFAULT_LANGUAGE in available_languages()
    assert OTHERS, "no translation catalog next to en.json"


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.stem)
def test_same_keys_as_english(path: Path) -> None:
    english, other = load(LOCALE_DIR / f"{DEFAULT_LANGUAGE}.json"), load(path)
    missing = sorted(set(english) - set(other))
    extra = sorted(set(other) - set(english))
    assert not missing, f"{path.name} lacks {len(missing)} keys, e.g. {missing[:5]}"
    assert not extra, f"{path.name} has keys English does not: {extra[:5]}"


def forms(entry: str | dict[str, str]) -> dict[str, str]:
    """An entry's text by plural category ('' for a sentence that is not counted)."""
    return entry if isinstance(entry, dict) else {"": entry}


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.stem)
def test_same_placeholders_and_plural_forms_as_english(path: Path) -> None:
    english, other = load(LOCALE_DIR / f"{DEFAULT_LANGUAGE}.json"), load(path)
    wrong = []
    for key, entry in english.items():
        if key not in other:
            continue
        mine, theirs = forms(entry), forms(other[key])
        if set(mine) != set(theirs):
            wrong.append(f"{key}: forms {sorted(theirs)} vs English {sorted(mine)}")
            continue
        for form, template in mine.items():
            if placeholders(theirs[form]) != placeholders(template):
                wrong.append(
                    f"{key}[{form}]: {dict(placeholders(theirs[form]))} vs {dict(placeholders(template))}"
                )
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.stem)
def test_every_entry_is_a_usable_format_string(path: Path) -> None:
    """Non-empty text whose braces parse (a stray ``{`` would break ``tr`` at run time); a
    counted entry has exactly the plural categories the languages use."""
    for key, entry in load(path).items():
        if isinstance(entry, dict):
            assert sorted(entry) == sorted(PLURAL_CATEGORIES), f"{path.name}: {key} forms {sorted(entry)}"
        for template in forms(entry).values():
            assert isinstance(template, str) and template.strip(), f"{path.name}: {key} is empty"
            placeholders(template)  # raises ValueError on unbalanced braces


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_count_chooses_its_form(lang: str) -> None:
    one, two = trn("ui.fac.effect.later", 1, lang=lang), trn("ui.fac.effect.later", 2, lang=lang)
    assert "1" in one and "2" in two and one.replace("1", "2") != two  # "1 turn" but "2 turns"
    assert trn("ui.fac.effect.later", 0, lang=lang) == two.replace("2", "0")


def test_the_placeholder_check_can_fail() -> None:
    assert placeholders("{a} de {b!r}") != placeholders("{a} of {b}")
    assert placeholders("{n} y {n}") != placeholders("{n}")
    assert placeholders("Turno {n}") == placeholders("Turn {n}")


# ----------------------------------------------------------------------------- --lang on the command line

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimal.yaml"


@pytest.fixture
def saved_game(tmp_path: Path) -> Path:
    from game.shells.cli import main

    path = tmp_path / "game.json"
    assert main(["simulate", str(FIXTURE), "--games", "1", "--players", "random", "--save", str(path)]) == 0
    return path


def test_report_in_spanish_then_back_to_english(saved_game: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from game.i18n import language
    from game.shells.cli import main

    capsys.readouterr()
    assert main(["report", str(saved_game), "--typical", "0", "--lang", "es"]) == 0
    spanish = capsys.readouterr().out
    assert spanish.startswith("# Informe posterior a la acción")
    assert "## Resumen" in spanish and "Computadora (al azar)" in spanish
    assert language() == DEFAULT_LANGUAGE  # the command does not leave its language behind
    assert main(["report", str(saved_game), "--typical", "0"]) == 0
    assert capsys.readouterr().out.startswith("# After-action report")


def test_simulate_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    from game.shells.cli import main

    assert main(["simulate", str(FIXTURE), "--games", "5", "--lang", "es"]) == 0
    out = capsys.readouterr().out
    assert "Desenlaces" in out and "5 partidas" in out and "Endings" not in out


@pytest.mark.parametrize("command", ["report", "simulate"])
def test_unknown_language_is_bad_input(
    command: str, saved_game: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from game.shells.cli import main

    capsys.readouterr()
    args = [command, str(saved_game)] if command == "report" else [command, str(FIXTURE), "--games", "1"]
    assert main([*args, "--lang", "xx"]) == 2
    err = capsys.readouterr().err
    listed = ", ".join(available_languages())
    assert f"--lang: no interface language 'xx' (available: {listed})" in err and "Traceback" not in err


# ----------------------------------------------------------------------------- keys in the source

GAME = Path(__file__).resolve().parents[1] / "game"


def source_keys() -> tuple[dict[str, list[str]], list[str]]:
    """Keys named in the code, by the function that looks them up (``tr``, ``trn``, or ``table``
    for the whole keys written in lookup tables), and every call whose key is assembled."""
    import ast
    import re

    looks_like_key = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
    english = load(LOCALE_DIR / f"{DEFAULT_LANGUAGE}.json")
    prefixes = {key.split(".")[0] for key in english}
    found: dict[str, list[str]] = {"tr": [], "trn": [], "table": []}
    assembled: list[str] = []
    for path in GAME.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("tr", "trn")
            ):
                if not node.args:
                    continue
                first = node.args[0]
                where = f"{path.relative_to(GAME.parent)}:{node.lineno}"
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found[node.func.id].append(first.value)
                elif isinstance(first, (ast.JoinedStr, ast.BinOp)):
                    assembled.append(where)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                value = node.value
                if looks_like_key.match(value) and value.split(".")[0] in prefixes and value in english:
                    found["table"].append(value)
    return found, assembled


def test_every_key_the_code_names_is_in_the_catalog_with_the_right_lookup() -> None:
    english = load(LOCALE_DIR / f"{DEFAULT_LANGUAGE}.json")
    found, _ = source_keys()
    missing = sorted({k for k in found["tr"] + found["trn"] if k not in english})
    assert not missing, f"keys not in en.json: {missing}"
    counted_by_tr = sorted({k for k in found["tr"] if isinstance(english[k], dict)})
    assert not counted_by_tr, f"counted sentences looked up without their count: {counted_by_tr}"
    not_counted = sorted({k for k in found["trn"] if not isinstance(english[k], dict)})
    assert not not_counted, f"trn() on sentences with no plural forms: {not_counted}"


def test_no_key_is_assembled_from_pieces() -> None:
    _, assembled = source_keys()
    assert not assembled, "keys built with f-strings or +: " + ", ".join(assembled)
