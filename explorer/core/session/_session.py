"""Drive a trainer from commands and report on a clock; Qt-free.

The same loop runs in the child process (the default host) and in an
in-process thread (tests, fallback). It trains in chunks of a few
milliseconds, drains commands between steps, and emits the newest Snapshot at
most every `snapshot_interval` seconds: sending every step would block on the
pipe and slow training down.
"""

from __future__ import annotations

import dataclasses
import time
import traceback
from typing import Any, Callable, Optional

from explorer.core.config import parse_experiment
from explorer.core.protocol import DASHBOARD_VIEWS, ExplorerError, InspectStep, Message, define_messages
from explorer.core.protocol import commands as C
from explorer.core.util import is_out_of_memory

# Snapshots a little faster than the window's 30 fps: each paint tick then finds a new one (at
# exactly 30 Hz the two clocks beat against each other and the window showed ~28 new frames/s).
SNAPSHOT_INTERVAL_S = 1 / 40
# The share of the trainer's time that building and sending snapshots may take: when one costs
# more than this share, the next waits for enough training (the snapshot rate backs off). 7 %, so
# that the live window trains at 0.9x of a headless run or better (the rest is the session's loop);
# up to SNAPSHOT_BUDGET_MAX where that keeps MIN_SNAPSHOT_RATE (a class sees 30 frames a second:
# 4 variants of the digits MLP cost 1.9 ms a snapshot on a 2.1 GHz Xeon).
SNAPSHOT_BUDGET = 0.07
SNAPSHOT_BUDGET_MAX = 0.10
MIN_SNAPSHOT_RATE = 30.0
# Snapshots go out between steps: one is overdue a little before 1/30 s, so that with steps of
# several milliseconds (7 ms for 4 variants of the digits MLP) 30 a second still arrive.
OVERDUE_S = 0.85 / MIN_SNAPSHOT_RATE
# ... and one is overdue when the run is behind a clock of that period that does not restart at every
# send: a 20 ms evaluation that delayed one frame makes the next ones go out sooner (4 variants of the
# digits MLP sent 27 a second, each interval measured from the last send, evaluations every 16 steps).
# The period is OVERDUE_S, not 1/30 s: a clock at exactly the window's 30 fps would beat against it.
# Parts that change slowly to the eye, rebuilt at most this often while training (the snapshots in
# between carry the last ones; the window does not repaint them): weight and gradient
# distributions drift over hundreds of steps, and the histograms were the dearest part to build
# and, in the window, to paint (4 Hz: 2.2 ms a build for 4 variants of the digits MLP on a 2.1 GHz Xeon).
SLOW_PARTS = {"histograms": 0.25}

# ("snapshot" | "state" | "message" | "error" | "rejected" | "checkpoint" | "restored", payload);
# a "message" or "error" payload, and a "rejected" payload's "message", is a Message (an id and its values)
Emit = Callable[[str, Any], None]
Receive = Callable[[float], Optional[Any]]  # wait up to `timeout` s for a command; None if none

CHUNK_SECONDS = 0.004

MSG = define_messages(
    "session",
    {
        "no_experiment": "no experiment loaded",
        "nothing_to_rebuild": "nothing to rebuild: no experiment was loaded",
        "demonstration_no_weights": "a demonstration has no weights to save",
        "opened_checkpoint": "opened checkpoint {path} (epoch {epoch}, step {step})",
        "out_of_memory_building": "CUDA ran out of memory while building the model; choose the CPU as device "
        "(Data panel) or a smaller network, then press Reset.",
        "out_of_memory_training": "CUDA ran out of memory during training. Choose the CPU as device (Data panel) "
        "or use a smaller network or batch, then press Reset.",
        "training_failed": "training failed: {detail}",
        "command_failed": "{command} failed: {detail}",
        "snapshot_failed": "the trainer could not report the run's state ({detail}); the run is stopped: "
        "press Reset to start it again",
    },
)


def coalesce_commands(waiting: list[Any]) -> list[Any]:
    """The commands still worth handling, in order, from those waiting to be handled.

    Restless hands queue rebuilds faster than big ones are built. Only the last
    Rebuild matters (it carries the whole experiment, earlier live edits included),
    and after a Stop nothing does: everything before the last Rebuild or Stop is
    dropped, except checkpoint saves, the views on screen and the Step inspector's settings (they hold
    across rebuilds). So closing the window never waits behind a
    backlog, and the trainer never builds a model nobody will see.
    """
    last = max(
        (
            i
            for i, c in enumerate(waiting)
            if isinstance(c, C.Stop) or (isinstance(c, C.Rebuild) and c.experiment_json is not None)
        ),
        default=0,
    )
    if last == 0:
        return waiting
    keep = (C.SaveCheckpoint, C.SetVisibleViews, InspectStep)
    return [c for c in waiting[:last] if isinstance(c, keep)] + waiting[last:]


class Session:
    def __init__(self, emit: Emit, snapshot_interval: float = SNAPSHOT_INTERVAL_S):
        self.emit = emit
        self.snapshot_interval = snapshot_interval
        self.runner: Any = None
        self.experiment_json: Optional[str] = None
        self.state = "idle"
        self.generation = 0
        self._inspection: Optional[InspectStep] = None  # what the Step inspector shows, while it is open
        self.pending_steps = 0
        self._last_snapshot = 0.0
        self._frame_due = 0.0  # when the next frame is owed on the OVERDUE_S clock
        self._steps_at_last = 0
        self._sps = 0.0
        self._dirty = True
        # After a failed step (divergence, out of memory) the model's numbers are not worth
        # drawing: the views are sent the last good snapshot again (with the current settings).
        self._frozen = False
        self._last_good: Any = None
        self.visible: Optional[frozenset[str]] = None  # the views on screen (SetVisibleViews); None: all
        # what snapshots cost: CPU seconds of this thread building and sending them, and training, since
        # the last (re)build; the newest snapshot's cost (an average) spaces them (see snapshot_due())
        self.snapshot_seconds = 0.0
        self.train_seconds = 0.0
        self._snapshot_cost = 0.0
        self._built_at: dict[str, float] = {}  # when each slow part was last built
        self._train_at_last = 0.0  # train_seconds when the last snapshot was sent

    # -- lifecycle --------------------------------------------------------------------
    def serve(self, receive: Receive) -> None:
        """Run until a Stop command (or the command source closes: EOFError)."""
        try:
            while True:
                busy = self.state == "running" or self.pending_steps > 0
                cmd = receive(0.0 if busy else 0.05)
                while cmd is not None:
                    if isinstance(cmd, C.Stop):
                        return
                    self.handle(cmd)
                    cmd = receive(0.0)
                if self.state == "running" or self.pending_steps > 0:
                    self._train_chunk()
                self._maybe_snapshot()
        except EOFError:
            return

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.emit("state", state)
            self._dirty = True

    # -- commands ---------------------------------------------------------------------
    def handle(self, cmd: Any) -> None:
        try:
            if isinstance(cmd, C.Rebuild):
                self._rebuild(cmd)
            elif isinstance(cmd, C.RestoreCheckpoint):
                self._restore(cmd)
            elif isinstance(cmd, InspectStep):
                self._inspect_step(cmd)
            elif isinstance(cmd, C.SetVisibleViews):
                self._set_visible(cmd.views)
            elif self.runner is None:
                self.emit("message", MSG.no_experiment())
            elif isinstance(cmd, C.Pause):
                self.pending_steps = 0
                if self.state == "running":
                    self._set_state("paused")
            elif isinstance(cmd, C.Resume):
                if not self.runner.finished and self.state in ("paused", "idle"):
                    self._set_state("running")
            elif isinstance(cmd, C.Step):
                if not self.runner.finished:
                    self._set_state("paused")
                    self.pending_steps += max(1, int(cmd.n))
            elif isinstance(cmd, C.SetValue):
                self.runner.apply(cmd)
                self.experiment_json = self.runner.experiment.to_json()
                self._dirty = True
            elif isinstance(cmd, C.SaveCheckpoint):
                self._save(cmd.path, best=getattr(cmd, "best", False))
            elif isinstance(cmd, C.RequestSnapshot):
                self._dirty = True
                self._send_snapshot()
        except ExplorerError as exc:
            self.emit("error" if isinstance(cmd, (C.Rebuild, C.RestoreCheckpoint)) else "message", exc.message)
            if isinstance(cmd, C.Rebuild) and self.runner is None:
                self._set_state("error")
        except Exception as exc:
            what = type(cmd).__name__
            detail = f"{type(exc).__name__}: {str(exc).splitlines()[0][:300] if str(exc) else ''}"
            self.emit("error", MSG.command_failed(command=what, detail=detail))
            if isinstance(cmd, C.Rebuild) and self.runner is None:
                self._set_state("error")

    def _set_visible(self, views: Optional[frozenset[str]]) -> None:
        """Build only the parts of these views from now on; a view that appears gets its part at once."""
        views = None if views is None else frozenset(views)
        if views == self.visible:
            return
        self.visible = views
        self._built_at.clear()  # a part shown again is built at once
        self._dirty = True
        if self.runner is not None:
            self._send_snapshot()

    def _parts_now(self, now: float) -> Optional[frozenset[str]]:
        """The parts to build in this snapshot: the visible ones, less the slow parts built less
        than their interval ago (while training; a paused run's snapshot has them all)."""
        if self.state != "running":
            self._built_at.clear()
            return self.visible
        wanted = DASHBOARD_VIEWS if self.visible is None else self.visible
        recent = {p for p, every in SLOW_PARTS.items() if p in wanted and now - self._built_at.get(p, -1e9) < every}
        for part in SLOW_PARTS.keys() & (wanted - recent):
            self._built_at[part] = now
        return wanted - recent if recent else self.visible

    def snapshot_due(self, now: float) -> bool:
        """Time for a snapshot: the configured interval has passed and, while training, the
        training done since the last one is at least (1 - B) / B times what a snapshot costs (B =
        SNAPSHOT_BUDGET): snapshots then take at most B of the trainer's time, whatever the network,
        the number of variants, or the other processes competing for the CPU. A snapshot overdue for
        MIN_SNAPSHOT_RATE (OVERDUE_S after the last one, or behind that rate's clock) may take up to
        SNAPSHOT_BUDGET_MAX instead."""
        if now - self._last_snapshot < self.snapshot_interval:
            return False
        if self.state != "running":
            return True
        trained = self.train_seconds - self._train_at_last

        def within(budget: float) -> bool:  # one more snapshot keeps its share at `budget` or below
            return trained * budget >= self._snapshot_cost * (1 - budget)

        overdue = now - self._last_snapshot >= OVERDUE_S or now >= self._frame_due
        return within(SNAPSHOT_BUDGET) or (overdue and within(SNAPSHOT_BUDGET_MAX))

    def snapshot_share(self) -> float:
        """The share of the trainer's CPU time spent building and sending snapshots since the last build."""
        busy = self.snapshot_seconds + self.train_seconds
        return self.snapshot_seconds / busy if busy > 0 else 0.0

    def _rebuild(self, cmd: C.Rebuild) -> None:
        from explorer.core.training import build_runner

        text = cmd.experiment_json or self.experiment_json
        if text is None:
            raise ExplorerError(MSG.nothing_to_rebuild())
        experiment = parse_experiment(text, "json")
        self.pending_steps = 0
        try:
            runner = build_runner(experiment)
        except ExplorerError as exc:  # e.g. a data file that cannot be read
            self._reject(exc.message)
            return
        except RuntimeError as exc:
            if is_out_of_memory(exc):
                self._reject(MSG.out_of_memory_building())
                return
            raise
        self._install(runner, start_paused=cmd.start_paused)

    def _reject(self, message: Message) -> None:
        """A rebuild that failed: keep the current run (if any) and say which settings it has."""
        if self.runner is None:
            raise ExplorerError(message)
        self.emit("rejected", {"message": message, "experiment_json": self.experiment_json})
        self._dirty = True
        self._send_snapshot()

    def _restore(self, cmd: C.RestoreCheckpoint) -> None:
        from explorer.core.io import load_checkpoint, restore_trainer

        runner = restore_trainer(load_checkpoint(cmd.path))  # raises CheckpointError; the old run stays
        # which snapshots are the checkpoint's: a host may still be waiting for an earlier rebuild's
        self.emit("restored", {"path": cmd.path, "generation": self.generation + 1})
        self._install(runner, start_paused=cmd.start_paused)
        self.emit("message", MSG.opened_checkpoint(path=cmd.path, epoch=runner.epoch, step=runner.step_count))

    def _inspect_step(self, cmd: InspectStep) -> None:
        """The Step inspector opened, closed or chose another layer or sample; kept for the next runner too."""
        self._inspection = cmd if cmd.open else None
        if self.runner is not None and hasattr(self.runner, "inspect_step"):
            self.runner.inspect_step(self._inspection)
            self._dirty = True

    def _install(self, runner: Any, start_paused: bool) -> None:
        self.runner = runner
        if self._inspection is not None and hasattr(runner, "inspect_step"):
            runner.inspect_step(self._inspection)
        self.pending_steps = 0
        self.experiment_json = runner.experiment.to_json()
        self.generation += 1
        self._frozen = False
        self._last_good = None
        self._steps_at_last = runner.step_count
        self._last_snapshot = time.perf_counter()
        self._frame_due = self._last_snapshot + OVERDUE_S
        self.snapshot_seconds = self.train_seconds = self._snapshot_cost = self._train_at_last = 0.0
        note = getattr(runner, "device_note", "")
        if note:
            self.emit("message", note)
        self._set_state("finished" if runner.finished else ("paused" if start_paused else "running"))
        self._dirty = True
        self._send_snapshot()

    def _save(self, path: str, best: bool = False) -> None:
        from explorer.core.io import save_checkpoint

        if not hasattr(self.runner, "variants"):
            raise ExplorerError(MSG.demonstration_no_weights())
        saved = save_checkpoint(self.runner, path, best=best)
        self.emit("checkpoint", str(saved))

    # -- training ---------------------------------------------------------------------
    def _train_chunk(self) -> None:
        runner = self.runner
        if runner is None:
            return
        started, cpu = time.perf_counter(), time.thread_time()
        deadline = started + CHUNK_SECONDS
        try:
            while not runner.finished:
                runner.step()
                self._dirty = True
                if self.pending_steps > 0:
                    self.pending_steps -= 1
                    if self.pending_steps == 0:
                        break
                if time.perf_counter() >= deadline:
                    break
        except ExplorerError as exc:
            self._fail(exc.message)
            return
        except RuntimeError as exc:
            if is_out_of_memory(exc):
                self._fail(MSG.out_of_memory_training())
                return
            self._fail(MSG.training_failed(detail=str(exc).splitlines()[0][:300]))
            return
        except Exception as exc:  # never take the host down with an unexpected error
            self._fail(MSG.training_failed(detail=f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}"))
            return
        finally:
            self.train_seconds += time.thread_time() - cpu
        if runner.finished:
            self.pending_steps = 0
            self._set_state("finished")
            self.emit("message", runner.status_line())
            self._send_snapshot()

    def _fail(self, message: Message) -> None:
        self.pending_steps = 0
        self._frozen = True
        self._set_state("error")
        self.emit("error", message)

    def _maybe_snapshot(self) -> None:
        if self.runner is None or not self._dirty:
            return
        if self.snapshot_due(time.perf_counter()):
            self._send_snapshot()

    def _send_snapshot(self) -> None:
        runner = self.runner
        if runner is None:
            return
        if self._frozen:
            self._send_last_good()
            return
        now, cpu = time.perf_counter(), time.thread_time()
        dt = now - self._last_snapshot
        steps = runner.step_count - self._steps_at_last
        if dt > 0 and steps > 0:
            rate = steps / dt
            self._sps = rate if self._sps == 0 else 0.7 * self._sps + 0.3 * rate
        elif self.state != "running":
            self._sps = 0.0
        self._last_snapshot = now
        # the clock moves on one frame; a run more than a frame behind owes one at once (no debt piles up)
        self._frame_due = max(self._frame_due + OVERDUE_S, now)
        self._steps_at_last = runner.step_count
        try:
            snap = runner.snapshot(
                state=self.state, steps_per_second=self._sps, generation=self.generation, parts=self._parts_now(now)
            )
        except ExplorerError as exc:
            self._fail(exc.message)
            return
        except Exception as exc:  # a bug in a probe must not end this loop (the window would lose its trainer)
            self._fail(MSG.snapshot_failed(detail=f"{type(exc).__name__}: {str(exc).splitlines()[0][:300]}"))
            return
        if isinstance(snap.extra, dict):  # what snapshots cost so far (`bench` reads them)
            snap.extra.update(
                snapshot_share=self.snapshot_share(),
                snapshot_seconds=self.snapshot_seconds,
                train_seconds=self.train_seconds,
            )
        bad = _first_nonfinite_variant(snap)
        if bad is not None and hasattr(runner, "divergence_error"):
            # The weights or an evaluation overflowed before a training loss did (the step after
            # would see it): stop here, as at a NaN loss, and keep the last good views.
            self._fail(runner.divergence_error(bad).message)
            self._send_last_good()
            return
        self._dirty = False
        if bad is None:
            self._last_good = snap
        self.emit("snapshot", snap)
        # building and sending (pickling, writing to the pipe) this one, in this thread's CPU time: the
        # work it costs, not the time other processes (or the GIL's other holders) took meanwhile
        cost = time.thread_time() - cpu
        self.snapshot_seconds += cost
        self._train_at_last = self.train_seconds
        self._snapshot_cost = cost if self._snapshot_cost == 0 else 0.8 * self._snapshot_cost + 0.2 * cost

    def _send_last_good(self) -> None:
        """The views keep the last good state; its settings, its variants' names and its state are the
        current ones (a variant renamed after the divergence is drawn under its new name)."""
        self._dirty = False
        self._last_snapshot = time.perf_counter()
        if self._last_good is None:
            return
        try:
            experiment_json = self.runner.experiment.to_json()
        except Exception:
            experiment_json = self._last_good.experiment_json
        variants = self._last_good.variants
        names = [getattr(run, "name", None) for run in getattr(self.runner, "variants", ())]
        if len(names) == len(variants) and all(isinstance(n, str) for n in names):
            variants = tuple(v if v.name == n else dataclasses.replace(v, name=n) for v, n in zip(variants, names))
        self.emit(
            "snapshot",
            dataclasses.replace(
                self._last_good,
                state=self.state,
                steps_per_second=0.0,
                experiment_json=experiment_json,
                variants=variants,
            ),
        )


LOSS_KEYS = ("train_loss", "val_loss", "test_loss")


def _first_nonfinite_variant(snap: Any) -> Optional[int]:
    """The first variant whose drawn numbers (fresh predictions, weight norms, recorded losses) are
    not all finite; None when every one is. (A weight that overflowed makes its layer's norm so.)"""
    import numpy as np

    try:
        fit = "fit" in getattr(snap, "parts", ("fit",))
        for i, v in enumerate(snap.variants):
            if fit and not np.isfinite(v.grid_prediction).all():
                return i
            if not all(np.isfinite(lin.weight_norm) for lin in v.linears):
                return i
            for key in LOSS_KEYS:
                column = np.asarray(v.history.get(key, ()), dtype=float)
                recorded = np.flatnonzero(~np.isnan(column))  # NaN before the first record: none yet
                if recorded.size and (np.isinf(column).any() or np.isnan(column[recorded[0] :]).any()):
                    return i
    except (AttributeError, TypeError):  # a demonstration's snapshot: nothing trained to diverge
        return None
    return None
