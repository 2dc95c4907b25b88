"""The network host under a seminar's load: 40 devices, a whole game, submit-to-everyone's-update.

Runs the real command (``commonground host --headless`` on loopback, in its own process, so its
memory is its own) on the six-role seminar variant, connects 40 WebSocket devices - five per team
(one of them plays, the others watch, as a team's phones and laptops would), nine projector
boards and the facilitator - and plays a whole game. Teams decide one after another; for every
answer or order given it measures the time from sending it to the moment the last of the 40
devices has received the update that includes it (the host's stamp). Budget (DESIGN.md): p95
<= 100 ms. Also the host's resident memory (now and peak) and the size of a team's message.

    .venv/bin/python bench/host.py [--seed N] [--games N] [--devices-per-team N] [--boards N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from game.shells.host.device import Device, decide

BUDGET_MS = 100.0
LINE = re.compile(r"^(\S+)\s+(http://\S+)$")


def start_host(home: Path, seed: int) -> tuple[subprocess.Popen[str], dict[str, str]]:
    env = {**os.environ, "COMMONGROUND_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "game", "host", "cartel_mission_seminar", "--seed", str(seed)]
    command += ["--headless", "--bind", "127.0.0.1", "--port", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    seats: dict[str, str] = {}
    assert process.stdout is not None
    for line in process.stdout:
        found = LINE.match(line.strip())
        if found:
            seats[found.group(1)] = found.group(2)
        if line.startswith("autosave"):
            break
    return process, seats


def memory_kb(pid: int) -> tuple[int, int]:
    """(resident now, peak resident) of a process, in kB, from /proc."""
    now = peak = 0
    with open(f"/proc/{pid}/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                now = int(line.split()[1])
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1])
    return now, peak


def path_of(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    code = parts.path.rsplit("/", 1)[1]
    return f"{parts.scheme}://{parts.netloc}", "/ws/board" if code == "board" else f"/ws/{code}"


async def connect_all(seats: dict[str, str], per_team: int, boards: int) -> tuple[list[Device], list[Device]]:
    players, everyone = [], []
    for seat, url in seats.items():
        base, path = path_of(url)
        copies = per_team if seat not in ("facilitator", "board") else (boards if seat == "board" else 1)
        for n in range(copies):
            playing = n == 0 and seat not in ("facilitator", "board")
            device = await Device(base, path, fmt="data" if playing else "html").open()  # the rest: browsers
            everyone.append(device)
            if playing:
                players.append(device)
    return players, everyone


async def everyone_has(devices: list[Device], stamp: tuple[int, ...]) -> None:
    while not all(d.stamp[0] >= stamp[0] and d.stamp[1] >= stamp[1] for d in devices):
        await asyncio.sleep(0.0005)


async def play(seats: dict[str, str], per_team: int, boards: int, seed: int) -> tuple[list[float], int, int]:
    players, everyone = await connect_all(seats, per_team, boards)
    listening = {d: asyncio.create_task(d.listen()) for d in everyone}
    rng = random.Random(seed)
    latencies: list[float] = []
    biggest = 0
    async with asyncio.timeout(900):
        while not players[0].data.get("over"):
            acted = False
            for device in players:
                decision = decide(device.data, rng)
                if decision is None:
                    continue
                before, refused = device.stamp, len(device.errors)
                started = time.perf_counter()
                await device.send(decision)
                while device.stamp == before:  # its own update, with the host's new stamp
                    if len(device.errors) > refused:  # turned down (its view was out of date): pass
                        print("refused:", device.errors[-1], file=sys.stderr)
                        refused = len(device.errors)
                        await device.send({"type": "submit", "orders": []})
                    await asyncio.sleep(0.0005)
                await everyone_has(everyone, device.stamp)
                latencies.append((time.perf_counter() - started) * 1000)
                acted = True
            if not acted:
                await asyncio.sleep(0.005)
    biggest = max(len(str(d.data)) for d in players)
    for device in everyone:
        await device.close()
    await asyncio.gather(*listening.values())
    return latencies, biggest, len(everyone)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--games", type=int, default=1)
    parser.add_argument("--devices-per-team", type=int, default=5)
    parser.add_argument("--boards", type=int, default=9)
    args = parser.parse_args()
    all_latencies: list[float] = []
    peaks = []
    for game in range(args.games):
        with tempfile.TemporaryDirectory() as home:
            process, seats = start_host(Path(home), args.seed + game)
            try:
                latencies, biggest, devices = asyncio.run(
                    play(seats, args.devices_per_team, args.boards, args.seed + game)
                )
                now, peak = memory_kb(process.pid)
            finally:
                process.terminate()
                process.wait(timeout=10)
        all_latencies += latencies
        peaks.append(peak)
        print(
            f"game {game + 1}: {devices} devices, {len(latencies)} answers and orders given; "
            f"host memory {now / 1024:.0f} MB now, {peak / 1024:.0f} MB peak; largest team view {biggest / 1024:.0f} kB"
        )
    ordered = sorted(all_latencies)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    print(
        f"submit -> every device updated: median {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms, "
        f"max {ordered[-1]:.1f} ms over {len(ordered)} submits (budget p95 <= {BUDGET_MS:.0f} ms: "
        f"{'met' if p95 <= BUDGET_MS else 'NOT met'})"
    )
    print(f"host peak memory: {max(peaks) / 1024:.0f} MB")
    return 0 if p95 <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
