"""A scenario's conditions in words, e.g. 'Consent requirement in force'.

The condition is parsed with the scenario's own grammar (never evaluated here) and each name
is replaced by its display name, so a card can say what an order needs before it is chosen
(the window's orders screen), and the printed kit can say when an event, a rule or an ending
comes. Presentation only: whether a requirement holds is still the engine's ``why_not``.
Moved here from the window so that the printable kit words requirements the same way.
"""

from __future__ import annotations

from typing import Any

from game.i18n import language, text, tr
from game.scenario.conditions import ConditionError, Node, parse
from game.scenario.runtime import CompiledScenario

JOIN_KEYS = {"and": "req.and", "or": "req.or"}
CLOCK_KEYS = {"turn": "req.turn", "turns": "req.turns"}
_OPS = {
    ">=": "req.op.ge",
    "<=": "req.op.le",
    ">": "req.op.gt",
    "<": "req.op.lt",
    "==": "req.op.eq",
    "!=": "req.op.ne",
}


def requirement_text(sc: CompiledScenario, action_index: int) -> str:
    """The action's requirement in words, or '' when it has none (or it cannot be read)."""
    if action_index >= len(sc.model.actions):
        return ""  # a generated proposal: its term's requirement is not an action's
    return condition_text(sc, sc.model.actions[action_index].requires)


def condition_text(sc: CompiledScenario, source: str | None, discreet: bool = False) -> str:
    """Any condition of the scenario in words ('' for none; the source itself if unreadable).
    ``discreet``: for every screen of the table, a covert order is named only as one of its
    role's ('a covert order (United States)'), never by name."""
    if not source:
        return ""
    key = (sc.content_hash, source, language(), discreet)
    phrase = _CACHE.get(key)
    if phrase is None:
        try:
            phrase = _Words(sc, discreet).say(parse(source))
        except (ConditionError, KeyError, IndexError, ValueError):
            phrase = source
        if len(_CACHE) > 2000:
            _CACHE.clear()
        _CACHE[key] = phrase
    return phrase


_CACHE: dict[tuple[str, str, str, bool], str] = {}


class _Words:
    def __init__(self, sc: CompiledScenario, discreet: bool = False) -> None:
        self.sc = sc
        m = sc.model
        covert = set(sc.secrets.covert_actions) if discreet else set()
        self.tracks = {t.id: text(t.name) for t in m.tracks}
        self.flags = {f.id: text(f.name) for f in m.flags}
        self.postures = {p.id: p for p in m.postures}
        self.terms = {t.id: text(t.name) for t in m.terms}
        self.roles = {r.id: text(r.short) for r in m.roles}
        self.actions = {
            a.id: tr("req.covert_of", role=text(m.roles[sc.actions[i].role].short))
            if i in covert
            else text(a.name)
            for i, a in enumerate(m.actions)
        }
        self.events = {e.id: text(e.headline) for e in m.events}
        self.endings = {e.id: text(e.name) for e in m.endings}
        self.beats = {b.id: text(b.headline) for b in m.beats}
        # A dotted name's kind -> (phrase key, display names by id, the phrase's field).
        self.named: dict[str, tuple[str, dict[str, Any], str]] = {
            "delta": ("req.delta", self.tracks, "track"),
            "flag": ("req.flag", self.flags, "flag"),
            "agreement": ("req.agreement", self.terms, "term"),
            "proposed": ("req.proposed", self.terms, "term"),
            "broken": ("req.broken", self.terms, "term"),
            "capital": ("req.capital", self.roles, "role"),
            "standing": ("req.standing", self.roles, "role"),
            "used": ("req.used", self.actions, "action"),
            "exposed": ("req.exposed", self.actions, "action"),
            "active": ("req.active", self.actions, "action"),
            "event": ("req.event", self.events, "event"),
            "ending": ("req.ending", self.endings, "ending"),
            "streak": ("req.streak", self.actions, "action"),
            "beat": ("req.beat", self.beats, "beat"),
        }

    def say(self, node: Node, parent: str = "") -> str:
        kind = node[0]
        if kind in ("and", "or"):
            words = tr(JOIN_KEYS[kind]).join(self.say(part, kind) for part in self._flatten(node, kind))
            return f"({words})" if parent and parent != kind else words
        if kind == "not":
            inner = node[2]
            negative = self._negative(inner)
            if negative:
                return negative
            return tr("req.not", what=self.say(inner, "not"))
        if kind == "cmp":
            return self._compare(node)
        if kind == "name":
            return self._name(node[2])
        if kind == "num":
            value = node[2]
            return str(int(value)) if float(value).is_integer() else str(value)
        if kind == "str":
            return node[2]
        if kind == "bool":
            return tr("req.true") if node[2] else tr("req.false")
        if kind == "arith":
            if node[2] == "-" and node[3] == ("num", node[1], 0):  # a minus sign: -7, not 0 - 7
                return f"-{self.say(node[4], 'arith')}"
            return f"{self.say(node[3], 'arith')} {node[2]} {self.say(node[4], 'arith')}"
        raise ValueError(kind)

    def _flatten(self, node: Node, kind: str) -> list[Node]:
        if node[0] != kind:
            return [node]
        return self._flatten(node[2], kind) + self._flatten(node[3], kind)

    def _compare(self, node: Node) -> str:
        _, _, op, left, right = node
        if left[0] == "name" and left[2].startswith("posture.") and right[0] == "str":
            posture = self.postures[left[2].split(".", 1)[1]]
            option = next((o for o in posture.options if o.id == right[2]), None)
            key = "req.posture.is" if op == "==" else "req.posture.is_not"
            return tr(key, posture=text(posture.name), option=text(option.name) if option else right[2])
        ever = self._ordered_ever(op, left, right)
        if ever:
            return ever
        return f"{self.say(left, 'cmp')} {tr(_OPS[op])} {self.say(right, 'cmp')}"

    def _ordered_ever(self, op: str, left: Node, right: Node) -> str:
        """'used.X >= 1' read as 'X has been ordered' (and '== 0' as 'never'), not a count."""
        if left[0] != "name" or not left[2].startswith("used.") or right[0] != "num":
            return ""
        action = self.actions[left[2].split(".", 1)[1]]
        value = float(right[2])
        if (op, value) in ((">=", 1), (">", 0)):
            return tr("req.used.ever", action=action)
        if (op, value) in (("==", 0), ("<", 1), ("<=", 0)):
            return tr("req.used.never", action=action)
        return ""

    def _negative(self, node: Node) -> str:
        if node[0] != "name" or "." not in node[2]:
            return ""
        kind, ident = node[2].split(".", 1)
        if kind == "agreement":
            return tr("req.agreement.not", term=self.terms[ident])
        if kind == "exposed":
            return tr("req.exposed.not", action=self.actions[ident])
        if kind == "active":
            return tr("req.active.not", action=self.actions[ident])
        if kind == "proposed":
            return tr("req.proposed.not", term=self.terms[ident])
        if kind == "broken":
            return tr("req.broken.not", term=self.terms[ident])
        if kind == "flag":
            return tr("req.flag.not", flag=self.flags[ident])
        return ""

    def _name(self, name: str) -> str:
        if "." not in name:
            if name in self.tracks:
                return self.tracks[name]
            return tr(CLOCK_KEYS[name]) if name in CLOCK_KEYS else name
        kind, ident = name.split(".", 1)
        if kind == "posture":
            return text(self.postures[ident].name)
        if kind == "credibility":  # credibility.HOLDER.OTHER: how far the holder trusts the other
            holder, other = ident.split(".", 1)
            return tr("req.credibility", holder=self.roles[holder], other=self.roles[other])
        key, names, field = self.named[kind]
        return tr(key, **{field: names[ident]})
