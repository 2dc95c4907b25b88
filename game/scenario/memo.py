"""What is worked out once per compiled scenario, kept beside the scenario it came from.

Keyed by the scenario's identity and holding the scenario itself, so a scenario freed and
another one given the same id never gets a stale answer; bounded, oldest out first.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class IdentityMemo(Generic[K, V]):
    """``get(obj, build)``: ``build(obj)`` the first time for this very object, kept after."""

    def __init__(self, kept: int = 16) -> None:
        self.kept = kept
        self._found: OrderedDict[int, tuple[K, V]] = OrderedDict()

    def get(self, obj: K, build: Callable[[K], V]) -> V:
        key: Hashable = id(obj)
        found = self._found.get(key)
        if found is None or found[0] is not obj:
            found = self._found[key] = (obj, build(obj))
            if len(self._found) > self.kept:
                self._found.popitem(last=False)
        return found[1]
