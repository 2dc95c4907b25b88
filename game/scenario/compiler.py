"""From a validated model to runtime tables, checking every cross-reference on the way.

Each problem carries the YAML path of the value that caused it, so the loader can report
PATH:LINE:COL. Conditions are compiled here too, with the column of the exact character.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

from game.scenario import conditions as cond
from game.scenario import models as m
from game.scenario.runtime import (
    ACTION_PLAIN,
    ACTION_PROPOSE,
    AGREEMENT_BREACH,
    AGREEMENT_END,
    C_ACTION,
    C_EVENT,
    C_INCOME,
    C_POSTURE,
    C_PROGRAMME,
    C_RULE,
    C_TERM,
    EFFECT_KIND_BY_NAME,
    PROG_EXPOSED,
    PROG_ONGOING,
    CAction,
    CCheck,
    CEffect,
    CEnding,
    CEvent,
    CExposure,
    CModifier,
    CompiledScenario,
    CPersona,
    CPosture,
    CPostureOption,
    CRole,
    CRule,
    CTerm,
    Getter,
    Secrets,
)
from game.scenario.yaml_loader import YamlPath

AGREEMENT_IN_FORCE = 1
RESERVED_NAMES = {"turn", "turns", "and", "or", "not", "true", "false"}


def propose_action_id(term: str, proposer: str, addressee: str) -> str:
    """Proposals are orders too; their ids cannot clash with action ids (those have no ':')."""
    return f"propose:{term}:{proposer}:{addressee}"


class Reporter:
    """Collects (path, message, offset) problems; the loader turns them into PATH:LINE:COL."""

    def __init__(self) -> None:
        self.items: list[tuple[YamlPath, str, int, bool]] = []

    def add(self, path: YamlPath, message: str, offset: int = 0, *, key: bool = False) -> None:
        self.items.append((path, message, offset, key))


class Compiler:
    def __init__(self, scenario: m.Scenario) -> None:
        self.s = scenario
        self.report = Reporter()
        self.track_index = {t.id: i for i, t in enumerate(scenario.tracks)}
        self.role_index = {r.id: i for i, r in enumerate(scenario.roles)}
        self.flag_index = {f.id: i for i, f in enumerate(scenario.flags)}
        self.posture_index = {p.id: i for i, p in enumerate(scenario.postures)}
        self.action_index = {a.id: i for i, a in enumerate(scenario.actions)}
        self.term_index = {t.id: i for i, t in enumerate(scenario.terms)}
        self.event_index = {e.id: i for i, e in enumerate(scenario.events)}
        self.risk_ids = {r.id for r in scenario.risks}
        self.names = self._namespace()

    # ------------------------------------------------------------------ namespace

    def _namespace(self) -> cond.Namespace:
        s = self.s
        refs: dict[str, cond.Ref] = {
            "turn": cond.Ref(cond.NUM, "turn"),
            "turns": cond.Ref(cond.NUM, "turns", constant=s.turns),
        }
        for i, track in enumerate(s.tracks):
            refs[track.id] = cond.Ref(cond.NUM, "tracks", i)
            refs[f"delta.{track.id}"] = cond.Ref(cond.NUM, "tracks", i, minus="turn_start")
        for i, flag in enumerate(s.flags):
            refs[f"flag.{flag.id}"] = cond.Ref(cond.BOOL, "flags", i)
        for i, posture in enumerate(s.postures):
            choices = tuple(o.id for o in posture.options)
            refs[f"posture.{posture.id}"] = cond.Ref(cond.STR, "postures", i, choices=choices)
        for i, term in enumerate(s.terms):
            refs[f"agreement.{term.id}"] = cond.Ref(cond.BOOL, "agreements", i, equals=AGREEMENT_IN_FORCE)
            refs[f"proposed.{term.id}"] = cond.Ref(cond.BOOL, "proposed", i)
            refs[f"broken.{term.id}"] = cond.Ref(cond.BOOL, "broken", i)
        for i, role in enumerate(s.roles):
            refs[f"capital.{role.id}"] = cond.Ref(cond.NUM, "capital", i)
            refs[f"standing.{role.id}"] = cond.Ref(cond.NUM, "standing", i)
        for i, action in enumerate(s.actions):
            refs[f"used.{action.id}"] = cond.Ref(cond.NUM, "used", i)
            if action.covert:
                refs[f"exposed.{action.id}"] = cond.Ref(cond.BOOL, "exposed", i)
                refs[f"active.{action.id}"] = cond.Ref(cond.BOOL, "active", i)
        for i, event in enumerate(s.events):
            refs[f"event.{event.id}"] = cond.Ref(cond.NUM, "drawn", i)
        for i, ending in enumerate(s.endings):
            refs[f"ending.{ending.id}"] = cond.Ref(cond.BOOL, "ending", equals=i)
        hints = {
            "flag": [f.id for f in s.flags],
            "posture": [p.id for p in s.postures],
            "agreement": [t.id for t in s.terms],
            "proposed": [t.id for t in s.terms],
            "broken": [t.id for t in s.terms],
            "capital": [r.id for r in s.roles],
            "standing": [r.id for r in s.roles],
            "used": [a.id for a in s.actions],
            "exposed": [a.id for a in s.actions if a.covert],
            "active": [a.id for a in s.actions if a.covert],
            "event": [e.id for e in s.events],
            "ending": [e.id for e in s.endings],
            "delta": [t.id for t in s.tracks],
        }
        return cond.Namespace(refs, hints)

    # ------------------------------------------------------------------ helpers

    def condition(
        self, source: str | None, path: YamlPath, expect: cond.ValueType = cond.BOOL
    ) -> Getter | None:
        if source is None:
            return None
        try:
            return cond.compile_condition(source, self.names, expect).fn
        except cond.ConditionError as err:
            self.report.add(path, f"condition: {err.message}", err.offset)
            return None

    def need(self, getter: Getter | None) -> Getter:
        """A required condition that failed to compile still needs a stand-in to keep going."""
        return getter if getter is not None else (lambda s: False)

    def lookup(self, table: dict[str, int], name: str, what: str, path: YamlPath) -> int:
        if name in table:
            return table[name]
        import difflib

        close = difflib.get_close_matches(name, list(table), n=1, cutoff=0.7)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        self.report.add(path, f"unknown {what} {name!r}{hint}")
        return 0

    def risks(self, ids: Iterable[str], path: YamlPath) -> tuple[str, ...]:
        out = []
        for i, rid in enumerate(ids):
            if rid not in self.risk_ids:
                self.report.add(path + (i,), f"unknown risk {rid!r} (define it under 'risks')")
            out.append(rid)
        return tuple(out)

    def unique(self, items: Sequence[Any], path: YamlPath, what: str) -> None:
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            if item.id in seen:
                self.report.add(
                    path + (i, "id"), f"duplicate {what} id {item.id!r} (first at item {seen[item.id] + 1})"
                )
            else:
                seen[item.id] = i

    def modifiers(self, mods: Sequence[m.Modifier], path: YamlPath) -> tuple[CModifier, ...]:
        return tuple(
            CModifier(self.need(self.condition(mod.when, path + (i, "when"))), mod.add, i)
            for i, mod in enumerate(mods)
        )

    def effects(self, effects: Sequence[Any], path: YamlPath) -> tuple[CEffect, ...]:
        out: list[CEffect] = []
        for i, eff in enumerate(effects):
            here = path + (i,)
            when = self.condition(eff.when, here + ("when",))
            if isinstance(eff, m.TrackEffect):
                idx = self.lookup(self.track_index, eff.track, "track", here + ("track",))
                is_set = eff.set is not None
                value = eff.set if is_set else eff.add
                out.append(
                    CEffect(EFFECT_KIND_BY_NAME["track"], idx, int(value or 0), is_set, eff.delay, when)
                )
            elif isinstance(eff, m.FlagEffect):
                idx = self.lookup(self.flag_index, eff.flag, "flag", here + ("flag",))
                out.append(CEffect(EFFECT_KIND_BY_NAME["flag"], idx, int(eff.set), True, eff.delay, when))
            elif isinstance(eff, m.PostureEffect):
                idx = self.lookup(self.posture_index, eff.posture, "posture", here + ("posture",))
                option = 0
                if eff.posture in self.posture_index:
                    options = [o.id for o in self.s.postures[idx].options]
                    if eff.set in options:
                        option = options.index(eff.set)
                    else:
                        self.report.add(
                            here + ("set",),
                            f"posture {eff.posture!r} has no option {eff.set!r} (it has {', '.join(options)})",
                        )
                out.append(CEffect(EFFECT_KIND_BY_NAME["posture"], idx, option, True, eff.delay, when))
            elif isinstance(eff, m.CapitalEffect):
                idx = self.lookup(self.role_index, eff.capital, "role", here + ("capital",))
                out.append(CEffect(EFFECT_KIND_BY_NAME["capital"], idx, eff.add, False, eff.delay, when))
            elif isinstance(eff, m.StandingEffect):
                idx = self.lookup(self.role_index, eff.standing, "role", here + ("standing",))
                out.append(CEffect(EFFECT_KIND_BY_NAME["standing"], idx, eff.add, False, eff.delay, when))
            elif isinstance(eff, m.AgreementEffect):
                idx = self.lookup(self.term_index, eff.agreement, "term", here + ("agreement",))
                value = AGREEMENT_BREACH if eff.set == "breach" else AGREEMENT_END
                out.append(CEffect(EFFECT_KIND_BY_NAME["agreement"], idx, value, True, eff.delay, when))
        return tuple(out)

    # ------------------------------------------------------------------ text

    def check_texts(self) -> None:
        """Every text map carries every declared language and nothing else."""
        languages = set(self.s.languages)
        if len(languages) != len(self.s.languages):
            self.report.add(("languages",), "a language is listed twice")

        def walk(value: Any, path: YamlPath) -> None:
            if isinstance(value, m.Model):
                for name in type(value).model_fields:
                    walk(getattr(value, name), path + (name,))
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    walk(item, path + (i,))
            elif isinstance(value, dict):
                missing = sorted(languages - set(value))
                extra = sorted(set(value) - languages)
                if missing:
                    self.report.add(path, f"missing translation: {', '.join(missing)}")
                for lang in extra:
                    self.report.add(path + (lang,), f"language {lang!r} is not in 'languages'", key=True)
                for lang, text in value.items():
                    if not text.strip():
                        self.report.add(path + (lang,), "text is empty")
            elif isinstance(value, str) and path and path[-1] in _TEXT_FIELDS and not value.strip():
                self.report.add(path, "text is empty")

        walk(self.s, ())

    # ------------------------------------------------------------------ compile

    def compile(self, content_hash: str, source_path: str) -> CompiledScenario:
        s = self.s
        for name, what in (
            ("risks", "risk"),
            ("tracks", "track"),
            ("roles", "role"),
            ("flags", "flag"),
            ("postures", "posture"),
            ("actions", "action"),
            ("terms", "term"),
            ("rules", "rule"),
            ("events", "event"),
            ("endings", "ending"),
        ):
            self.unique(getattr(s, name), (name,), what)
        for i, flag in enumerate(s.flags):
            for j, role in enumerate(flag.visible_to):
                self.lookup(self.role_index, role, "role", ("flags", i, "visible_to", j))
            if flag.public and flag.visible_to:
                self.report.add(
                    ("flags", i, "visible_to"), "'visible_to' is only for flags with public: false"
                )
        for i, track in enumerate(s.tracks):
            if track.id in RESERVED_NAMES:
                self.report.add(("tracks", i, "id"), f"{track.id!r} is a reserved word; pick another id")
            self.risks(track.risks, ("tracks", i, "risks"))
        self.check_texts()

        roles = tuple(self.compile_role(i, r) for i, r in enumerate(s.roles))
        postures = tuple(self.compile_posture(i, p) for i, p in enumerate(s.postures))
        terms = tuple(self.compile_term(i, t) for i, t in enumerate(s.terms))
        actions = [self.compile_action(i, a) for i, a in enumerate(s.actions)]
        actions.extend(self.proposal_actions(len(actions)))
        rules = tuple(self.compile_rule(i, r) for i, r in enumerate(s.rules))
        events = tuple(self.compile_event(i, e) for i, e in enumerate(s.events))
        endings, fallback = self.compile_endings()
        for i, question in enumerate(s.debrief.questions):
            self.risks(question.risks, ("debrief", "questions", i, "risks"))

        by_role: list[list[int]] = [[] for _ in roles]
        for action in actions:
            by_role[action.role].append(action.index)
        for i, role in enumerate(s.roles):
            if not any(actions[a].kind == ACTION_PLAIN for a in by_role[i]):
                self.report.add(("roles", i, "id"), f"role {role.id!r} has no actions")

        compiled = CompiledScenario(
            model=s,
            content_hash=content_hash,
            source_path=source_path,
            track_ids=tuple(t.id for t in s.tracks),
            track_start=tuple(t.start for t in s.tracks),
            role_ids=tuple(r.id for r in s.roles),
            flag_ids=tuple(f.id for f in s.flags),
            flag_start=tuple(f.start for f in s.flags),
            roles=roles,
            postures=postures,
            actions=tuple(actions),
            terms=terms,
            rules=rules,
            events=events,
            endings=endings,
            fallback_ending=fallback,
            secrets=Secrets(
                covert_actions=tuple(a.index for a in actions if a.covert),
                hidden_tracks=frozenset(i for i, t in enumerate(s.tracks) if t.hidden),
                private_flags=frozenset(i for i, f in enumerate(s.flags) if not f.public),
                flag_viewers=tuple(
                    frozenset(self.role_index[r] for r in f.visible_to if r in self.role_index)
                    for f in s.flags
                ),
                covert_postures=any(o.covert for p in s.postures for o in p.options),
            ),
            action_index={a.id: a.index for a in actions},
            track_index=dict(self.track_index),
            role_index=dict(self.role_index),
            term_index=dict(self.term_index),
            event_index=dict(self.event_index),
            actions_by_role=tuple(tuple(x) for x in by_role),
            order_table=tuple(
                tuple(
                    (
                        a,
                        actions[a].ap,
                        actions[a].capital,
                        actions[a].once,
                        actions[a].cooldown,
                        terms[actions[a].term].requires
                        if actions[a].kind == ACTION_PROPOSE
                        else actions[a].requires,
                        actions[a].term if actions[a].kind == ACTION_PROPOSE else -1,
                    )
                    for a in indexes
                )
                for indexes in by_role
            ),
            risks_by_cause=self.cause_risks(actions),
            rule_table=tuple(
                (
                    r.index,
                    r.when,
                    r.once,
                    r.cooldown,
                    r.delay,
                    tuple(dataclasses.replace(e, delay=e.delay + r.delay) for e in r.effects),
                    r.cause,
                )
                for r in rules
            ),
            event_table=tuple((e.index, e.weight, e.once, e.when, e.weight_modifiers) for e in events),
        )
        return compiled

    def compile_role(self, i: int, role: m.Role) -> CRole:
        path: YamlPath = ("roles", i)
        self.unique(role.objectives, path + ("objectives",), "objective")
        if role.capital.start > role.capital.max:
            self.report.add(path + ("capital", "start"), "capital 'start' is above its 'max'")
        objectives = tuple(
            (self.need(self.condition(o.measure, path + ("objectives", j, "measure"), cond.NUM)), o.weight)
            for j, o in enumerate(role.objectives)
        )
        self.unique(role.personas, path + ("personas",), "persona")
        personas = tuple(
            CPersona(
                id=p.id,
                values=tuple(
                    (
                        self.need(
                            self.condition(
                                v.measure, path + ("personas", j, "values", k, "measure"), cond.NUM
                            )
                        ),
                        v.weight,
                    )
                    for k, v in enumerate(p.values)
                ),
                caution=p.caution,
            )
            for j, p in enumerate(role.personas)
        )
        return CRole(
            index=i,
            id=role.id,
            action_points=role.action_points,
            capital_start=role.capital.start,
            capital_max=role.capital.max,
            income=role.capital.income,
            income_modifiers=self.modifiers(role.capital.modifiers, path + ("capital", "modifiers")),
            standing=role.standing,
            objectives=objectives,
            threshold=role.threshold,
            income_cause=(C_INCOME, i),
            personas=personas,
        )

    def compile_posture(self, i: int, posture: m.Posture) -> CPosture:
        path: YamlPath = ("postures", i)
        owner = self.lookup(self.role_index, posture.owner, "role", path + ("owner",))
        option_ids = tuple(o.id for o in posture.options)
        self.unique(posture.options, path + ("options",), "option")
        start = 0
        if posture.start in option_ids:
            start = option_ids.index(posture.start)
        else:
            self.report.add(
                path + ("start",), f"{posture.start!r} is not one of its options ({', '.join(option_ids)})"
            )
        options = tuple(
            CPostureOption(
                covert=o.covert,
                ongoing=self.effects(o.ongoing, path + ("options", j, "ongoing")),
                cause=(C_POSTURE, i, j),
            )
            for j, o in enumerate(posture.options)
        )
        for j, o in enumerate(posture.options):
            self.risks(o.risks, path + ("options", j, "risks"))
        return CPosture(i, posture.id, owner, start, options, option_ids)

    def compile_term(self, i: int, term: m.Term) -> CTerm:
        path: YamlPath = ("terms", i)
        proposers = frozenset(
            self.lookup(self.role_index, r, "role", path + ("proposers", j))
            for j, r in enumerate(term.proposers)
        )
        to = frozenset(
            self.lookup(self.role_index, r, "role", path + ("to", j)) for j, r in enumerate(term.to)
        )
        if len(proposers | to) < 2:
            self.report.add(path + ("to",), "a term needs two different roles: one proposes, another answers")
        self.risks(term.risks, path + ("risks",))
        self.risks(term.breach.risks, path + ("breach", "risks"))
        return CTerm(
            index=i,
            id=term.id,
            proposers=proposers,
            to=to,
            requires=self.condition(term.requires, path + ("requires",)),
            on_accept=self.effects(term.on_accept, path + ("on_accept",)),
            on_reject=self.effects(term.on_reject, path + ("on_reject",)),
            ongoing=self.effects(term.ongoing, path + ("ongoing",)),
            sunset=term.sunset,
            breach_when=self.condition(term.breach.when, path + ("breach", "when")),
            breach_effects=self.effects(term.breach.effects, path + ("breach", "effects")),
            causes=tuple((C_TERM, i, part) for part in range(5)),
        )

    def compile_action(self, i: int, action: m.Action) -> CAction:
        path: YamlPath = ("actions", i)
        role = self.lookup(self.role_index, action.role, "role", path + ("role",))
        self.risks(action.risks, path + ("risks",))
        check = None
        if action.check is not None:
            c = action.check
            cp = path + ("check",)
            check = CCheck(
                target=c.target,
                partial_from=c.partial_from if c.partial_from is not None else c.target,
                modifiers=self.modifiers(c.modifiers, cp + ("modifiers",)),
                success=self.effects(c.success.effects, cp + ("success", "effects")),
                partial=self.effects(c.partial.effects, cp + ("partial", "effects")) if c.partial else (),
                failure=self.effects(c.failure.effects, cp + ("failure", "effects")),
            )
        exposure = None
        if action.exposure is not None:
            x = action.exposure
            xp = path + ("exposure",)
            self.risks(x.risks, xp + ("risks",))
            exposure = CExposure(
                chance=x.chance,
                growth=x.growth,
                turns=x.turns,
                modifiers=self.modifiers(x.modifiers, xp + ("modifiers",)),
                ongoing=self.effects(x.ongoing, xp + ("ongoing",)),
                effects=self.effects(x.effects, xp + ("effects",)),
                cause_ongoing=(C_PROGRAMME, i, PROG_ONGOING),
                cause_exposed=(C_PROGRAMME, i, PROG_EXPOSED),
            )
        breaks = tuple(
            self.lookup(self.term_index, t, "term", path + ("breaks", j)) for j, t in enumerate(action.breaks)
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
            requires=self.condition(action.requires, path + ("requires",)),
            once=action.once,
            cooldown=action.cooldown,
            effects=self.effects(action.effects, path + ("effects",)),
            check=check,
            exposure=exposure,
            breaks=breaks,
            causes=tuple((C_ACTION, i, part) for part in range(4)),
        )

    def proposal_actions(self, first: int) -> list[CAction]:
        """Every (term, addressee) a role may propose becomes an order of its own."""
        out: list[CAction] = []
        for t, term in enumerate(self.s.terms):
            if term.id not in self.term_index or self.term_index[term.id] != t:
                continue
            for proposer in dict.fromkeys(term.proposers):
                for addressee in dict.fromkeys(term.to):
                    if (
                        proposer == addressee
                        or proposer not in self.role_index
                        or addressee not in self.role_index
                    ):
                        continue
                    index = first + len(out)
                    out.append(
                        CAction(
                            index=index,
                            id=propose_action_id(term.id, proposer, addressee),
                            kind=ACTION_PROPOSE,
                            role=self.role_index[proposer],
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
                            to=self.role_index[addressee],
                        )
                    )
        return out

    def compile_rule(self, i: int, rule: m.Rule) -> CRule:
        path: YamlPath = ("rules", i)
        self.risks(rule.risks, path + ("risks",))
        return CRule(
            index=i,
            when=self.need(self.condition(rule.when, path + ("when",))),
            effects=self.effects(rule.effects, path + ("effects",)),
            delay=rule.delay,
            once=rule.once,
            cooldown=rule.cooldown,
            cause=(C_RULE, i),
        )

    def compile_event(self, i: int, event: m.Event) -> CEvent:
        path: YamlPath = ("events", i)
        self.risks(event.risks, path + ("risks",))
        return CEvent(
            index=i,
            weight=event.weight,
            weight_modifiers=self.modifiers(event.weight_modifiers, path + ("weight_modifiers",)),
            when=self.condition(event.when, path + ("when",)),
            once=event.once,
            effects=self.effects(event.effects, path + ("effects",)),
            cause=(C_EVENT, i),
        )

    def compile_endings(self) -> tuple[tuple[CEnding, ...], int]:
        endings = []
        fallback = -1
        for i, ending in enumerate(self.s.endings):
            path: YamlPath = ("endings", i)
            self.risks(ending.risks, path + ("risks",))
            when = self.condition(ending.when, path + ("when",))
            final = ending.timing == "final"
            if ending.when is None:
                if not final:
                    self.report.add(path + ("timing",), "an ending without 'when' must have timing: final")
                elif fallback < 0:
                    fallback = i
                continue
            endings.append(CEnding(i, when, final, ending.priority))
        if fallback < 0:
            self.report.add(
                ("endings",),
                "one ending needs timing: final and no 'when': it is the fallback at the turn limit",
            )
            fallback = 0
        endings.sort(key=lambda e: (e.timing_final, -e.priority, e.index))
        return tuple(endings), fallback

    def cause_risks(self, actions: Sequence[CAction]) -> dict[tuple[Any, ...], tuple[str, ...]]:
        s = self.s
        table: dict[tuple[Any, ...], tuple[str, ...]] = {}
        for action in actions:
            if action.kind == ACTION_PLAIN:
                model = s.actions[action.index]
                for cause in action.causes:
                    table[cause] = tuple(model.risks)
                if model.exposure is not None:
                    both = tuple(dict.fromkeys(model.risks + model.exposure.risks))
                    table[(C_PROGRAMME, action.index, PROG_ONGOING)] = tuple(model.risks)
                    table[(C_PROGRAMME, action.index, PROG_EXPOSED)] = both
            else:
                for cause in action.causes:
                    table[cause] = tuple(s.terms[action.term].risks)
        for i, term in enumerate(s.terms):
            for part in range(5):
                table[(C_TERM, i, part)] = tuple(term.risks)
            table[(C_TERM, i, 3)] = tuple(dict.fromkeys(term.risks + term.breach.risks))
        for i, posture in enumerate(s.postures):
            for j, option in enumerate(posture.options):
                table[(C_POSTURE, i, j)] = tuple(option.risks)
        for i, rule in enumerate(s.rules):
            table[(C_RULE, i)] = tuple(rule.risks)
        for i, event in enumerate(s.events):
            table[(C_EVENT, i)] = tuple(event.risks)
        return table


_TEXT_FIELDS = {"name", "description", "tends", "text", "headline", "narrative", "intro", "title", "short"}
