"""The window words requirements with ``game.story.requirements`` (shared with the printed kit)."""

from game.story.requirements import condition_text, requirement_text

__all__ = ["condition_text", "requirement_text"]
