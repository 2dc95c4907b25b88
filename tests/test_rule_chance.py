"""A consequence rule with a chance: it fires on a draw in each turn its condition holds.

The world does not always push back the same way; a rule under 100 percent makes the same line
of play land on either side of a threshold for a reason the debrief can name.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from kit_text import squash

from game.engine import adjust_tracks, new_game, resolve_turn
from game.engine.log import L_RULE
from game.errors import ContentError
from game.i18n import set_language
from game.kit import build_kit
from game.scenario.load import load_scenario

FIXTURE = Path(__file__).parent / "fixtures" / "minimal.yaml"
GOOD = FIXTURE.read_text(encoding="utf-8")
TENSE = 'id: tense, when: "tension >= 60", cooldown: 1,'


def variant(tmp_path: Path, chance: str) -> Path:
    assert TENSE in GOOD
    path = tmp_path / f"chance_{chance}.yaml"
    path.write_text(GOOD.replace(TENSE, f"{TENSE} chance: {chance},", 1), encoding="utf-8")
    return path


def tense_turn(sc, seed: int):
    """One turn with no orders from a state where the rule's condition holds all turn."""
    s = adjust_tracks(new_game(sc, seed=seed), {0: 70}, "set tension high")
    return resolve_turn(s, [(), ()])


def fired(s) -> bool:
    return any(kind == L_RULE for kind, *_ in s.history[-1].entries)


def test_a_rule_under_100_fires_on_some_draws_and_not_others(tmp_path: Path) -> None:
    sc = load_scenario(variant(tmp_path, "40"))
    outcomes = [fired(tense_turn(sc, seed)) for seed in range(300)]
    share = sum(outcomes) / len(outcomes)
    assert 0.30 <= share <= 0.50, share  # 40 % expected; 300 draws put it within ±10 points


def test_a_miss_changes_nothing_and_starts_no_rest(tmp_path: Path) -> None:
    sc = load_scenario(variant(tmp_path, "40"))
    rule = sc.model.rules.index(next(r for r in sc.model.rules if r.id == "tense"))
    miss = next(s for s in (tense_turn(sc, seed) for seed in range(60)) if not fired(s))
    assert miss.rule_last[rule] == -1
    hit = next(s for s in (tense_turn(sc, seed) for seed in range(60)) if fired(s))
    assert hit.rule_last[rule] == hit.turn
    assert hit.tracks[1] < miss.tracks[1]  # the rule's trust -2 landed only on a hit


def test_a_rule_at_100_draws_nothing(tmp_path: Path) -> None:
    """Writing chance: 100 is the same game as leaving it out: same draws, same state."""
    plain = load_scenario(FIXTURE)
    explicit = load_scenario(variant(tmp_path, "100"))
    for seed in range(20):
        a, b = tense_turn(plain, seed), tense_turn(explicit, seed)
        assert fired(a) and fired(b)
        assert (a.rng, a.tracks, a.rule_last) == (b.rng, b.tracks, b.rule_last)


def test_the_same_seed_gives_the_same_draw(tmp_path: Path) -> None:
    sc = load_scenario(variant(tmp_path, "40"))
    assert [fired(tense_turn(sc, seed)) for seed in range(30)] == [
        fired(tense_turn(sc, seed)) for seed in range(30)
    ]


@pytest.mark.parametrize("bad", ["0", "101", "half"])
def test_a_chance_outside_1_to_100_is_reported_at_its_line(tmp_path: Path, bad: str) -> None:
    path = variant(tmp_path, bad)
    with pytest.raises(ContentError) as info:
        load_scenario(path)
    line, column = next(
        (i, text.index(f"chance: {bad}") + len("chance: ") + 1)
        for i, text in enumerate(path.read_text().splitlines(), 1)
        if f"chance: {bad}," in text
    )
    assert [(p.line, p.column) for p in info.value.problems] == [(line, column)]


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "at or below 40, it fires"), ("es", "si sale 40 o menos, se activa")]
)
def test_the_printed_kit_tells_the_facilitator_to_draw(tmp_path: Path, lang: str, words: str) -> None:
    set_language(lang)
    try:
        data = build_kit(load_scenario(variant(tmp_path, "40")), lang)
    finally:
        set_language("en")
    pages = [squash(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(data)).pages]
    assert any(words in page for page in pages)
