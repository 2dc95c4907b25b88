"""Colours, fonts, spacing and scale in one place: scenes and widgets ask, never hard-code.

The palettes use the Okabe-Ito colours, distinguishable with every common colour-vision
deficiency: *better* is blue, *worse* is orange, and every change also carries a shape (an
up or down triangle) and a sign, so colour is never the only cue. The light palette is for
projectors, where a dark background washes out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

Color = tuple[int, int, int]

BASE_SIZE = (1280, 720)  # the layout's design size; everything scales from it
MIN_SIZE = (800, 450)
# Inside the package (read through importlib.resources), so any kind of install finds them.
ASSETS = Path(str(resources.files("game") / "assets"))
FONT_REGULAR = ASSETS / "fonts" / "AtkinsonHyperlegible-Regular.ttf"
FONT_BOLD = ASSETS / "fonts" / "AtkinsonHyperlegible-Bold.ttf"


@dataclass(frozen=True, slots=True)
class Palette:
    name: str
    bg: Color
    panel: Color
    panel_hi: Color  # a raised or hovered surface
    line: Color
    text: Color
    dim: Color
    focus: Color  # the keyboard focus ring
    better: Color
    worse: Color
    neutral: Color
    covert: Color
    primary: Color
    primary_text: Color
    bar: Color  # a track's fill
    shade: tuple[int, int, int, int]  # behind overlays


DARK = Palette(
    name="dark",
    bg=(20, 24, 31),
    panel=(31, 37, 48),
    panel_hi=(45, 54, 69),
    line=(66, 78, 98),
    text=(242, 242, 242),
    dim=(172, 180, 192),
    focus=(240, 228, 66),  # Okabe-Ito yellow
    better=(86, 180, 233),  # sky blue
    worse=(230, 159, 0),  # orange
    neutral=(200, 200, 200),
    covert=(204, 121, 167),  # reddish purple
    primary=(0, 114, 178),  # blue
    primary_text=(255, 255, 255),
    bar=(112, 128, 150),
    shade=(8, 10, 14, 200),
)

LIGHT = Palette(
    name="light",
    bg=(246, 244, 239),
    panel=(255, 255, 255),
    panel_hi=(226, 233, 242),
    line=(150, 160, 175),
    text=(17, 17, 17),
    dim=(70, 78, 92),
    focus=(0, 0, 0),
    better=(0, 114, 178),  # blue
    worse=(213, 94, 0),  # vermillion
    neutral=(90, 90, 90),
    covert=(160, 60, 120),
    primary=(0, 90, 150),
    primary_text=(255, 255, 255),
    bar=(120, 135, 155),
    shade=(40, 40, 40, 170),
)

PALETTES = {"dark": DARK, "light": LIGHT}

# Text styles: (size in px at the design size, bold).
STYLES: dict[str, tuple[int, bool]] = {
    "small": (15, False),
    "small_bold": (15, True),
    "body": (17, False),
    "body_bold": (17, True),
    "heading": (20, True),
    "title": (27, True),
    "display": (52, True),
    "die": (18, True),
}

LARGE_TEXT = 1.28  # projector mode: text this much larger
MIN_TEXT_SCALE = 0.85  # at 960x540 the layout is at 0.75, text at 0.85 (body 14 px)


@dataclass(slots=True)
class Settings:
    """What the player can change while playing; the theme follows it."""

    large_text: bool = False
    palette: str = "dark"
    animations: bool = True
    fullscreen: bool = False

    @property
    def projector(self) -> bool:
        return self.large_text and self.palette == "light"


@dataclass(slots=True)
class Theme:
    """The palette plus sizes for one window size; rebuilt when the window or settings change."""

    palette: Palette
    scale: float  # layout scale: window size relative to the design size
    text_scale: float  # scale of text (includes projector mode)
    sizes: dict[str, int] = field(default_factory=dict)

    @classmethod
    def for_window(cls, size: tuple[int, int], settings: Settings) -> Theme:
        w, h = size
        scale = max(0.62, min(w / BASE_SIZE[0], h / BASE_SIZE[1], 3.0))
        # Text shrinks less than the layout: a small window stays readable.
        text_scale = max(scale, MIN_TEXT_SCALE) * (LARGE_TEXT if settings.large_text else 1.0)
        sizes = {name: max(10, round(px * text_scale)) for name, (px, _) in STYLES.items()}
        return cls(PALETTES.get(settings.palette, DARK), scale, text_scale, sizes)

    def px(self, value: float) -> int:
        """A length at the design size, scaled to this window (at least 1)."""
        return max(1, round(value * self.scale))

    @property
    def pad(self) -> int:
        return self.px(14)

    @property
    def gap(self) -> int:
        return self.px(8)

    @property
    def radius(self) -> int:
        return self.px(7)

    @property
    def focus_width(self) -> int:
        return max(2, self.px(3))
