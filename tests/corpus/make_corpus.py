"""Writes the corpus of broken files under tests/corpus/ and its list of expected messages.

    /work/venv/bin/python tests/corpus/make_corpus.py            # the corpus
    /work/venv/bin/python tests/corpus/make_corpus.py --v1-fixture   # tests/fixtures/saves/v1_game.json

Each broken save starts from a real game on tests/fixtures/saves/small.yaml and breaks one thing;
each broken scenario starts from that scenario (or from nothing) and breaks one thing.
``EXPECTED.tsv`` pairs every file with a fragment of the message it must be rejected with;
tests/test_hostile.py checks each one through the real command line. The files are committed:
run this again only to add cases (or after a change to small.yaml, which nothing should need).
The version 1 fixture is a historical record of the old layout and is not rewritten by default.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
sys.path.insert(0, str(TESTS.parent))

from game.engine import pending_answers  # noqa: E402
from game.scenario.load import load_scenario  # noqa: E402
from game.session.seats import Seat  # noqa: E402
from game.session.store import document_of  # noqa: E402
from game.session.table import Session  # noqa: E402

SMALL = TESTS / "fixtures" / "saves" / "small.yaml"
SCENARIO_FROM_CORPUS = "../../fixtures/saves/small.yaml"


def small_game(seed: int = 11, until_turn: int | None = None) -> Session:
    """A hot-seat game on small.yaml using every kind of move: orders with physical dice,
    a facilitator adjustment, answers to a proposal, an injected event, then plain turns."""
    sc = load_scenario(SMALL)
    s = Session.new(sc, seed, [Seat("human"), Seat("human")])
    a, t = sc.action_index, sc.term_index
    s.submit_orders(0, [a["secret_op"]])
    s.submit_orders(1, [a["propose:pact:south:north"]])
    s.set_dice(0, a["secret_op"], 2, 3)
    s.resolve()
    s.adjust({sc.track_index["trust"]: 4}, "the facilitator rules the talks went well")
    s.submit_answers(0, {t["pact"]: True})
    s.apply_answers()
    s.inject(sc.event_index["calm_news"], "a calm month, for the drill")
    while not s.terminal and (until_turn is None or s.state.turn < until_turn):
        if s.phase == "answers":
            for role in s.roles_to_answer():
                s.submit_answers(role, {term: False for term, _ in pending_answers(s.state, role)})
            s.apply_answers()
        else:
            s.submit_orders(0, [a["talk"]])
            s.submit_orders(1, [a["mend"] if s.state.turn % 2 else a["protest"]])
            s.resolve()
    return s


def base_document(until_turn: int | None = None) -> dict[str, Any]:
    doc = document_of(small_game(until_turn=until_turn))
    doc["scenario"]["path"] = SCENARIO_FROM_CORPUS
    doc["saved_at"] = "2025-01-01T00:00:00+00:00"
    doc["app_version"] = "0.1.0"
    return doc


def dump(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def save_cases(base: dict[str, Any]) -> dict[str, tuple[bytes, str]]:
    """name -> (bytes, fragment of the expected message)."""
    text = dump(base)
    cases: dict[str, tuple[bytes, str]] = {}

    def edit(name: str, fragment: str, change: Any) -> None:
        doc = copy.deepcopy(base)
        change(doc)
        cases[name] = (dump(doc).encode("utf-8"), fragment)

    def raw(name: str, fragment: str, data: bytes | str) -> None:
        cases[name] = (data.encode("utf-8") if isinstance(data, str) else data, fragment)

    first_orders = next(i for i, m in enumerate(base["moves"]) if m["type"] == "orders")
    later_orders = max(i for i, m in enumerate(base["moves"]) if m["type"] == "orders")

    # damaged files
    raw("truncated_half.json", "not valid JSON", text[: len(text) // 2])
    raw("truncated_last_brace.json", "not valid JSON", text.rstrip()[:-1])
    raw("empty.json", "the file is empty", "")
    raw("only_spaces.json", "the file is empty", "   \n\n")
    flipped = bytearray(text.encode("utf-8"))
    flipped[flipped.index(b'"type"') + 2] ^= 0x04  # "type" -> "tqpe"
    raw("bitflip_key.json", "a move needs a 'type'", bytes(flipped))
    flipped = bytearray(text.encode("utf-8"))
    flipped[flipped.index(b'"seed"') + 9] ^= 0x80  # a digit of the seed becomes a stray byte
    raw("bitflip_high_bit.json", "not UTF-8", bytes(flipped))
    flipped = bytearray(text.encode("utf-8"))
    flipped[flipped.index(b'"orders": {') + 10] ^= 0x01  # '{' -> 'z'
    raw("bitflip_brace.json", "not valid JSON", bytes(flipped))
    raw("binary_garbage.json", "not UTF-8", bytes((i * 73 + 41) % 256 for i in range(3000)))
    raw("utf16.json", "UTF-16", text.encode("utf-16"))
    raw("latin1.json", "not UTF-8", text.replace("the talks", "las negociaciónes").encode("latin-1"))
    raw("nul_bytes.json", "not valid JSON", "\x00" * 64)

    # hostile JSON
    raw("duplicate_key.json", "duplicate key 'seed'", text.replace('"seed": ', '"seed": 1,\n "seed": ', 1))
    raw("nan_seed.json", "NaN", text.replace(f'"seed": {base["seed"]}', '"seed": NaN', 1))
    raw("infinity.json", "Infinity", text.replace(f'"seed": {base["seed"]}', '"seed": -Infinity', 1))
    raw(
        "huge_integer.json",
        "too many digits",
        text.replace(f'"seed": {base["seed"]}', '"seed": ' + "9" * 5000, 1),
    )
    raw(
        "deep_nesting.json",
        "nesting is too deep",
        '{"save_version": 2, "x": ' + "[" * 3000 + "]" * 3000 + "}",
    )
    raw(
        "deep_nesting_small.json",
        "nesting is too deep",
        '{"save_version": 2, "x": ' + "[" * 40 + "]" * 40 + "}",
    )
    raw("top_level_list.json", "expected a JSON object", "[1, 2, 3]\n")
    raw("top_level_string.json", "expected a JSON object", '"commonground-save"\n')

    # versions
    edit("future_version.json", "newer Common Ground", lambda d: d.update(save_version=99))
    edit("version_zero.json", "unknown save version 0", lambda d: d.update(save_version=0))
    edit("version_text.json", "save_version must be a whole number", lambda d: d.update(save_version="2"))
    edit("no_version.json", "it has no save_version", lambda d: d.pop("save_version"))
    edit("wrong_format.json", "not a Common Ground save", lambda d: d.update(format="someone-elses-save"))
    edit(
        "v1_damaged.json",
        "scenario_hash",
        lambda d: (d.update(save_version=1, scenario_id="save_test"), d.pop("format"), d.pop("scenario")),
    )

    # wrong types and shapes
    edit(
        "seed_as_text.json", "seed: Input should be a valid integer", lambda d: d.update(seed=str(d["seed"]))
    )
    edit(
        "moves_not_a_list.json",
        "moves: Input should be a valid list",
        lambda d: d.update(moves={"0": d["moves"][0]}),
    )
    edit("missing_snapshot.json", "missing 'snapshot'", lambda d: d.pop("snapshot"))
    edit("extra_key.json", "unknown key 'cheat'", lambda d: d.update(cheat=True))
    edit(
        "move_type_unknown.json",
        "unknown move type 'teleport'",
        lambda d: d["moves"][0].update(type="teleport"),
    )
    edit(
        "dice_out_of_range.json",
        "less than or equal to 6",
        lambda d: d["moves"][first_orders]["dice"][0].__setitem__(2, 7),
    )
    edit(
        "adjust_too_large.json",
        "less than or equal to 100",
        lambda d: _adjust(d).update(changes={"trust": 500}),
    )
    edit("reason_too_long.json", "at most 2000 characters", lambda d: _adjust(d).update(reason="x" * 5000))
    edit(
        "bool_as_number.json",
        "Input should be a valid boolean",
        lambda d: _answers(d).__setitem__("north", {"pact": 1}),
    )

    # unknown ids and illegal moves (found when the engine replays them)
    edit(
        "unknown_action.json",
        "unknown action 'launch_strike'",
        lambda d: d["moves"][later_orders]["orders"].update(north=["launch_strike"]),
    )
    edit(
        "unknown_role.json",
        "unknown role 'west'",
        lambda d: d["moves"][later_orders]["orders"].update(west=["talk"]),
    )
    edit(
        "order_of_another_role.json",
        "cannot be played",
        lambda d: d["moves"][later_orders]["orders"].update(north=["protest"]),
    )
    edit("unknown_event.json", "unknown event 'meteor'", lambda d: _inject(d).update(event="meteor"))
    edit("unknown_track.json", "unknown track 'morale'", lambda d: _adjust(d).update(changes={"morale": 5}))
    edit("empty_reason.json", "needs a written reason", lambda d: _adjust(d).update(reason="  "))
    edit("wrong_turn.json", "the game is at turn", lambda d: d["moves"][later_orders].update(turn=1))
    edit(
        "move_after_the_end.json",
        "cannot be played",
        lambda d: (
            d["moves"].append(copy.deepcopy(d["moves"][later_orders]))
            or d["moves"][-1].update(turn=d["snapshot"]["turn"])
        ),
    )

    # hand-edited results
    edit(
        "edited_step_track.json",
        "replay diverges at move",
        lambda d: _bump(d["snapshot"]["steps"][first_orders]["tracks"], 0, 7),
    )
    edit(
        "edited_final_track.json",
        "track 'trust' is",
        lambda d: (
            d["snapshot"]["tracks"].update(trust=d["snapshot"]["tracks"]["trust"] + 30),
            d["snapshot"]["steps"][-1]["tracks"].__setitem__(1, d["snapshot"]["steps"][-1]["tracks"][1] + 30),
        ),
    )
    edit(
        "edited_order.json",
        "replay diverges at move",
        lambda d: d["moves"][later_orders]["orders"].update(north=["secret_op"]),
    )
    edit(
        "edited_fingerprint.json",
        "the rest of the state differs",
        lambda d: d["snapshot"]["steps"][0].update(fingerprint="0" * 16),
    )
    edit(
        "snapshot_move_count.json",
        "the snapshot is of",
        lambda d: d["snapshot"].update(moves=d["snapshot"]["moves"] + 1),
    )

    # the wrong scenario, or one that cannot be had
    edit(
        "scenario_changed.json",
        "has changed since this game was saved",
        lambda d: d["scenario"].update(hash="ab" * 32),
    )
    edit(
        "other_scenario.json",
        "this save is of scenario 'cartel_mission'",
        lambda d: d["scenario"].update(id="cartel_mission"),
    )
    edit(
        "scenario_not_found.json",
        "is not found",
        lambda d: d["scenario"].update(path="no_such_scenario.yaml"),
    )
    edit("scenario_not_yaml.json", "is not found", lambda d: d["scenario"].update(path="/etc/passwd"))
    edit(
        "bundled_escape.json",
        "is not the name of a bundled scenario",
        lambda d: d["scenario"].update(bundled=True, path="../../../etc/passwd"),
    )
    edit(
        "bundled_unknown.json",
        "no bundled scenario 'atlantis'",
        lambda d: d["scenario"].update(bundled=True, path="atlantis"),
    )

    # seats and kept orders
    edit("seat_count.json", "3 seats for 2 roles", lambda d: d["seats"].append("human"))
    edit("seat_unknown_player.json", "unknown player 'wizard'", lambda d: d["seats"].__setitem__(1, "wizard"))
    edit(
        "seat_unknown_persona.json", "has no persona 'dove'", lambda d: d["seats"].__setitem__(0, "hard:dove")
    )
    edit(
        "pending_after_the_end.json",
        "waiting for orders only",
        lambda d: d.update(pending={"orders": {"north": ["talk"]}}),
    )
    return cases


def mid_game_cases(base: dict[str, Any]) -> dict[str, tuple[bytes, str]]:
    """Orders entered but not resolved when the game was saved, broken."""
    cases: dict[str, tuple[bytes, str]] = {}
    for name, fragment, pending in (
        (
            "pending_too_many_orders.json",
            "kept orders cannot be given back",
            {"orders": {"north": ["talk", "secret_op", "talk"]}},
        ),
        ("pending_unknown_action.json", "unknown action 'bribe'", {"orders": {"north": ["bribe"]}}),
        (
            "pending_dice_without_order.json",
            "kept orders cannot be given back",
            {"orders": {"north": ["talk"]}, "dice": [["north", "secret_op", 3, 3]]},
        ),
    ):
        doc = copy.deepcopy(base)
        doc["pending"] = pending
        cases[name] = (dump(doc).encode("utf-8"), fragment)
    return cases


def hostile_cases(base: dict[str, Any]) -> dict[str, tuple[bytes, str]]:
    """Round 2: text that would reach a screen holding control or text-direction characters
    (refused at the value, PATH:LINE:COL), and seeds the save format cannot hold."""
    cases: dict[str, tuple[bytes, str]] = {}
    orders = next(i for i, m in enumerate(base["moves"]) if m["type"] == "orders")

    def edit(name: str, fragment: str, change: Any) -> None:
        doc = copy.deepcopy(base)
        change(doc)
        cases[name] = (dump(doc).encode("utf-8"), fragment)

    def move(doc: dict[str, Any], kind: str) -> dict[str, Any]:
        return next(m for m in doc["moves"] if m["type"] == kind)

    edit(
        "hostile_name_escape.json",
        "name: the text holds U+001B (ESC)",
        lambda d: d.update(name="Seminar \x1b[31m3"),
    )
    edit("hostile_name_nul.json", "name: the text holds U+0000 (NUL)", lambda d: d.update(name="Semi\x00nar"))
    edit(
        "hostile_name_bidi.json",
        "name: the text holds U+202E (RIGHT-TO-LEFT OVERRIDE)",
        lambda d: d.update(name="exe.\u202etxt"),
    )
    edit(
        "hostile_reason_isolate.json",
        "reason: the text holds U+2066 (LEFT-TO-RIGHT ISOLATE)",
        lambda d: move(d, "adjust").update(reason="ruled \u2066so\u2069"),
    )
    edit(
        "hostile_reason_c1.json",
        "reason: the text holds U+009B (a C1 control code)",
        lambda d: move(d, "inject").update(reason="drill \x9b2J"),
    )
    edit(
        "hostile_order_reason_escape.json",
        f"moves[{orders}].reasons.north[0]: the text holds U+001B (ESC)",
        lambda d: d["moves"][orders].update(reasons={"north": ["why\x1b]0;owned\x07"]}),
    )
    edit(
        "hostile_seat_escape.json",
        "seats[1]: the text holds U+001B (ESC)",
        lambda d: d["seats"].__setitem__(1, "human\x1b[2J"),
    )
    edit(
        "hostile_scenario_path_nul.json",
        "scenario.path: the text holds U+0000 (NUL)",
        lambda d: d["scenario"].update(path="../../fixtures/saves/small\x00.yaml"),
    )
    edit(
        "hostile_scenario_path_newline.json",
        "scenario.path: the text holds U+000A (LF)",
        lambda d: d["scenario"].update(path="../../fixtures/saves/\nsmall.yaml"),
    )
    edit(
        "hostile_title_escape.json",
        "scenario.title: the text holds U+001B (ESC)",
        lambda d: d["scenario"].update(title="Save \x1b[8mtest"),
    )
    edit(
        "hostile_key_escape.json",
        "a key holds U+001B (ESC)",
        lambda d: d["moves"][orders]["orders"].update({"north\x1b[0m": []}),
    )
    edit(
        "hostile_seed_too_large.json",
        "seed: Input should be less than or equal to 9223372036854775807",
        lambda d: d.update(seed=2**63),
    )
    edit(
        "hostile_seed_negative.json",
        "seed: Input should be greater than or equal to 0",
        lambda d: d.update(seed=-1),
    )
    return cases


def _bump(values: list[int], index: int, by: int) -> None:
    values[index] += by


def _adjust(doc: dict[str, Any]) -> dict[str, Any]:
    return next(m for m in doc["moves"] if m["type"] == "adjust")


def _inject(doc: dict[str, Any]) -> dict[str, Any]:
    return next(m for m in doc["moves"] if m["type"] == "inject")


def _answers(doc: dict[str, Any]) -> dict[str, Any]:
    return next(m for m in doc["moves"] if m["type"] == "answers")["answers"]


def scenario_cases() -> dict[str, tuple[bytes, str]]:
    good = SMALL.read_text(encoding="utf-8")
    cases: dict[str, tuple[bytes, str]] = {}

    def swap(name: str, fragment: str, old: str, new: str) -> None:
        assert old in good, old
        cases[name] = (good.replace(old, new, 1).encode("utf-8"), fragment)

    def raw(name: str, fragment: str, data: bytes | str) -> None:
        cases[name] = (data.encode("utf-8") if isinstance(data, str) else data, fragment)

    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        bomb += f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]\n"
    raw("alias_bomb.yaml", "too many values after expanding aliases", bomb)
    raw("python_object.yaml", "is not allowed", 'id: !!python/object/apply:os.system ["echo owned"]\n')
    raw("python_name.yaml", "is not allowed", "id: !!python/name:os.system\n")
    raw("binary_tag.yaml", "is not allowed", "id: !!binary aGVsbG8=\n")
    raw("set_tag.yaml", "is not allowed", "id: !!set {a, b}\n")
    raw("deep_flow.yaml", "nesting depth", "a: " + "[" * 3000 + "]" * 3000 + "\n")
    raw(
        "deep_block.yaml",
        "nesting is too deep",
        "".join("  " * i + f"k{i}:\n" for i in range(80)) + "  " * 80 + "x\n",
    )
    raw("binary_garbage.yaml", "not UTF-8", bytes((i * 97 + 13) % 256 for i in range(3000)))
    raw("utf16.yaml", "not UTF-8", good.encode("utf-16"))
    raw("latin1.yaml", "not UTF-8", good.replace("Save test", "Situación").encode("latin-1"))
    raw("nul_character.yaml", "U+0000", good.replace("format: 1", "format: 1\x00", 1))
    raw("control_character.yaml", "U+0007", good.replace("turns: 4", "turns: 4\x07", 1))
    raw("empty.yaml", "the file is empty", "")
    raw("two_documents.yaml", "a second document starts here", good + "---\nid: other\n")
    raw("top_level_list.yaml", "must be a mapping", "- id: x\n- id: y\n")
    raw("complex_key.yaml", "a key must be a plain word", "? [a, b]\n: 1\n")
    raw("merge_key.yaml", "merge keys", "base: &b {x: 1}\nother:\n  <<: *b\n")
    raw("alias_cycle.yaml", "alias of itself", "format: 1\nid: &loop [1, *loop]\n")
    swap("duplicate_key.yaml", "duplicate key 'turns'", "turns: 4\n", "turns: 4\nturns: 40\n")
    swap("wrong_type_turns.yaml", "expected a whole number", "turns: 4", "turns: four")
    swap("wrong_type_tracks.yaml", "expected a list", "tracks:\n", "tracks: {tension: 1}\nunused_tracks:\n")
    swap("huge_integer.yaml", "is too large (at most 15 digits)", "turns: 4", "turns: " + "9" * 500)
    swap("unknown_key.yaml", "unknown key 'tendz'", "    tends: Calms.", "    tendz: Calms.")
    swap("unknown_track.yaml", "morale", "{track: tension, add: -5}", "{track: morale, add: -5}")
    swap(
        "unknown_role.yaml",
        "west",
        "    role: south\n    category: public",
        "    role: west\n    category: public",
    )
    swap(
        "unknown_ending_condition.yaml",
        "unknown name",
        'when: "tension >= 95 or trust <= 5"',
        'when: "tension >= 95 or morale <= 5"',
    )
    swap(
        "condition_import.yaml",
        "condition:",
        'requires: "tension < 90"',
        "requires: \"__import__('os').system('ls')\"",
    )
    swap(
        "condition_attribute.yaml",
        "unknown name 'tension.__class__'",
        'requires: "tension < 90"',
        'requires: "tension.__class__ < 90"',
    )
    swap(
        "condition_call.yaml",
        "is not something that can be called",
        'requires: "tension < 90"',
        'requires: "len(tension) < 90"',
    )
    swap(
        "condition_deep.yaml",
        "nested too deeply",
        'requires: "tension < 90"',
        'requires: "' + "(" * 60 + "tension" + ")" * 60 + ' < 90"',
    )
    swap(
        "condition_long.yaml",
        "at most 500 characters",
        'requires: "tension < 90"',
        'requires: "' + "tension < 90 and " * 40 + 'true"',
    )
    swap(
        "condition_semicolon.yaml",
        "unexpected character ';'",
        'requires: "tension < 90"',
        'requires: "tension < 90; import os"',
    )
    swap(
        "condition_lambda.yaml",
        "unexpected character ':'",
        'requires: "tension < 90"',
        'requires: "lambda: 1"',
    )
    swap(
        "condition_bidi.yaml",
        "bidirectional control U+202E is not allowed",
        'requires: "tension < 90"',
        'requires: "tension \u202e< 90"',
    )
    swap(
        "condition_type.yaml",
        "is a number, not text",
        'requires: "tension < 90"',
        "requires: \"tension < 'high'\"",
    )
    swap("condition_not_text.yaml", "condition", 'requires: "tension < 90"', "requires: [tension, 90]")
    cases.update(number_cases(good))
    cases.update(character_cases(good))
    cases.update(position_cases(good))
    return cases


def number_cases(good: str) -> dict[str, tuple[bytes, str]]:
    """Numbers too large to use: they crashed validate, or passed it and crashed every game."""
    cases: dict[str, tuple[bytes, str]] = {}

    def swap(name: str, fragment: str, old: str, new: str) -> None:
        assert old in good, old
        cases[name] = (good.replace(old, new, 1).encode("utf-8"), fragment)

    requires = 'requires: "tension < 90"'
    too_large = "is too large (numbers in conditions are at most 1,000,000)"
    swap("condition_huge_number.yaml", too_large, requires, 'requires: "tension < ' + "9" * 320 + '"')
    swap("condition_overflow.yaml", too_large, requires, 'requires: "tension < ' + "9" * 320 + ' * 1.5"')
    swap("measure_huge_float.yaml", too_large, "measure: trust}", 'measure: "trust + ' + "9" * 400 + '.0"}')
    swap("measure_nan.yaml", too_large, "measure: trust}", 'measure: "trust + ' + "9" * 400 + '.0 * 0"}')
    swap(
        "measure_grows_too_large.yaml",
        "can grow too large",
        "measure: trust}",
        'measure: "trust' + " * 1000" * 30 + ' * 1.5"}',
    )
    swap("huge_float.yaml", "is too large (at most 15 digits)", "turns: 4", "turns: 1.0e999")
    swap("priority_huge.yaml", "priority is between", "priority: 10}", "priority: 99999999999}")
    return cases


def character_cases(good: str) -> dict[str, tuple[bytes, str]]:
    """Characters that crash the window, drive the terminal or hide what text says."""
    cases: dict[str, tuple[bytes, str]] = {}

    def swap(name: str, fragment: str, old: str, new: str) -> None:
        assert old in good, old
        cases[name] = (good.replace(old, new, 1).encode("utf-8"), fragment)

    title = 'title: {en: "Save test"'
    swap("nul_escape_in_title.yaml", "U+0000", title, r'title: {en: "Save\0test"')
    swap("terminal_escape.yaml", "U+001B", title, r'title: {en: "Save \e[31mtest"')
    swap("c1_control_escape.yaml", "U+009B", title, r'title: {en: "Save \x9b test"')
    swap("bidi_escape_in_name.yaml", "bidirectional control U+202E", "name: Trust,", r'name: "Tr\u202eust",')
    swap("bidi_in_comment.yaml", "bidirectional control U+2066", "# ", "# \u2066 ")
    swap("line_separator.yaml", "line separator U+2028", "name: Trust,", "name: Tr\u2028ust,")
    swap("lone_carriage_return.yaml", "carriage return", "name: Trust,", "name: Tr\rust,")
    swap("line_break_in_name.yaml", "one line of text", "name: Trust,", r'name: "Tr\nust",')
    swap("long_plain_text.yaml", "text is too long", "description: Trust.,", f"description: {'x' * 5000},")
    swap(
        "condition_no_break_space.yaml",
        "unexpected character U+00A0",
        'requires: "tension < 90"',
        'requires: "tension\u00a0< 90"',
    )
    return cases


def position_cases(good: str) -> dict[str, tuple[bytes, str]]:
    """Problems once reported at the wrong place, or not at all."""
    cases: dict[str, tuple[bytes, str]] = {}

    def swap(name: str, fragment: str, old: str, new: str) -> None:
        assert old in good, old
        cases[name] = (good.replace(old, new, 1).encode("utf-8"), fragment)

    swap("effect_add_five.yaml", "got 'five'", "{track: tension, add: -5}", "{track: tension, add: five}")
    swap(
        "flag_set_maybe.yaml",
        "got 'maybe'",
        "{flag: private_note, set: true}",
        "{flag: private_note, set: maybe}",
    )
    swap("float_tag.yaml", "tag '!!float' is not allowed", "turns: 4", "turns: !!float 4")
    swap("str_tag.yaml", "tag '!!str' is not allowed", "turns: 4", "turns: !!str 4")
    swap("local_tag.yaml", "tag '!turns' is not allowed", "turns: 4", "turns: !turns 4")
    swap(
        "bad_indent.yaml",
        "check the indentation",
        "    role: south\n    category: public",
        "    role: south\n   category: public",
    )
    swap("tab_indent.yaml", "a tab cannot indent YAML", "    tends: Calms.", "\ttends: Calms.")
    swap(
        "many_unknown_keys.yaml",
        "… and 450 more problems",
        "turns: 4\n",
        "turns: 4\n" + "".join(f"unknown_{i}: 1\n" for i in range(500)),
    )
    return cases


def write_corpus() -> None:
    """Rewrites every case; the crashing cases bench/fuzz.py found (fuzz-NNN.yaml) are kept as they are."""
    found = kept_fuzz_cases()
    expected: list[str] = []
    saves = save_cases(base_document()) | mid_game_cases(base_document(until_turn=3))
    saves |= hostile_cases(base_document())
    for folder, cases in (("saves", saves), ("scenarios", scenario_cases())):
        target = HERE / folder
        target.mkdir(exist_ok=True)
        for old in target.iterdir():
            if f"{folder}/{old.name}" not in found:
                old.unlink()
        for name, (data, fragment) in sorted(cases.items()):
            (target / name).write_bytes(data)
            expected.append(f"{folder}/{name}\t{fragment}")
    expected = sorted(expected + [f"{name}\t{fragment}" for name, fragment in found.items()])
    (HERE / "EXPECTED.tsv").write_text("\n".join(expected) + "\n", encoding="utf-8")
    print(f"wrote {len(expected) - len(found)} broken files, kept {len(found)} found by the fuzzer")


def kept_fuzz_cases() -> dict[str, str]:
    """The fuzzer's finds listed in EXPECTED.tsv (name -> fragment) whose files still exist."""
    listed = HERE / "EXPECTED.tsv"
    if not listed.exists():
        return {}
    found = {}
    for line in listed.read_text(encoding="utf-8").splitlines():
        name, fragment = line.split("\t", 1)
        if name.startswith("scenarios/fuzz-") and (HERE / name).exists():
            found[name] = fragment
    return found


def v1_document() -> dict[str, Any]:
    """The same kind of game in the version 1 layout: flat scenario fields, final snapshot only."""
    doc = base_document()
    ref = doc.pop("scenario")
    snapshot = doc.pop("snapshot")
    snapshot.pop("steps")
    return {
        "save_version": 1,
        "app_version": "0.1.0",
        "saved_at": "2025-01-01T00:00:00+00:00",
        "scenario_id": ref["id"],
        "scenario_hash": ref["hash"],
        "scenario_path": "small.yaml",
        "seed": doc["seed"],
        "seats": doc["seats"],
        "moves": doc["moves"],
        "snapshot": snapshot,
    }


if __name__ == "__main__":
    if "--v1-fixture" in sys.argv:
        path = TESTS / "fixtures" / "saves" / "v1_game.json"
        path.write_text(dump(v1_document()), encoding="utf-8")
        print(f"wrote {path}")
    else:
        write_corpus()
