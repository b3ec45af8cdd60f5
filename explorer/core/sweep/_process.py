"""A sweep in a child process of its own, driven over a pipe: what the app's Sweep panel runs,
so the window stays live and the current run keeps its trainer.

Down the pipe: "pause", "resume", "cancel". Up: ("plan", total cells, cells already done,
memory MB), ("progress", fraction of the remaining work), ("chunk", rows of the finished
cells), ("live", rows of the cells training now, status "running", about once a second),
("workers", worker addresses, cells done per worker) when the chunks run on a Dask cluster
(`place`, a SweepPlace as a dict), ("done", every row), ("cancelled", every row so far) or
("error", message). Only
plain data crosses; the sweep folder is written by the child as the command line writes it.
"""

from __future__ import annotations

import time
from typing import Any, Optional

POLL_SECONDS = 0.05  # while paused: how often the pipe is read


def sweep_process_main(
    experiment: dict[str, Any], spec: dict[str, Any], out: str, conn: Any, place: Optional[dict[str, Any]] = None
) -> None:
    """The child's entry point (multiprocessing, spawn)."""
    executor: Any = None
    try:
        import torch

        torch.set_num_threads(1)
        from explorer.core.config import experiment_from_dict
        from explorer.core.sweep._chunk import ChunkCancelled
        from explorer.core.sweep._place import SweepPlace
        from explorer.core.sweep._run import plan_sweep, run_sweep
        from explorer.core.sweep._spec import SweepSpec

        sweep_spec = SweepSpec.from_dict(spec, "sweep")
        executor = SweepPlace.from_dict(place).executor()  # None: this process
        plan = plan_sweep(experiment_from_dict(experiment), sweep_spec, out, executor=executor)
        conn.send(("plan", plan.total_cells, len(plan.done_cells), plan.memory_mb))

        def send_workers() -> None:
            if executor is not None:
                conn.send(("workers", executor.worker_addresses(), dict(executor.cells_by_worker)))

        if executor is not None and plan.tasks:
            executor.start()
            send_workers()
        state = {"paused": False, "cancel": False, "done_epochs": 0.0}
        total = sum(len(t.cells) for t in plan.tasks) or 1

        def read_commands() -> None:
            while conn.poll():
                command = conn.recv()
                if command == "pause":
                    state["paused"] = True
                    if executor is not None:  # the workers hold their chunks too
                        executor.pause()
                elif command == "resume":
                    state["paused"] = False
                    if executor is not None:
                        executor.resume()
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

        def on_chunk(result: Any) -> None:
            conn.send(("chunk", result.rows))
            send_workers()

        try:
            rows = run_sweep(
                plan,
                executor,
                should_stop=should_stop,
                on_epoch=on_epoch,
                on_chunk=on_chunk,
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
        if executor is not None:
            executor.close()
        try:
            conn.close()
        except OSError:
            pass
