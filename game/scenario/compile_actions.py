"""Actions (with their checks and covert exposure), terms, and the proposal orders terms make."""

from __future__ import annotations

from game.scenario import models as m
from game.scenario.compile_effects import effects, modifiers
from game.scenario.crossref import Index, propose_action_id
from game.scenario.runtime import (
    ACTION_PLAIN,
    ACTION_PROPOSE,
    C_ACTION,
    C_PROGRAMME,
    C_TERM,
    PROG_EXPOSED,
    PROG_ONGOING,
    CAction,
    CCheck,
    CExposure,
    CTerm,
)
from game.scenario.yaml_loader import YamlPath


def compile_action(ix: Index, i: int, action: m.Action) -> CAction:
    path: YamlPath = ("actions", i)
    role = ix.lookup(ix.role_index, action.role, "role", path + ("role",))
    ix.risks(action.risks, path + ("risks",))
    check = check_of(ix, action.check, path + ("check",)) if action.check is not None else None
    exposure = None
    if action.exposure is not None:
        exposure = _exposure(ix, i, action.exposure, path + ("exposure",))
    breaks = tuple(
        ix.lookup(ix.term_index, t, "term", path + ("breaks", j)) for j, t in enumerate(action.breaks)
    )
    return CAction(
        index=i,
        id=action.id,
        kind=ACTION_PLAIN,
        role=role,
        category=m.CATEGORIES.index(action.category),
        ap=action.cost.ap,
        capital=action.cost.capital,
        covert=action.covert,
        requires=ix.condition(action.requires, path + ("requires",)),
        once=action.once,
        cooldown=action.cooldown,
        effects=effects(ix, action.effects, path + ("effects",)),
        check=check,
        exposure=exposure,
        breaks=breaks,
        causes=tuple((C_ACTION, i, part) for part in range(4)),
    )


def check_of(ix: Index, c: m.Check, cp: YamlPath) -> CCheck:
    return CCheck(
        target=c.target,
        partial_from=c.partial_from if c.partial_from is not None else c.target,
        modifiers=modifiers(ix, c.modifiers, cp + ("modifiers",)),
        success=effects(ix, c.success.effects, cp + ("success", "effects")),
        partial=effects(ix, c.partial.effects, cp + ("partial", "effects")) if c.partial else (),
        failure=effects(ix, c.failure.effects, cp + ("failure", "effects")),
    )


def _exposure(ix: Index, i: int, x: m.Exposure, xp: YamlPath) -> CExposure:
    ix.risks(x.risks, xp + ("risks",))
    return CExposure(
        chance=x.chance,
        growth=x.growth,
        turns=x.turns,
        modifiers=modifiers(ix, x.modifiers, xp + ("modifiers",)),
        ongoing=effects(ix, x.ongoing, xp + ("ongoing",)),
        effects=effects(ix, x.effects, xp + ("effects",)),
        cause_ongoing=(C_PROGRAMME, i, PROG_ONGOING),
        cause_exposed=(C_PROGRAMME, i, PROG_EXPOSED),
    )


def compile_term(ix: Index, i: int, term: m.Term) -> CTerm:
    path: YamlPath = ("terms", i)
    proposers = frozenset(
        ix.lookup(ix.role_index, r, "role", path + ("proposers", j)) for j, r in enumerate(term.proposers)
    )
    to = frozenset(ix.lookup(ix.role_index, r, "role", path + ("to", j)) for j, r in enumerate(term.to))
    if len(proposers | to) < 2:
        ix.report.add(path + ("to",), "a term needs two different roles: one proposes, another answers")
    ix.risks(term.risks, path + ("risks",))
    ix.risks(term.breach.risks, path + ("breach", "risks"))
    return CTerm(
        index=i,
        id=term.id,
        proposers=proposers,
        to=to,
        requires=ix.condition(term.requires, path + ("requires",)),
        on_accept=effects(ix, term.on_accept, path + ("on_accept",)),
        on_reject=effects(ix, term.on_reject, path + ("on_reject",)),
        ongoing=effects(ix, term.ongoing, path + ("ongoing",)),
        sunset=term.sunset,
        breach_when=ix.condition(term.breach.when, path + ("breach", "when")),
        breach_effects=effects(ix, term.breach.effects, path + ("breach", "effects")),
        causes=tuple((C_TERM, i, part) for part in range(5)),
    )


def proposal_actions(ix: Index, first: int) -> list[CAction]:
    """Every (term, addressee) a role may propose becomes an order of its own."""
    out: list[CAction] = []
    for t, term in enumerate(ix.s.terms):
        if term.id not in ix.term_index or ix.term_index[term.id] != t:
            continue
        for proposer in dict.fromkeys(term.proposers):
            for addressee in dict.fromkeys(term.to):
                if proposer == addressee or proposer not in ix.role_index or addressee not in ix.role_index:
                    continue
                out.append(_proposal(ix, first + len(out), t, term, proposer, addressee))
    return out


def _proposal(ix: Index, index: int, t: int, term: m.Term, proposer: str, addressee: str) -> CAction:
    return CAction(
        index=index,
        id=propose_action_id(term.id, proposer, addressee),
        kind=ACTION_PROPOSE,
        role=ix.role_index[proposer],
        category=0,
        ap=term.cost.ap,
        capital=term.cost.capital,
        covert=False,
        requires=None,
        once=False,
        cooldown=0,
        effects=(),
        check=None,
        exposure=None,
        breaks=(),
        causes=tuple((C_ACTION, index, part) for part in range(4)),
        term=t,
        to=ix.role_index[addressee],
    )
