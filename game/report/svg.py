"""Small inline SVG charts for the HTML report, written by hand: no library, no network.

Every chart is a self-contained ``<svg>`` with a ``<title>`` (read by screen readers) that
scales to its container and prints sharply. Colours are the Okabe-Ito palette, which stays
distinguishable for colour-blind readers and in greyscale print (lines also differ by dash).

Each chart comes back as ``Markup``: this module is the one place in the report that marks
markup safe, so every text and attribute value it writes (labels come from a scenario or a
save, untrusted) goes through ``escape`` here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

BLUE, ORANGE, GREEN, RED, PURPLE, SKY, GREY, INK = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#9a9a9a",
    "#222222",
)
FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, sans-serif"'


def _n(value: float) -> str:
    """Coordinates with one decimal at most: compact and byte-stable."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def open_svg(width: int, height: int, title: str, css_class: str = "chart") -> list[str]:
    return [
        f'<svg class="{escape(css_class)}" viewBox="0 0 {width} {height}" role="img" xmlns="http://www.w3.org/2000/svg" {FONT}>',
        f"<title>{escape(title)}</title>",
    ]


@dataclass(frozen=True, slots=True)
class Line:
    label: str
    values: Sequence[int]
    color: str = BLUE
    dash: str = ""  # stroke-dasharray, "" for solid


def _dash(line: Line) -> str:
    return f' stroke-dasharray="{escape(line.dash)}"' if line.dash else ""


def _polyline(
    line: Line,
    x: Callable[[float], float],
    y: Callable[[float], float],
    end_color: str | None,
    label_end: bool,
) -> list[str]:
    """One series: its line, a dot at its last value and, without a legend, that value written."""
    if not line.values:
        return []
    points = " ".join(f"{_n(x(i))},{_n(y(v))}" for i, v in enumerate(line.values))
    last, value = len(line.values) - 1, line.values[-1]
    out = [
        f'<polyline points="{points}" fill="none" stroke="{escape(line.color)}" stroke-width="2" stroke-linejoin="round"{_dash(line)}/>',
        f'<circle cx="{_n(x(last))}" cy="{_n(y(value))}" r="3" fill="{escape(end_color or line.color)}"/>',
    ]
    if label_end:
        out.append(
            f'<text x="{_n(x(last) + 5)}" y="{_n(y(value) + 3.5)}" font-size="9.5" font-weight="bold" fill="{INK}">{value}</text>'
        )
    return out


def _legend(lines: Sequence[Line], left: float, base: float, plot_w: float) -> list[str]:
    """Two series a row under the plot: a short stroke of each line and its label."""
    out = []
    for i, line in enumerate(lines):
        lx = left + (i % 2) * (plot_w / 2)
        ly = base + 16 * (i // 2)
        out.append(
            f'<line x1="{_n(lx)}" x2="{_n(lx + 18)}" y1="{_n(ly - 3)}" y2="{_n(ly - 3)}" stroke="{escape(line.color)}" stroke-width="2.5"{_dash(line)}/>'
        )
        out.append(
            f'<text x="{_n(lx + 22)}" y="{_n(ly)}" font-size="10" fill="{INK}">{escape(line.label)}</text>'
        )
    return out


def line_chart(
    title: str,
    lines: Sequence[Line],
    width: int = 300,
    height: int = 150,
    marks: Sequence[int] = (),
    legend: bool = False,
    end_color: str | None = None,
) -> Markup:
    """Values 0-100 over turns 0..N; ``marks`` are turns flagged with a triangle (adjustments)."""
    left, right, top, bottom = 26, 24, 8, 20
    if legend:
        bottom += 16 * ((len(lines) + 1) // 2)
    plot_w, plot_h = width - left - right, height - top - bottom
    turns = max((len(line.values) for line in lines), default=1) - 1
    step = plot_w / max(turns, 1)

    def x(turn: float) -> float:
        return left + turn * step

    def y(value: float) -> float:
        return top + plot_h * (1 - value / 100)

    out = open_svg(width, height, title)
    for level in (0, 50, 100):
        out.append(
            f'<line x1="{left}" x2="{_n(left + plot_w)}" y1="{_n(y(level))}" y2="{_n(y(level))}" '
            f'stroke="#d8d8d8" stroke-width="{1 if level == 50 else 0.8}"/>'
        )
        out.append(
            f'<text x="{left - 4}" y="{_n(y(level) + 3.5)}" font-size="9" text-anchor="end" fill="#666">{level}</text>'
        )
    every = 1 if turns <= 12 else 2
    for turn in range(0, turns + 1, every):
        out.append(
            f'<text x="{_n(x(turn))}" y="{_n(top + plot_h + 12)}" font-size="8.5" text-anchor="middle" fill="#666">{turn}</text>'
        )
    for turn in marks:
        if 0 < turn <= turns:
            px = x(turn)
            out.append(
                f'<path d="M{_n(px)} {_n(top + plot_h - 1)} l-4 -7 h8 z" fill="{ORANGE}"><title>{escape(title)}: {turn}</title></path>'
            )
    for line in lines:
        out.extend(_polyline(line, x, y, end_color, label_end=not legend))
    if legend:
        out.extend(_legend(lines, left, top + plot_h + 26, plot_w))
    out.append("</svg>")
    return Markup("".join(out))


def histogram(
    title: str,
    values: Sequence[int],
    marker: int | None,
    threshold: int | None = None,
    width: int = 300,
    height: int = 120,
    bin_size: int = 5,
    color: str = SKY,
    marker_label: str = "",
) -> Markup:
    """Scores 0-100 in bins; a bold line for this game, a dashed one for the threshold."""
    left, right, top, bottom = 8, 8, 16, 18
    plot_w, plot_h = width - left - right, height - top - bottom
    bins = [0] * (100 // bin_size + 1)
    for v in values:
        bins[min(max(v, 0), 100) // bin_size] += 1
    peak = max(bins) or 1
    bar_w = plot_w / len(bins)

    def x(value: float) -> float:
        return left + plot_w * value / (100 + bin_size)

    out = open_svg(width, height, title)
    for i, count in enumerate(bins):
        if not count:
            continue
        h = plot_h * count / peak
        out.append(
            f'<rect x="{_n(left + i * bar_w + 0.5)}" y="{_n(top + plot_h - h)}" width="{_n(bar_w - 1)}" height="{_n(h)}" fill="{escape(color)}"/>'
        )
    out.append(
        f'<line x1="{left}" x2="{left + plot_w}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="#999" stroke-width="0.8"/>'
    )
    for tick in (0, 25, 50, 75, 100):
        out.append(
            f'<text x="{_n(x(tick + bin_size / 2))}" y="{top + plot_h + 12}" font-size="8.5" text-anchor="middle" fill="#666">{tick}</text>'
        )
    if threshold is not None:
        tx = x(threshold + bin_size / 2)
        out.append(
            f'<line x1="{_n(tx)}" x2="{_n(tx)}" y1="{top}" y2="{top + plot_h}" stroke="{INK}" stroke-width="1" stroke-dasharray="3 2"/>'
        )
    if marker is not None:
        mx = x(marker + bin_size / 2)
        out.append(
            f'<line x1="{_n(mx)}" x2="{_n(mx)}" y1="{top - 4}" y2="{top + plot_h}" stroke="{RED}" stroke-width="2.5"/>'
        )
        anchor = "end" if marker > 70 else "start"
        shift = -4 if marker > 70 else 4
        out.append(
            f'<text x="{_n(mx + shift)}" y="{top + 4}" font-size="9.5" font-weight="bold" text-anchor="{anchor}" fill="{RED}">{escape(marker_label or str(marker))}</text>'
        )
    out.append("</svg>")
    return Markup("".join(out))


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    shares: tuple[float, ...]  # one per series, 0-1
    highlight: bool = False


def bar_chart(title: str, bars: Sequence[Bar], series: Sequence[tuple[str, str]], width: int = 620) -> Markup:
    """Horizontal bars, one group per label and one bar per series (name, colour).

    The label column widens (up to a limit) for long labels, such as Spanish ending names."""
    longest = max((len(bar.label) + (2 if bar.highlight else 0) for bar in bars), default=0)
    label_w = max(190, min(300, 24 + round(6.6 * longest)))
    right, row_h, bar_h = 48, 8 + 12 * len(series), 11
    legend_h = 22
    height = legend_h + row_h * len(bars) + 6
    plot_w = width - label_w - right
    out = open_svg(width, height, title)
    for i, (name, color) in enumerate(series):
        lx = label_w + i * 190
        out.append(f'<rect x="{lx}" y="4" width="12" height="10" fill="{escape(color)}"/>')
        out.append(f'<text x="{lx + 16}" y="13" font-size="10.5" fill="{INK}">{escape(name)}</text>')
    for row, bar in enumerate(bars):
        y0 = legend_h + row * row_h
        weight = ' font-weight="bold"' if bar.highlight else ""
        marker = "▶ " if bar.highlight else ""
        out.append(
            f'<text x="{label_w - 8}" y="{_n(y0 + row_h / 2 + 3)}" font-size="10.5" text-anchor="end" fill="{INK}"{weight}>{escape(marker + bar.label)}</text>'
        )
        for j, share in enumerate(bar.shares):
            color = escape(series[j][1])
            by = y0 + 4 + j * 12
            w = plot_w * share
            out.append(
                f'<rect x="{label_w}" y="{_n(by)}" width="{_n(max(w, 0.5))}" height="{bar_h}" fill="{color}"/>'
            )
            out.append(
                f'<text x="{_n(label_w + w + 4)}" y="{_n(by + 9)}" font-size="9.5" fill="{INK}">{share:.0%}</text>'
            )
        if bar.highlight:
            out.append(
                f'<rect x="2" y="{_n(y0 + 1)}" width="{width - 4}" height="{row_h - 2}" fill="none" stroke="{RED}" stroke-width="1.2" rx="3"/>'
            )
    out.append("</svg>")
    return Markup("".join(out))
