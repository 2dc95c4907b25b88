"""What a device may send, validated with pydantic on the way in, and where each message goes.

Every message is one small JSON object with a ``type``; anything else (unknown types, extra
fields, wrong kinds of value, oversized text) is refused before it reaches the room. A team's
device may only draft, give and change its own orders and answers; only the facilitator's
code may send decisions. No game rule is judged here: the room and the Session do that.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter, ValidationError

from game.shells.host import decisions
from game.shells.host.codes import FACILITATOR_SEAT
from game.shells.host.deadline import MAX_MINUTES
from game.shells.host.room import Refused, Room

MAX_MESSAGE_BYTES = 16 * 1024
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
OrderId = Annotated[
    str, StringConstraints(pattern=r"^[a-z][a-z0-9_:]{0,159}$")
]  # proposals: propose:TERM:FROM:TO
Reason = Annotated[str, StringConstraints(max_length=400)]
Die = Annotated[int, Field(ge=1, le=6)]


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


# ----------------------------------------------------------------------------- a team's


class DraftOrders(Message):
    type: Literal["draft"]
    orders: Annotated[list[OrderId], Field(max_length=12)]


class SubmitOrders(Message):
    type: Literal["submit"]
    orders: Annotated[list[OrderId], Field(max_length=12)]


class ChangeOrders(Message):
    type: Literal["change"]


class DraftAnswers(Message):
    type: Literal["draft_answers"]
    answers: Annotated[dict[Id, bool], Field(max_length=24)]


class SubmitAnswers(Message):
    type: Literal["answers"]
    answers: Annotated[dict[Id, bool], Field(max_length=24)]


class ChangeAnswers(Message):
    type: Literal["change_answers"]


class Language(Message):
    """The device's own language (its pages and the words of every view it receives)."""

    type: Literal["lang"]
    lang: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]


# ----------------------------------------------------------------------------- the facilitator's


class Inject(Message):
    type: Literal["inject"]
    event: Id
    reason: Reason


class Adjust(Message):
    type: Literal["adjust"]
    changes: Annotated[dict[Id, Annotated[int, Field(ge=-50, le=50)]], Field(min_length=1, max_length=30)]
    reason: Reason


class Dice(Message):
    type: Literal["dice"]
    role: Id
    action: OrderId
    d1: Die
    d2: Die


class ClearDice(Message):
    type: Literal["clear_dice"]
    role: Id
    action: OrderId


class Undo(Message):
    type: Literal["undo"]
    what: Literal["last", "turn"]


class Pause(Message):
    type: Literal["pause"]
    paused: bool


class SetDeadline(Message):
    type: Literal["deadline"]
    minutes: Annotated[int, Field(ge=0, le=MAX_MINUTES)]
    policy: Literal["pass", "computer"]


class LateNow(Message):
    type: Literal["late"]


class Hold(Message):
    type: Literal["hold"]
    held: bool


class ResolveNow(Message):
    type: Literal["resolve"]


class ShowCodes(Message):
    type: Literal["codes"]
    shown: bool


class RenewCode(Message):
    type: Literal["renew"]
    seat: Id


TEAM = DraftOrders | SubmitOrders | ChangeOrders | DraftAnswers | SubmitAnswers | ChangeAnswers | Language
FACILITATOR = (
    Inject | Adjust | Dice | ClearDice | Undo | Pause | SetDeadline | LateNow | Hold | ResolveNow | ShowCodes
) | (RenewCode | Language)
_TEAM = TypeAdapter(Annotated[TEAM, Field(discriminator="type")])
_FACILITATOR = TypeAdapter(Annotated[FACILITATOR, Field(discriminator="type")])


class BadMessage(ValueError):
    """A message that is not one this seat may send (said to the device, never raised further)."""


def parse(raw: str | bytes, seat: str) -> Message:
    """The message a device sent, checked against what its seat may send."""
    if len(raw) > MAX_MESSAGE_BYTES:
        raise BadMessage("message too large")
    adapter = _FACILITATOR if seat == FACILITATOR_SEAT else _TEAM
    try:
        return adapter.validate_json(raw)
    except ValidationError as err:
        first = err.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        raise BadMessage(f"{where}: {first.get('msg', 'invalid')}") from None


def handle(room: Room, seat: str, message: Message) -> decisions.Outcome | None:
    """Carry out a checked message for this seat; raises Refused with the reason if it cannot be."""
    role = room.role_of(seat)
    if role is not None:
        return _team(room, role, message)
    return _facilitator(room, message)


def _team(room: Room, role: int, message: Message) -> None:
    if isinstance(message, DraftOrders):
        room.draft_orders(role, message.orders)
    elif isinstance(message, SubmitOrders):
        room.submit_orders(role, message.orders)
    elif isinstance(message, ChangeOrders):
        room.change_orders(role)
    elif isinstance(message, DraftAnswers):
        room.draft_answers(role, message.answers)
    elif isinstance(message, SubmitAnswers):
        room.submit_answers(role, message.answers)
    elif isinstance(message, ChangeAnswers):
        room.change_answers(role)
    return None


def _facilitator(room: Room, message: Message) -> decisions.Outcome | None:
    handlers: dict[type, Any] = {
        Inject: lambda m: decisions.inject(room, m.event, m.reason),
        Adjust: lambda m: decisions.adjust(room, dict(m.changes), m.reason),
        Dice: lambda m: decisions.dice(room, m.role, m.action, m.d1, m.d2),
        ClearDice: lambda m: decisions.clear_dice(room, m.role, m.action),
        Undo: lambda m: decisions.undo(room, m.what),
        Pause: lambda m: decisions.pause(room, m.paused),
        SetDeadline: lambda m: decisions.set_deadline(room, m.minutes, m.policy),
        LateNow: lambda m: decisions.late_now(room),
        Hold: lambda m: decisions.hold(room, m.held),
        ResolveNow: lambda m: decisions.resolve_now(room),
        ShowCodes: lambda m: decisions.show_codes(room, m.shown),
        RenewCode: lambda m: decisions.renew_code(room, m.seat),
    }
    handler = handlers.get(type(message))
    if handler is None:
        return None
    with room.lock:
        if room.session.terminal and not isinstance(message, (Undo, ShowCodes, RenewCode)):
            raise Refused("host.refused.over")
        return handler(message)
