"""Speed figures of the live app: training in the window users open, fluidity, start-up, memory.

What users run: a shipped preset as it opens (all its variants), in the real MainWindow at its
default size with the default layout (every view of it live) and the default child-process
trainer, against the same experiment trained headless in this process, in alternating bursts
(the window's trainer paused meanwhile), so that load from other processes hits both alike.
Painted offscreen (or on $DISPLAY) at the window's own timer.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Optional

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def _rss_mb(pid: Optional[int] = None) -> float:
    path = Path(f"/proc/{pid or 'self'}/status")
    try:
        for line in path.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _pump(app: QApplication, seconds: float, until: Optional[Callable[[], bool]] = None) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        if until is not None and until():
            return
        time.sleep(0.001)


class _Latency:
    """A chain of zero-delay timers: how late does the event loop run a due callback?"""

    def __init__(self) -> None:
        self.delays: list[float] = []
        self.running = False
        self._due = 0.0

    def start(self) -> None:
        self.running = True
        self._arm()

    def _arm(self) -> None:
        self._due = time.perf_counter()
        QTimer.singleShot(0, self._fire)

    def _fire(self) -> None:
        self.delays.append(time.perf_counter() - self._due)
        if self.running:
            QTimer.singleShot(5, self._arm)  # sample every ~5 ms, leave the loop free between

    def p99_ms(self) -> float:
        if not self.delays:
            return float("nan")
        ordered = sorted(self.delays)
        return 1000 * ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]


LIVE_PRESETS = {"": "dropout-regression", "_mlp": "dropout-mlp", "_4variants": "dropout-vs-weight-decay"}
LIVE_WINDOW = (1600, 1000)  # the classroom screen, where the platform's own screen is smaller


def _window(experiment: Any, size: Optional[tuple[int, int]] = None):  # type: ignore[no-untyped-def]
    """The real window as a user opens it: child-process trainer, default size and layout (a fresh
    settings folder unless EXPLORER_CONFIG_DIR is set), every view of the default layout live."""
    import tempfile

    from explorer.gui.host import TrainerHost
    from explorer.gui.main_window import MainWindow
    from explorer.gui.settings import Settings

    host = TrainerHost(mode="process")
    host.warm()
    folder = os.environ.get("EXPLORER_CONFIG_DIR") or tempfile.mkdtemp(prefix="explorer-bench-")
    window = MainWindow(host=host, experiment=experiment, settings=Settings(Path(folder) / "settings.json"))
    if size is not None:
        window.resize(*size)
    else:  # the default size fills the screen; an offscreen platform's screen is only 800x600
        got = window.size()
        if got.width() < LIVE_WINDOW[0] or got.height() < LIVE_WINDOW[1]:
            window.resize(*LIVE_WINDOW)
    window.show()
    paints = [0]
    update = window.dashboard.update_snapshot

    def counted(snap: Any) -> None:
        paints[0] += 1
        update(snap)

    window.dashboard.update_snapshot = counted  # type: ignore[method-assign]
    received = [0]
    host.snapshotReady.connect(lambda _snap: received.__setitem__(0, received[0] + 1))
    window._bench_received = received  # type: ignore[attr-defined]
    return window, host, paints


def live_experiment(preset: str) -> Any:
    """A shipped preset as it opens (all its variants, its evaluation), on the CPU, never finishing."""
    from explorer.core.config import load_preset
    from explorer.core.io import bench

    return load_preset(preset).with_values({"training.epochs": bench.FOREVER, "training.device": "cpu"})


def live_vs_headless(preset: str = "dropout-regression", seconds: float = 12.0, repeats: int = 3) -> dict[str, Any]:
    """The preset trained in the real window against the same experiment trained headless here
    (Trainer.step in a loop, as `run` does), in alternating bursts (the window paused meanwhile).

    Returns live_vs_headless, gui_fps (new snapshots painted per second), gui_latency_p99_ms (how
    late the event loop runs a due callback), snapshot_share (building and sending snapshots over
    the trainer's busy time, from the trainer's own clocks), and the rates."""
    from explorer.core.io import bench
    from explorer.core.training import Trainer

    app = QApplication.instance() or QApplication(sys.argv[:1])
    exp = live_experiment(preset)
    burst = seconds / (2 * repeats)
    with bench.torch_threads(1):
        headless = Trainer(exp)
        for _ in range(3):
            headless.step()
        window, host, paints = _window(exp)
        try:
            window.start(play=False)
            _pump(app, 60, until=lambda: host.latest is not None)
            if host.latest is None:
                raise RuntimeError(f"{preset}: the window's trainer sent nothing in 60 s")
            size = window.size()
            headless_rates, live_rates, fps, p99, shares, sent = [], [], [], [], [], []
            received = window._bench_received
            for _ in range(repeats):
                host.pause()
                _pump(app, 0.3)
                t0, n = time.perf_counter(), 0
                while time.perf_counter() - t0 < burst:
                    headless.step()
                    n += 1
                headless_rates.append(n / (time.perf_counter() - t0))
                host.play()
                _pump(app, 0.5)  # let the first snapshots of this burst arrive
                latency = _Latency()
                latency.start()
                first = host.latest
                s0, t0, p0, r0 = first.step, time.perf_counter(), paints[0], received[0]
                _pump(app, burst)
                dt = time.perf_counter() - t0
                latency.running = False
                last = host.latest
                live_rates.append((last.step - s0) / dt)
                fps.append((paints[0] - p0) / dt)
                sent.append((received[0] - r0) / dt)
                p99.append(latency.p99_ms())
                snap_s = last.extra.get("snapshot_seconds", 0.0) - first.extra.get("snapshot_seconds", 0.0)
                train_s = last.extra.get("train_seconds", 0.0) - first.extra.get("train_seconds", 0.0)
                shares.append(snap_s / (snap_s + train_s) if snap_s + train_s > 0 else float("nan"))
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()
    head = statistics.median(headless_rates)
    ratios = [lv / hd for lv, hd in zip(live_rates, headless_rates)]
    return {
        "preset": preset,
        "variants": len(exp.variant_names()),
        "window": f"{size.width()}x{size.height()}",
        "headless_steps_per_s": round(head, 1),
        "live_steps_per_s": round(statistics.median(live_rates), 1),
        "live_vs_headless": round(statistics.median(ratios), 3),
        "gui_fps": round(statistics.median(fps), 1),
        "snapshots_per_s": round(statistics.median(sent), 1),
        "gui_latency_p99_ms": round(statistics.median(p99), 1),
        "snapshot_share": round(statistics.median(shares), 3),
    }


def live_figures(seconds: float = 12.0, repeats: int = 3, presets: Optional[dict[str, str]] = None) -> dict[str, Any]:
    """live_vs_headless and its companions for each of LIVE_PRESETS (keys suffixed but for the first),
    and what a dashboard frame costs, view by view, for each."""
    from explorer.gui.bench_frames import dashboard_frames

    out: dict[str, Any] = {}
    for suffix, preset in (presets or LIVE_PRESETS).items():
        figures = live_vs_headless(preset, seconds, repeats)
        out.update({f"{k}{suffix}": v for k, v in figures.items()})
        frames = dashboard_frames(live_experiment(preset), frames=max(20, int(4 * seconds)))
        out.update({f"dashboard_{k}{suffix}": v for k, v in frames.items()})
    return out


def startup(runs: int = 3, timeout: float = 60.0) -> dict[str, Any]:
    """startup_paint_s and startup_training_s of `python -m explorer --preset dropout-regression --play`,
    measured from just before the process is started; the app is closed (as by Ctrl+C) once both are seen."""
    import signal

    paint, train = [], []
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), EXPLORER_STARTUP_TRACE="1")
    env.pop("EXPLORER_SMOKE_EXIT_AFTER_MS", None)
    for i in range(runs + 1):  # the first run warms the file cache and is not counted
        env["EXPLORER_CONFIG_DIR"] = str(Path(os.environ.get("TMPDIR", "/tmp")) / f"explorer-bench-{os.getpid()}-{i}")
        t0 = time.time()
        proc = subprocess.Popen(
            [sys.executable, "-m", "explorer", "--preset", "dropout-regression", "--play"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        marks: dict[str, float] = {}
        try:
            assert proc.stdout is not None
            deadline = time.time() + timeout
            while len(marks) < 2 and time.time() < deadline:
                line = proc.stdout.readline()
                if not line:
                    break
                if line.startswith("startup:"):
                    _, what, stamp = line.split()
                    marks[what] = float(stamp) - t0
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if i and "painted" in marks and "training" in marks:
            paint.append(marks["painted"])
            train.append(marks["training"])
    return {
        "startup_paint_s": round(statistics.median(paint), 3) if paint else None,
        "startup_training_s": round(statistics.median(train), 3) if train else None,
    }


def rss_growth(steps: int = 1_000_000, warmup_steps: Optional[int] = None) -> dict[str, Any]:
    """rss_growth_mb: resident size (GUI + trainer process) from after warm-up to `steps` steps."""
    warmup_steps = min(20_000, steps // 5) if warmup_steps is None else warmup_steps
    from explorer.core.io import bench

    app = QApplication.instance() or QApplication(sys.argv[:1])
    exp = bench.regression_preset()
    window, host, _ = _window(exp)
    try:
        window.start(play=True)
        _pump(app, 600, until=lambda: host.latest is not None and host.latest.step >= warmup_steps)
        child = host._process.pid if host._process is not None else None
        start = _rss_mb() + _rss_mb(child)
        t0 = time.perf_counter()
        _pump(app, 3600, until=lambda: host.latest.step >= steps)
        end = _rss_mb() + _rss_mb(child)
        done = host.latest.step
        wall = time.perf_counter() - t0
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
    return {
        "rss_start_mb": round(start, 1),
        "rss_end_mb": round(end, 1),
        "rss_growth_mb": round(end - start, 1),
        "rss_steps": done,
        "rss_wall_s": round(wall, 1),
    }
