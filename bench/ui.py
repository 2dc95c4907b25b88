"""Window benchmark: time to the first frame, drawing time per frame, resident memory, idle CPU.

    python bench/ui.py [--launches N] [--draws N] [--idle SECONDS]

Budgets (DESIGN §9): the first frame within 0.5 s of launch (a bare pygame window and flip
takes about 0.23 s on these machines), drawing a frame within 8 ms at 1280x720, the window
under 100 MB resident, and an idle window near zero CPU. Uses the real display when there is
one (DISPLAY set), else SDL's dummy driver. This is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BARE_WINDOW = """
import sys, time
import pygame
pygame.display.init()
surface = pygame.display.set_mode((1280, 720))
surface.fill((20, 24, 31))
pygame.display.flip()
open(sys.argv[1], "w").write(f"{time.time():.6f} 0\\n")
pygame.quit()
"""

PLAY_AND_MEASURE = """
import os, resource, sys, time
from game.shells.window.screenshots import make_app
from game.shells.window.script import play_to_end
app = make_app((1280, 720))
play_to_end(app, "keyboard")
app.draw()
rss = 0
with open("/proc/self/status") as status:
    for line in status:
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(rss / 1024, peak / 1024)
"""

IDLE = """
import sys, time
import pygame
from game.shells.window.screenshots import make_app
app = make_app((1280, 720))
seconds = float(sys.argv[1])
pygame.time.set_timer(pygame.QUIT, int(seconds * 1000), loops=1)
cpu, wall, frames = time.process_time(), time.perf_counter(), app.frames
app.run()
print(time.process_time() - cpu, time.perf_counter() - wall, app.frames - frames)
"""


def environment() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYGAME_HIDE_SUPPORT_PROMPT="1")
    env.setdefault("COMMONGROUND_HOME", tempfile.mkdtemp(prefix="cg-bench-"))
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("SDL_VIDEODRIVER", "dummy")
    return env


def launch_times(argv: list[str], runs: int, extra: dict[str, str] | None = None) -> list[float]:
    """Seconds from starting the process to the first frame on screen."""
    times = []
    env = dict(environment(), **(extra or {}))
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "first-frame.txt"
        for _ in range(runs):
            report.unlink(missing_ok=True)
            started = time.time()
            subprocess.run(
                argv + [str(report)] if argv[1] == "-c" else argv,
                cwd=ROOT,
                check=True,
                env=dict(env, COMMONGROUND_FIRST_FRAME=str(report)),
                stdout=subprocess.DEVNULL,
            )
            shown = float(report.read_text().split()[0])
            times.append(shown - started)
    return times


def frame_times(draws: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Milliseconds to draw each main screen in full at 1280x720 (after its first, cold frame),
    and the same with the flip that puts it on screen."""
    os.environ.update(
        {k: v for k, v in environment().items() if k in ("SDL_VIDEODRIVER", "COMMONGROUND_HOME")}
    )
    import pygame

    from game.shells.window.screenshots import make_app
    from game.shells.window.script import Driver, play_to_end

    results: dict[str, list[float]] = {}
    flips: dict[str, list[float]] = {}

    def measure(name: str) -> None:
        app.draw()  # cold: text rendered and cached
        samples, shown = [], []
        for _ in range(draws):
            start = time.perf_counter()
            app.draw()
            drawn = time.perf_counter()
            pygame.display.flip()
            samples.append((drawn - start) * 1000)
            shown.append((time.perf_counter() - start) * 1000)
        results[name] = samples
        flips[name] = shown

    app = make_app((1280, 720))
    d = Driver(app)
    measure("title")
    d.press("new", "keyboard")
    measure("setup")
    d.press("start", "keyboard")
    d.press("begin", "keyboard")
    d.key(pygame.K_4)
    cards = [w for w in d.scene.form.widgets if w.key.startswith("card.") and getattr(w, "legal", False)]
    for card in cards[:2]:
        d.click(card.key)
    d.move(d.widget("track.3").rect.center)
    measure("play: orders + why")
    d.press("give", "mouse")
    d.press("yes", "mouse")
    for _ in range(40):
        d.frame(dt=0.05)
    measure("resolution (animating)")
    play_to_end(app, "keyboard")
    measure("end: outcome")
    d.press("tab.tracks", "mouse")
    measure("end: track charts")
    pygame.display.quit()
    app = make_app((1280, 720), roles="us=human,mexico=human,civil=human")
    d = Driver(app)
    d.settle()
    d.press("begin", "keyboard")
    measure("hand-off")
    pygame.display.quit()
    return results, flips


def run_python(code: str, *args: str) -> list[float]:
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=environment(),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [float(v) for v in out.split()[-3:]] if out.strip() else []


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--launches", type=int, default=7)
    parser.add_argument("--draws", type=int, default=200)
    parser.add_argument("--idle", type=float, default=5.0)
    args = parser.parse_args()
    driver = environment().get("SDL_VIDEODRIVER") or "the display's"
    print(f"video driver: {driver}")

    bare = launch_times([sys.executable, "-c", BARE_WINDOW], args.launches)
    plain = launch_times(
        [sys.executable, "-c", BARE_WINDOW], args.launches, {"SDL_FRAMEBUFFER_ACCELERATION": "0"}
    )
    game = launch_times([sys.executable, "-m", "game"], args.launches)
    for label, times in (
        ("bare pygame window           ", bare),
        ("bare window, no GL frame copy", plain),
        ("commonground                 ", game),
    ):
        budget = "; budget <= 0.5 s" if label.startswith("common") else ""
        median = statistics.median(times)
        print(f"first frame, {label}: median {median:.3f} s (max {max(times):.3f}{budget})")

    frames, flips = frame_times(args.draws)
    worst = 0.0
    for name, samples in frames.items():
        median = statistics.median(samples)
        p95 = sorted(samples)[int(len(samples) * 0.95) - 1]
        with_flip = statistics.median(flips[name])
        worst = max(worst, median)
        print(
            f"draw a full frame at 1280x720, {name:24} median {median:5.2f} ms, p95 {p95:5.2f} ms"
            f" (with the flip: {with_flip:5.2f} ms)"
        )
    print(f"slowest screen: median {worst:.2f} ms per frame (budget <= 8 ms)")

    rss, peak = run_python(PLAY_AND_MEASURE)[-2:]
    print(f"resident memory after a whole game in the window: {rss:.0f} MB", end="")
    print(f" (peak {peak:.0f} MB; budget < 100 MB)")

    cpu, wall, drawn = run_python(IDLE, str(args.idle))
    share = 100 * cpu / wall
    print(f"idle window: {cpu:.3f} s CPU in {wall:.1f} s ({share:.1f}% of a core),", end="")
    print(f" {drawn:.0f} frame(s) drawn")


if __name__ == "__main__":
    main()
