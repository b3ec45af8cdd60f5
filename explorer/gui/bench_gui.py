"""Speed figures of the live app: training beside a painting window, fluidity, start-up, memory.

Each training figure is a ratio against the bare PyTorch loop of explorer.core.io._bench,
run in this same process in alternating bursts (the trainer paused meanwhile), so
load from other processes hits both alike. The window is a real MainWindow with
the default child-process trainer, painted offscreen at its own ~30 Hz timer.
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


def _window(experiment: Any):  # type: ignore[no-untyped-def]
    from explorer.gui.host import TrainerHost
    from explorer.gui.main_window import MainWindow

    host = TrainerHost(mode="process")
    host.warm()
    window = MainWindow(host=host, experiment=experiment)
    window.resize(1280, 720)
    window.show()
    paints = [0]
    update = window.dashboard.update_snapshot

    def counted(snap: Any) -> None:
        paints[0] += 1
        update(snap)

    window.dashboard.update_snapshot = counted  # type: ignore[method-assign]
    return window, host, paints


def live_vs_bare(seconds: float = 12.0, repeats: int = 3) -> dict[str, Any]:
    """live_vs_bare, gui_fps and gui_latency_p99_ms on the seed network (1-200-200-200-1, p=0.5)."""
    import torch

    from explorer.core.io import bench

    app = QApplication.instance() or QApplication(sys.argv[:1])
    exp = bench.regression_preset()
    burst = seconds / (2 * repeats)
    with bench.torch_threads(1):
        bare_step = bench.bare_regression_loop(exp)
        window, host, paints = _window(exp)
        try:
            window.start(play=False)
            _pump(app, 60, until=lambda: host.latest is not None)
            bare_rates, live_rates, fps, p99 = [], [], [], []
            for _ in range(repeats):
                host.pause()
                _pump(app, 0.3)
                t0, n = time.perf_counter(), 0
                while time.perf_counter() - t0 < burst:
                    bare_step()
                    n += 1
                bare_rates.append(n / (time.perf_counter() - t0))
                host.play()
                _pump(app, 0.5)  # let the first snapshots of this burst arrive
                latency = _Latency()
                latency.start()
                s0, t0, p0 = host.latest.step, time.perf_counter(), paints[0]
                _pump(app, burst)
                dt = time.perf_counter() - t0
                latency.running = False
                live_rates.append((host.latest.step - s0) / dt)
                fps.append((paints[0] - p0) / dt)
                p99.append(latency.p99_ms())
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()
    bare = statistics.median(bare_rates)
    live = statistics.median(live_rates)
    return {
        "bare_steps_per_s": round(bare, 1),
        "live_steps_per_s": round(live, 1),
        "live_vs_bare": round(live / bare, 3),
        "gui_fps": round(statistics.median(fps), 1),
        "gui_latency_p99_ms": round(statistics.median(p99), 1),
        "torch": torch.__version__,
    }


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
