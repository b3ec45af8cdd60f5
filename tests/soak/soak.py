"""Soak: live training in a real window for N minutes, with random UI actions, watching memory.

    python tests/soak/soak.py [--minutes 30] [--interval-ms 100] [--sample-s 10] [--seed S]
                              [--thread-host] [--json FILE]

A MainWindow (offscreen unless QT_QPA_PLATFORM says otherwise) trains with the
default trainer host (a child process); every ~100 ms a random action is done
on the panels and the run controls (the same "restless hands" as
tests/gui/test_restless.py, at a person's pace). Every 10 s the resident
memory (RSS) of the GUI process and of the trainer process is sampled and a
table row printed; at the end a summary: start/end/max RSS of each, growth in
MB, the trainer's steps, the errors the app reported (divergence from a random
learning rate is expected and counted, not a failure) and any exception
(a failure). --json FILE writes the samples and the summary.

Not collected by pytest (the name has no test_ prefix, and pyproject ignores
tests/soak). Exit code 0 when no exception was seen and the trainer is alive
at the end, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any, Optional

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def rss_mb(pid: Optional[int]) -> Optional[float]:
    """Resident set size of a process in MB (from /proc), None when it is gone."""
    if pid is None:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def open_fds() -> int:
    try:
        return len(os.listdir("/proc/self/fd"))
    except OSError:
        return -1


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0, help="how long to run (default 30)")
    parser.add_argument("--interval-ms", type=int, default=100, help="time between two random actions")
    parser.add_argument("--sample-s", type=float, default=10.0, help="time between two memory samples")
    parser.add_argument("--seed", type=int, default=None, help="seed of the random actions (default: random)")
    parser.add_argument("--thread-host", action="store_true", help="train in a thread instead of a child process")
    parser.add_argument("--json", metavar="FILE", help="also write the samples and the summary as JSON")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if "EXPLORER_CONFIG_DIR" not in os.environ:  # never touch the teacher's own settings
        import tempfile

        os.environ["EXPLORER_CONFIG_DIR"] = tempfile.mkdtemp(prefix="explorer-soak-")

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from explorer.core.config import load_preset
    from explorer.gui.host import TrainerHost
    from explorer.gui.main_window import MainWindow
    from tests.gui.test_restless import Hands

    exceptions: list[str] = []

    def excepthook(kind, value, tb) -> None:  # type: ignore[no-untyped-def]
        exceptions.append("".join(traceback.format_exception(kind, value, tb))[-2000:])
        print(f"EXCEPTION: {kind.__name__}: {value}", file=sys.stderr, flush=True)

    sys.excepthook = excepthook
    threading.excepthook = lambda a: excepthook(a.exc_type, a.exc_value, a.exc_traceback)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    seed = args.seed if args.seed is not None else random.randrange(2**31)
    host = TrainerHost(mode="thread" if args.thread_host else "process")
    window = MainWindow(host=host, experiment=load_preset("dropout-regression"))
    window.resize(1280, 800)
    window.show()
    hands = Hands(window, random.Random(seed))
    hands.epoch_values = [100_000, 1_000_000]  # live training: runs that do not end on their own
    errors: dict[str, int] = {}
    died = {"count": 0}

    def on_error(text: str) -> None:
        key = text.split(":")[0][:60] if "NaN" not in text else "divergence (NaN or infinite loss)"
        if "stopped unexpectedly" in text:
            key = "trainer process died"
            died["count"] += 1
        errors[key] = errors.get(key, 0) + 1

    host.errorOccurred.connect(on_error)
    samples: list[dict[str, Any]] = []
    started = time.monotonic()
    actions = {"count": 0}
    end_at = started + args.minutes * 60

    def trainer_pid() -> Optional[int]:
        process = getattr(host, "_process", None)
        return process.pid if process is not None and process.is_alive() else None

    def sample() -> None:
        snap = host.latest
        row = {
            "t_s": round(time.monotonic() - started, 1),
            "gui_mb": rss_mb(os.getpid()),
            "trainer_mb": rss_mb(trainer_pid()) if not args.thread_host else None,
            "fds": open_fds(),
            "threads": threading.active_count(),
            "actions": actions["count"],
            "state": window.state,
            "step": getattr(snap, "step", None),
            "rebuilds": getattr(snap, "generation", samples[-1]["rebuilds"] if samples else None),
            "steps_per_s": round(getattr(snap, "steps_per_second", 0.0), 1),
            "errors": sum(errors.values()),
            "exceptions": len(exceptions),
        }
        samples.append(row)
        if len(samples) == 1:
            print(
                f"{'t (s)':>7} {'GUI MB':>8} {'trainer MB':>10} {'fds':>5} {'thr':>4} {'actions':>8} "
                f"{'state':>9} {'step':>9} {'rebuilds':>8} {'steps/s':>8} {'errors':>6} {'exc':>4}",
                flush=True,
            )
        fmt = lambda v, w, p=1: f"{v:>{w}.{p}f}" if isinstance(v, float) else f"{str(v):>{w}}"  # noqa: E731
        print(
            f"{fmt(row['t_s'], 7)} {fmt(row['gui_mb'], 8)} {fmt(row['trainer_mb'], 10)} {row['fds']:>5} "
            f"{row['threads']:>4} {row['actions']:>8} {row['state']:>9} {str(row['step']):>9} "
            f"{str(row['rebuilds']):>8} {row['steps_per_s']:>8} {row['errors']:>6} {row['exceptions']:>4}",
            flush=True,
        )

    final = {"alive": False}

    def act() -> None:
        if time.monotonic() >= end_at:
            action_timer.stop()
            sample_timer.stop()
            sample()
            final["alive"] = host.is_alive()
            window.close()
            app.quit()
            return
        try:
            hands.act()
            actions["count"] += 1
            if window.state != "running" and hands.rng.random() < 0.5:
                window.toggle_play()  # live training most of the time: a person presses play again
        except Exception:
            excepthook(*sys.exc_info())

    print(
        f"soak: {args.minutes:g} min, an action every {args.interval_ms} ms, seed {seed}, "
        f"{'thread' if args.thread_host else 'process'} host",
        flush=True,
    )
    QTimer.singleShot(0, lambda: window.start(play=True))
    action_timer = QTimer()
    action_timer.timeout.connect(act)
    action_timer.start(args.interval_ms)
    sample_timer = QTimer()
    sample_timer.timeout.connect(sample)
    sample_timer.start(int(args.sample_s * 1000))
    QTimer.singleShot(int(min(args.sample_s, 2.0) * 1000), sample)
    app.exec()
    action_timer.stop()
    sample_timer.stop()
    alive_at_end = final["alive"]
    window.close()
    window.deleteLater()

    def stats(key: str) -> dict[str, Optional[float]]:
        values = [s[key] for s in samples if s.get(key) is not None]
        if not values:
            return {"start": None, "end": None, "max": None, "growth": None}
        return {
            "start": round(values[0], 1),
            "end": round(values[-1], 1),
            "max": round(max(values), 1),
            "growth": round(values[-1] - values[0], 1),
        }

    # Growth after warm-up: from the first sample after one minute (imports, caches) to the end.
    warm = [s for s in samples if s["t_s"] >= 60] or samples

    def warm_growth(key: str) -> Optional[float]:
        values = [s[key] for s in warm if s.get(key) is not None]
        return round(values[-1] - values[0], 1) if len(values) > 1 else None

    def trainer_floor_by_rebuilds() -> dict[str, float]:
        """The trainer's lowest RSS per 100 rebuilds. The current run's size makes RSS swing
        between samples; a run (or cache) kept per rebuild raises this floor."""
        floors: dict[int, float] = {}
        for s in samples:
            if s.get("rebuilds") is not None and s.get("trainer_mb") is not None:
                bucket = s["rebuilds"] // 100
                floors[bucket] = min(floors.get(bucket, s["trainer_mb"]), s["trainer_mb"])
        return {f"{b * 100}-{b * 100 + 99}": round(mb, 1) for b, mb in sorted(floors.items())}

    summary = {
        "minutes": round((time.monotonic() - started) / 60, 2),
        "seed": seed,
        "host": "thread" if args.thread_host else "process",
        "actions": actions["count"],
        "action_counts": dict(sorted(hands.counts.items())),
        "gui_rss_mb": {**stats("gui_mb"), "growth_after_1_min": warm_growth("gui_mb")},
        "trainer_rss_mb": {**stats("trainer_mb"), "growth_after_1_min": warm_growth("trainer_mb")},
        "trainer_rss_floor_mb_by_rebuilds": trainer_floor_by_rebuilds(),
        "rebuilds": samples[-1]["rebuilds"] if samples else None,
        "open_fds": stats("fds"),
        "threads": stats("threads"),
        "last_step": samples[-1]["step"] if samples else None,
        "errors_reported": dict(sorted(errors.items(), key=lambda kv: -kv[1])),
        "trainer_alive_at_end": alive_at_end,
        "trainer_deaths": died["count"],
        "exceptions": exceptions,
    }
    print("\nsummary")
    running = [s for s in samples if s["state"] == "running"]
    summary["share_of_samples_running"] = round(len(running) / max(len(samples), 1), 2)
    for key in (
        "minutes",
        "seed",
        "host",
        "actions",
        "rebuilds",
        "last_step",
        "share_of_samples_running",
        "trainer_alive_at_end",
    ):
        print(f"  {key:16s} {summary[key]}")
    for key in ("gui_rss_mb", "trainer_rss_mb", "trainer_rss_floor_mb_by_rebuilds", "open_fds", "threads"):
        print(f"  {key:16s} " + ", ".join(f"{k} {v}" for k, v in summary[key].items()))
    print(
        f"  {'errors':16s} {sum(errors.values())} reported by the app: "
        + (", ".join(f"{k} x{v}" for k, v in summary['errors_reported'].items()) or "none")
    )
    print(f"  {'exceptions':16s} {len(exceptions)}")
    for text in exceptions[:5]:
        print(text, file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps({"summary": summary, "samples": samples}, indent=1) + "\n")
        print(f"  wrote {args.json}")
    return 0 if not exceptions and alive_at_end and died["count"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
