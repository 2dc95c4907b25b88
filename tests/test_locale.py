"""The interface catalogs: every language has every key, with the same placeholders as English.

A key missing from a catalog silently falls back to English mid-sentence on screen and in the
report; a placeholder misspelt in a translation raises KeyError the first time it is shown.
"""

from __future__ import annotations

import json
import string
from collections import Counter
from pathlib import Path

import pytest

from game.i18n import DEFAULT_LANGUAGE, LOCALE_DIR, available_languages

CATALOGS = sorted(LOCALE_DIR.glob("*.json"))
OTHERS = [p for p in CATALOGS if p.stem != DEFAULT_LANGUAGE]


def load(path: Path) -> dict[str, str]:
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


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.stem)
def test_same_placeholders_as_english(path: Path) -> None:
    english, other = load(LOCALE_DIR / f"{DEFAULT_LANGUAGE}.json"), load(path)
    wrong = [
        f"{key}: {dict(placeholders(other[key]))} vs English {dict(placeholders(template))}"
        for key, template in english.items()
        if key in other and placeholders(other[key]) != placeholders(template)
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.stem)
def test_every_entry_is_a_usable_format_string(path: Path) -> None:
    """Non-empty text whose braces parse (a stray ``{`` would break ``tr`` at run time)."""
    for key, template in load(path).items():
        assert isinstance(template, str) and template.strip(), f"{path.name}: {key} is empty"
        placeholders(template)  # raises ValueError on unbalanced braces


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
