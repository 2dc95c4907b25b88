"""The balance benchmark's figures per mix of players, their printout, and the targets."""

from __future__ import annotations

import math
import statistics
from collections import Counter
from typing import Any

from balance_games import GameFacts, Tally

from game.scenario.runtime import CompiledScenario

Figures = dict[str, Any]


def mix_figures(sc: CompiledScenario, tally: Tally) -> Figures:
    games = tally.games
    n = max(len(games), 1)
    roles = sc.role_ids
    endings = Counter(g.ending for g in games)
    felt = Counter(risk for g in games for risk in g.felt)
    picks = [Counter() for _ in roles]
    for g in games:
        for role, counter in enumerate(g.picks):
            picks[role].update(counter)
    return {
        "games": len(games),
        "endings": {e.id: round(endings.get(e.id, 0) / n, 3) for e in sc.model.endings},
        "picks": {r: _shares(picks[i]) for i, r in enumerate(roles)},
        "felt": {risk.id: round(felt.get(risk.id, 0) / n, 3) for risk in sc.model.risks},
        "felt_points": {
            risk.id: round(sum(g.felt_points.get(risk.id, 0) for g in games) / n, 1)
            for risk in sc.model.risks
        },
        "tracks": {
            t: round(statistics.fmean(g.tracks[i] for g in games), 1) for i, t in enumerate(sc.track_ids)
        },
        "scores": {r: round(statistics.fmean(g.scores[i] for g in games), 1) for i, r in enumerate(roles)},
        "common_ground": round(sum(g.common_ground for g in games) / n, 3),
        "leaks": {r: _leak(games, i) for i, r in enumerate(roles)},
        "arc": _arc(games),
        "supply": _supply(sc, games),
    }


def _shares(counter: Counter[str]) -> dict[str, float]:
    total = sum(counter.values()) or 1
    return {a: round(c / total, 3) for a, c in counter.most_common()}


def _leak(games: list[GameFacts], role: int) -> dict[str, Any]:
    """Mean score of the role in games where it ran a covert programme: leaked or not."""
    leaked = [g.scores[role] for g in games if g.covert[role] and g.leaked[role]]
    kept = [g.scores[role] for g in games if g.covert[role] and not g.leaked[role]]
    mean = lambda xs: round(statistics.fmean(xs), 1) if xs else None  # noqa: E731
    return {"leaked": mean(leaked), "kept": mean(kept), "n_leaked": len(leaked), "n_kept": len(kept)}


def _arc(games: list[GameFacts]) -> dict[str, Any]:
    turns = max((len(g.nearest) for g in games), default=0)
    per_turn_major = [
        round(statistics.fmean(g.major[t] for g in games if len(g.major) > t), 2)
        for t in range(turns)
        if any(len(g.major) > t for g in games)
    ]
    per_turn_near = [
        round(statistics.fmean(g.nearest[t] for g in games if len(g.nearest) > t), 1)
        for t in range(turns)
        if any(len(g.nearest) > t for g in games)
    ]
    late = 0
    for g in games:
        if not g.nearest:
            continue
        closest = min(range(len(g.nearest)), key=lambda t: (g.nearest[t], -t))
        late += int(closest >= (2 * len(g.nearest)) // 3)
    return {
        "major": per_turn_major,
        "nearest": per_turn_near,
        "closest_late": round(late / max(len(games), 1), 3),
    }


def _supply(sc: CompiledScenario, games: list[GameFacts]) -> float | None:
    """Of the games where US demand ends at 50 or more, the share where cartel power ends at 35+."""
    demand, cartel = sc.track_index.get("drug_demand"), sc.track_index.get("cartel_power")
    if demand is None or cartel is None:
        return None
    high = [g for g in games if g.tracks[demand] >= 50]
    return round(sum(g.tracks[cartel] >= 35 for g in high) / len(high), 3) if high else None


def print_mix(sc: CompiledScenario, name: str, f: Figures) -> None:
    print(f"\n== {name} ({f['games']} games, {f['seconds']} s)")
    endings = ", ".join(f"{e} {share:.0%}" for e, share in f["endings"].items() if share)
    print(f"  endings: {endings}; common ground {f['common_ground']:.0%}")
    for role, shares in f["picks"].items():
        top = ", ".join(f"{a} {s:.0%}" for a, s in list(shares.items())[:3])
        print(f"  {role} picks: {top}; score {f['scores'][role]}")
    print("  felt: " + ", ".join(f"{r} {v:.0%}" for r, v in f["felt"].items()))
    print("  felt, points per game: " + ", ".join(f"{r} {v}" for r, v in f["felt_points"].items()))
    print("  tracks: " + ", ".join(f"{t} {v}" for t, v in f["tracks"].items()))
    leaks = [
        f"{r} {d['leaked']} vs {d['kept']} (n {d['n_leaked']}/{d['n_kept']})"
        for r, d in f["leaks"].items()
        if d["n_leaked"]
    ]
    if leaks:
        print("  leak penalty (leaked vs kept): " + "; ".join(leaks))
    arc = f["arc"]
    print(f"  per turn, big news: {arc['major']}")
    print(
        f"  per turn, nearest ending (points): {arc['nearest']}; closest in the last third: {arc['closest_late']:.0%}"
    )
    if f["supply"] is not None:
        print(f"  demand >= 50 at the end -> cartel power >= 35: {f['supply']:.0%}")


# ----------------------------------------------------------------------------- targets


def tv_distance(a: dict[str, float], b: dict[str, float]) -> float:
    keys = set(a) | set(b)
    return 0.5 * sum(abs(a.get(k, 0.0) - b.get(k, 0.0)) for k in keys)


def targets(sc: CompiledScenario, results: dict[str, Figures]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    skilled = {k: v for k, v in results.items() if k == "all hard" or "=" in k}
    for name, f in skilled.items():
        top = max(f["endings"].values())
        present = sum(share >= 0.03 for share in f["endings"].values())
        out.append(
            _line(f"{name}: no ending above 50%", top <= 0.5, f"top ending {_around(top, f['games'])}")
        )
        out.append(_line(f"{name}: at least four endings at 3%+", present >= 4, f"{present} endings"))
        worst = max((max(s.values(), default=0), r) for r, s in f["picks"].items())
        out.append(
            _line(
                f"{name}: no action above 25% of a role's picks",
                worst[0] <= 0.25,
                f"{worst[1]} {worst[0]:.0%}",
            )
        )
    if "random" in results:
        shares = results["random"]["endings"].values()
        ok = all(0.03 <= s <= 0.35 for s in shares)
        out.append(_line("random: every ending in 3-35%", ok, ", ".join(f"{s:.0%}" for s in shares)))
    out.extend(_persona_lines(sc, results))
    out.extend(_risk_lines(sc, skilled))
    out.extend(_other_lines(sc, results, skilled))
    return out


def wilson(share: float, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% interval of a share seen in ``n`` games (Wilson): tells a real miss from a run's noise."""
    if n <= 0:
        return 0.0, 1.0
    centre = (share + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def _around(share: float, n: int) -> str:
    low, high = wilson(share, n)
    return f"{share:.0%} (95% {low:.0%}-{high:.0%})"


def _line(target: str, ok: bool, figure: str) -> dict[str, Any]:
    return {"target": target, "pass": bool(ok), "figure": figure}


def _persona_lines(sc: CompiledScenario, results: dict[str, Figures]) -> list[dict[str, Any]]:
    out = []
    for role in sc.model.roles:
        mine = {
            k.split("=", 1)[1]: v["picks"][role.id] for k, v in results.items() if k.startswith(f"{role.id}=")
        }
        names = sorted(mine)
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                d = tv_distance(mine[a], mine[b])
                out.append(_line(f"{role.id}: personas {a} and {b} differ by 0.3+", d >= 0.3, f"{d:.2f}"))
                top_a = next(iter(mine[a]), None)
                top_b = next(iter(mine[b]), None)
                out.append(
                    _line(
                        f"{role.id}: {a} and {b} favour different actions",
                        top_a != top_b,
                        f"{top_a} / {top_b}",
                    )
                )
    return out


def _risk_lines(sc: CompiledScenario, skilled: dict[str, Figures]) -> list[dict[str, Any]]:
    out = []
    for risk in sc.model.risks:
        rates = {name: f["felt"][risk.id] for name, f in skilled.items()}
        if not rates:
            continue
        most, least = max(rates, key=rates.get), min(rates, key=rates.get)
        hi, lo = rates[most], rates[least]
        out.append(
            _line(
                f"{risk.id} felt in 15%+ under the mix most exposed ({most})",
                hi >= 0.15,
                _around(hi, skilled[most]["games"]),
            )
        )
        ratio = hi / lo if lo else float("inf")
        points = {name: f["felt_points"][risk.id] for name, f in skilled.items()}
        spread = f"points per game {max(points.values())} to {min(points.values())}"
        out.append(
            _line(
                f"{risk.id} felt twice as often there as under {least}",
                ratio >= 2,
                f"{hi:.0%} vs {_around(lo, skilled[least]['games'])}; {spread}",
            )
        )
    return out


def _other_lines(
    sc: CompiledScenario, results: dict[str, Figures], skilled: dict[str, Figures]
) -> list[dict[str, Any]]:
    out = []
    supply = {name: f["supply"] for name, f in results.items() if f["supply"] is not None}
    if supply:
        worst = min(supply, key=supply.get)
        out.append(
            _line(
                "demand >= 50 keeps cartel power >= 35 in 80%+ of games, every mix",
                supply[worst] >= 0.8,
                f"{worst} {supply[worst]:.0%}",
            )
        )
    for role in sc.role_ids:
        leaked, kept = [], []
        for f in skilled.values():
            d = f["leaks"][role]
            leaked += [d["leaked"]] * d["n_leaked"] if d["leaked"] is not None else []
            kept += [d["kept"]] * d["n_kept"] if d["kept"] is not None else []
        if leaked and kept:
            cost = statistics.fmean(kept) - statistics.fmean(leaked)
            out.append(
                _line(
                    f"{role}: a leak costs 10+ points of mean score",
                    cost >= 10,
                    f"{cost:.1f} points (n {len(leaked)})",
                )
            )
    if "all hard" in results:
        late = results["all hard"]["arc"]["closest_late"]
        out.append(
            _line(
                "all hard: the closest approach to an ending comes in the last third in most games",
                late > 0.5,
                _around(late, results["all hard"]["games"]),
            )
        )
    return out
