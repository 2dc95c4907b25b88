"""The command line: exit codes (0 ok, 2 bad input, 1 bug), messages, and no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.shells.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "minimal.yaml"


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS="100")
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_validate_a_good_file(capsys) -> None:
    assert main(["validate", str(FIXTURE)]) == 0
    assert "ok" in capsys.readouterr().out


def test_validate_a_broken_file_points_at_the_line(tmp_path: Path, capsys) -> None:
    broken = tmp_path / "broken.yaml"
    text = FIXTURE.read_text().replace(
        "    role: south\n    category: public", "    role: nobody\n    category: public"
    )
    broken.write_text(text)
    line = text.splitlines().index("    role: nobody") + 1
    assert main(["validate", str(broken)]) == 2
    err = capsys.readouterr().err
    assert f"{broken}:{line}:11: unknown role 'nobody'" in err
    assert "Traceback" not in err


def test_validate_a_missing_file(capsys) -> None:
    assert main(["validate", "/no/such/file.yaml"]) == 2
    assert "/no/such/file.yaml:1:1: no such file" in capsys.readouterr().err


def test_validate_a_folder(capsys) -> None:
    assert main(["validate", str(ROOT / "game" / "scenarios")]) == 0


def test_usage_errors_exit_2(capsys) -> None:
    assert main(["simulate", "--games", "many"]) == 2
    assert main(["no-such-command"]) == 2
    assert main(["simulate", "--games", "0"]) == 2
    assert "at least 1" in capsys.readouterr().err


def test_bad_players_exit_2(capsys) -> None:
    assert main(["simulate", str(FIXTURE), "--games", "2", "--players", "north=wizard"]) == 2
    assert "unknown player 'wizard'" in capsys.readouterr().err
    assert main(["simulate", str(FIXTURE), "--games", "2", "--players", "east=random"]) == 2
    assert "unknown role 'east'" in capsys.readouterr().err


def test_simulate_json_is_the_same_for_the_same_seed(capsys) -> None:
    outputs = []
    for _ in range(2):
        assert main(["simulate", str(FIXTURE), "--games", "200", "--seed", "7", "--json"]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    data = json.loads(outputs[0])
    assert sum(data["endings"].values()) == 200
    assert set(data["scores"]) == {"north", "south"}
    assert set(data["tracks"]) == {"tension", "trust", "secret_meter"}
    assert main(["simulate", str(FIXTURE), "--games", "200", "--seed", "8", "--json"]) == 0
    assert capsys.readouterr().out != outputs[0]


def test_simulate_summary_is_readable(capsys) -> None:
    assert main(["simulate", str(FIXTURE), "--games", "50", "--players", "north=random,south=random"]) == 0
    out = capsys.readouterr().out
    assert "Endings" in out and "Objective scores" in out and "50 games" in out


def test_schema_is_json_schema(capsys) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Common Ground scenario"
    assert "actions" in schema["properties"]


def test_the_committed_schema_is_up_to_date() -> None:
    from game.shells.commands import schema_document

    committed = json.loads((ROOT / "docs" / "scenario.schema.json").read_text())
    assert committed == json.loads(json.dumps(schema_document())), (
        "run: commonground schema > docs/scenario.schema.json"
    )


def test_list_scenarios(capsys) -> None:
    assert main(["list"]) == 0
    assert "cartel_mission" in capsys.readouterr().out


@pytest.mark.parametrize("args", [["validate", "/dev/null"], ["simulate", "/etc/hostname", "--games", "1"]])
def test_bad_input_never_prints_a_traceback(args: list[str]) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_python_dash_m_game_is_the_same_tool() -> None:
    done = run("validate", str(FIXTURE))
    assert done.returncode == 0 and "ok" in done.stdout


def test_ci_runs_the_readme_test_command() -> None:
    """CI must run exactly the Quick start's test command, so the README stays true."""
    readme = (ROOT / "README.md").read_text()
    quick = readme.split("## Quick start", 1)[1].split("```", 2)[1]
    commands = [line.strip() for line in quick.splitlines() if line.strip() and not line.startswith("sh")]
    assert len(commands) == 2, commands
    ci = (ROOT / ".ci" / "run").read_text()
    assert commands[1] in ci.splitlines()
    assert commands[0].endswith(".venv/bin/commonground")
