"""Roles (objectives, personas, capital) and postures, compiled."""

from __future__ import annotations

from game.scenario import conditions as cond
from game.scenario import models as m
from game.scenario.compile_effects import effects, modifiers
from game.scenario.crossref import Index
from game.scenario.runtime import C_INCOME, C_POSTURE, CPersona, CPosture, CPostureOption, CRole, Getter
from game.scenario.yaml_loader import YamlPath


def compile_role(ix: Index, i: int, role: m.Role) -> CRole:
    path: YamlPath = ("roles", i)
    ix.unique(role.objectives, path + ("objectives",), "objective")
    if role.capital.start > role.capital.max:
        ix.report.add(path + ("capital", "start"), "capital 'start' is above its 'max'")
    objectives = tuple(
        (_measure(ix, o.measure, path + ("objectives", j, "measure")), o.weight)
        for j, o in enumerate(role.objectives)
    )
    ix.unique(role.personas, path + ("personas",), "persona")
    personas = tuple(_persona(ix, p, path + ("personas", j)) for j, p in enumerate(role.personas))
    return CRole(
        index=i,
        id=role.id,
        action_points=role.action_points,
        capital_start=role.capital.start,
        capital_max=role.capital.max,
        income=role.capital.income,
        income_modifiers=modifiers(ix, role.capital.modifiers, path + ("capital", "modifiers")),
        standing=role.standing,
        objectives=objectives,
        threshold=role.threshold,
        income_cause=(C_INCOME, i),
        personas=personas,
    )


def _measure(ix: Index, source: str, path: YamlPath) -> Getter:
    return ix.need(ix.condition(source, path, cond.NUM))


def _persona(ix: Index, persona: m.Persona, path: YamlPath) -> CPersona:
    values = tuple(
        (_measure(ix, v.measure, path + ("values", k, "measure")), v.weight)
        for k, v in enumerate(persona.values)
    )
    return CPersona(id=persona.id, values=values, caution=persona.caution)


def compile_posture(ix: Index, i: int, posture: m.Posture) -> CPosture:
    path: YamlPath = ("postures", i)
    owner = ix.lookup(ix.role_index, posture.owner, "role", path + ("owner",))
    option_ids = tuple(o.id for o in posture.options)
    ix.unique(posture.options, path + ("options",), "option")
    start = 0
    if posture.start in option_ids:
        start = option_ids.index(posture.start)
    else:
        ix.report.add(
            path + ("start",), f"{posture.start!r} is not one of its options ({', '.join(option_ids)})"
        )
    options = tuple(
        CPostureOption(
            covert=o.covert,
            ongoing=effects(ix, o.ongoing, path + ("options", j, "ongoing")),
            cause=(C_POSTURE, i, j),
        )
        for j, o in enumerate(posture.options)
    )
    for j, o in enumerate(posture.options):
        ix.risks(o.risks, path + ("options", j, "risks"))
    return CPosture(i, posture.id, owner, start, options, option_ids)
