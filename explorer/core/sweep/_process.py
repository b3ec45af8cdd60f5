"""A sweep in a child process of its own, driven over a pipe: what the app's Sweep panel runs,
so the window stays live and the current run keeps its trainer.

Down the pipe: "pause", "resume", "cancel". Up: ("plan", total cells, cells already done,
memory MB), ("progress", fraction of the remaining work), ("chunk", rows of the finished
cells), ("live", rows of the cells training now, status "running", about once a second), ("done", every row), ("cancelled", every row so far) or ("error", message). Only
plain data crosses; the sweep folder is written by the child as the command line writes it.
"""

from __future__ import annotations

import time
from typing import Any

POLL_SECONDS = 0.05  # while paused: how often the pipe is read


def sweep_process_main(experiment: dict[str, Any], spec: dict[str, Any], out: str, conn: Any) -> None:
    """The child's entry point (multiprocessing, spawn)."""
    try:
        import torch

        torch.set_num_threads(1)
        from explorer.core.config import experiment_from_dict
        from explorer.core.sweep._chunk import ChunkCancelled
        from explorer.core.sweep._run import plan_sweep, run_sweep
        from explorer.core.sweep._spec import SweepSpec

        sweep_spec = SweepSpec.from_dict(spec, "sweep")
        plan = plan_sweep(experiment_from_dict(experiment), sweep_spec, out)
        conn.send(("plan", plan.total_cells, len(plan.done_cells), plan.memory_mb))
        state = {"paused": False, "cancel": False, "done_epochs": 0.0}
        total = sum(len(t.cells) for t in plan.tasks) or 1

        def read_commands() -> None:
            while conn.poll():
                command = conn.recv()
                if command == "pause":
                    state["paused"] = True
                elif command == "resume":
                    state["paused"] = False
                elif command == "cancel":
                    state["cancel"] = True

        def should_stop() -> bool:
            read_commands()
            while state["paused"] and not state["cancel"]:
                time.sleep(POLL_SECONDS)
                read_commands()
            return bool(state["cancel"])

        last = [0.0]

        def on_epoch(task: Any, epoch: int, total_epochs: int) -> None:
            state["done_epochs"] += len(task.cells) / max(1, total_epochs)
            now = time.monotonic()
            if now - last[0] > 0.2:
                last[0] = now
                conn.send(("progress", min(1.0, state["done_epochs"] / total)))

        rows: list[dict[str, Any]] = list(plan.folder.rows) if plan.folder is not None else []
        try:
            rows = run_sweep(
                plan,
                should_stop=should_stop,
                on_epoch=on_epoch,
                on_chunk=lambda r: conn.send(("chunk", r.rows)),
                on_live=lambda task, live: conn.send(("live", live)),
            )
        except ChunkCancelled:
            conn.send(("cancelled", plan.folder.rows if plan.folder is not None else []))
            return
        conn.send(("done", rows))
    except Exception as exc:
        try:
            conn.send(("error", str(exc)))
        except (OSError, ValueError):
            pass
    finally:
        try:
            conn.close()
        except OSError:
            pass
