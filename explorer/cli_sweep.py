"""`python -m explorer sweep`: a grid of settings x seeds, trained headless into a sweep folder.

    python -m explorer sweep (--preset NAME | FILE) --out DIR --axis PATH=SPEC [--axis PATH=SPEC]
                             [--seeds N] [--epochs N] [--metric M] [--figures png,svg,pdf]

The axes and seeds may also come from the experiment file's [sweep] table; --axis replaces
its axes, --seeds its seeds. Rerunning the same command on the same folder skips finished
cells; Ctrl+C keeps every finished cell on disk.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import Any, Optional

from explorer.cli_cluster import add_cluster_options, cluster_executor, cluster_started, say_workers


def add_parser(sub: Any) -> None:
    p = sub.add_parser("sweep", help="train a grid of settings x seeds headless into a resumable sweep folder")
    src = p.add_mutually_exclusive_group(required=False)
    src.add_argument("--preset", help="a built-in preset name")
    src.add_argument("file", nargs="?", help="an experiment file (.json or .toml), optionally with a [sweep] table")
    p.add_argument("--out", required=True, help="the sweep folder (rerun on it to resume)")
    p.add_argument(
        "--axis",
        action="append",
        default=[],
        metavar="PATH=SPEC",
        help="a swept field and its values: 0,1e-4,1e-3 or log:START:STOP:N or lin:START:STOP:N "
        "(once or twice; e.g. regularization.l2_lambda=log:1e-5:1e-1:9, "
        "network.layers.*.dropout_p=lin:0:0.8:9)",
    )
    p.add_argument(
        "--seeds",
        type=int,
        help="replicates per cell (seed, seed+1, ...); default: the [sweep] table's, else training.replicates",
    )
    p.add_argument("--epochs", type=int, help="override training.epochs")
    p.add_argument("--metric", help="what the summary and figures show (default final_test_loss)")
    p.add_argument("--max-memory-mb", type=float, help="memory limit of one stacked chunk (default 2048)")
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="PATH=VALUE",
        help="set any field of the experiment first (repeatable)",
    )
    p.add_argument("--figures", metavar="FORMATS", help="write OUT/figures/sweep.<fmt>: comma list of png, svg, pdf")
    p.add_argument("--quiet", action="store_true", help="no progress output")
    add_cluster_options(p)


def resolve_spec(args: argparse.Namespace, experiment: Any) -> Any:
    """The experiment's [sweep] table, with --axis replacing its axes and --seeds its seeds;
    seeds default to training.replicates."""
    from explorer.core.sweep import SweepSpec, parse_axis
    from explorer.core.sweep._messages import MSG, SweepError

    table = dict(experiment.sweep or {})
    if args.axis:
        table["axes"] = [
            {"path": a.path, "values": list(a.values), "spec": a.spec} for a in (parse_axis(text) for text in args.axis)
        ]
    if args.seeds is not None:
        table["seeds"] = args.seeds
    table.setdefault("seeds", experiment.training.replicates)
    if args.metric is not None:
        table["metric"] = args.metric
    if args.max_memory_mb is not None:
        table["max_memory_mb"] = args.max_memory_mb
    if not table.get("axes"):
        raise SweepError(MSG.no_axes())
    return SweepSpec.from_dict(table, "sweep")


def check_sweep_table(experiment: Any) -> str:
    """The [sweep] table checked like a sweep checks it before training; a summary of the grid."""
    from explorer.core.sweep import SweepSpec
    from explorer.core.sweep._plan import check_values, sweep_base

    table = dict(experiment.sweep)
    table.setdefault("seeds", experiment.training.replicates)
    spec = SweepSpec.from_dict(table, "sweep")
    check_values(sweep_base(experiment, spec), spec)
    axes = " x ".join(f"{a.path} ({len(a.values)})" for a in spec.axes)
    return f"sweep {axes} = {len(spec.cells())} cells x {spec.seeds} seeds"


def _experiment(args: argparse.Namespace) -> Any:
    from explorer.core.config import load_experiment, load_preset, parse_assignment
    from explorer.core.sweep._messages import MSG, SweepError

    if args.preset:
        exp = load_preset(args.preset)
    elif args.file:
        exp = load_experiment(args.file)
    else:
        raise SweepError(MSG.no_experiment())
    if args.set:
        exp = exp.with_values(dict(parse_assignment(t) for t in args.set))
    return exp


def _describe_cell(spec: Any, stats: Any, metric: str) -> str:
    values = ", ".join(f"{p}={v:g}" for p, v in stats.values.items())
    if not math.isfinite(stats.mean):
        return f"{values}: diverged (seeds {', '.join(map(str, stats.diverged))})"
    spread = f" \u00b1 {stats.sd:.3g} (SD over {stats.n} seeds)" if stats.n > 1 else ""
    diverged = f"; diverged: seeds {', '.join(map(str, stats.diverged))}" if stats.diverged else ""
    return f"{values}: {metric} {stats.mean:.4g}{spread}{diverged}"


def cmd_sweep(args: argparse.Namespace) -> int:
    import os
    import time

    import torch

    from explorer.core.sweep import ChunkCancelled, additivity, best_cell, cell_stats, plan_sweep, run_sweep

    figures = _figure_formats(args.figures)
    torch.set_num_threads(int(os.environ.get("EXPLORER_TRAINER_THREADS", "1")))
    experiment = _experiment(args)
    spec = resolve_spec(args, experiment)
    executor = cluster_executor(args)  # None: this process
    plan = plan_sweep(experiment, spec, Path(args.out), epochs=args.epochs, executor=executor)
    out = Path(args.out)
    say = (lambda text: None) if args.quiet else (lambda text: print(text, file=sys.stderr, flush=True))
    total, done = plan.total_cells, len(plan.done_cells)
    say(
        f"sweep: {total} cells x {spec.seeds} seeds in {len(plan.tasks)} chunks "
        f"(largest about {plan.memory_mb:.0f} MB); {done} cells already in {out}"
    )
    tty = sys.stderr.isatty() and not args.quiet
    bar = None
    if tty and plan.tasks:
        from tqdm import tqdm

        bar = tqdm(
            total=plan.todo_cells,
            initial=0,
            unit="cell",
            file=sys.stderr,
            dynamic_ncols=True,
            leave=False,
            bar_format="{l_bar}{bar}| {n:.1f}/{total} cells [{elapsed}<{remaining}]",
        )

    chunk_of = {id(task): i + 1 for i, task in enumerate(plan.tasks)}

    def on_epoch(task: Any, epoch: int, total_epochs: int) -> None:
        if bar is not None and total_epochs:
            bar.update(len(task.cells) / total_epochs)
        elif total_epochs and epoch * 10 // total_epochs != (epoch - 1) * 10 // total_epochs and epoch < total_epochs:
            # not a terminal: a line at every tenth of a chunk, so a log shows that it lives
            say(
                f"chunk {chunk_of.get(id(task), '?')}/{len(plan.tasks)} ({len(task.cells)} cells x {spec.seeds} "
                f"seeds): epoch {epoch}/{total_epochs} [{time.perf_counter() - started:.0f} s]"
            )

    finished = [done]
    started = time.perf_counter()

    def on_chunk(result: Any) -> None:
        stats = cell_stats(result.rows, spec.metric)
        for key in result.cells:
            finished[0] += 1
            line = f"cell {finished[0]}/{total} " + _describe_cell(spec, stats[key], spec.metric)
            if bar is not None:
                bar.write(line, file=sys.stderr)
            else:
                elapsed = time.perf_counter() - started
                left = (plan.todo_cells - (finished[0] - done)) * elapsed / max(1, finished[0] - done)
                say(f"{line} [{elapsed:.0f} s, about {left:.0f} s left]")

    try:
        with cluster_started(executor if plan.tasks else None, say):
            rows = run_sweep(plan, executor, on_epoch=on_epoch, on_chunk=on_chunk)
    except (KeyboardInterrupt, ChunkCancelled):
        if bar is not None:
            bar.close()
        print(
            f"interrupted: {len(plan.folder.done()) if plan.folder else 0} of {total} cells are in {out}; "
            "rerun the same command to go on",
            file=sys.stderr,
        )
        return 130
    finally:
        if bar is not None:
            bar.close()
    if not args.quiet:
        say_workers(executor)
    stats = cell_stats(rows, spec.metric)
    best = best_cell(stats, spec.metric)
    print(f"wrote sweep.csv, sweep.json to {out}")
    if best is not None:
        print(f"best: {_describe_cell(spec, best, spec.metric)}")
    add = additivity(spec, rows, spec.metric)
    if add is not None:
        print(
            "additivity: "
            + str(add.message(_cell_words(spec, stats[add.cell_a]), _cell_words(spec, stats[add.cell_b])))
        )
    if figures:
        from explorer.gui.sweep_figures import write_sweep_figures

        for path in write_sweep_figures(out, figures):
            print(f"wrote {path}")
    return 0


def _cell_words(spec: Any, stats: Any) -> str:
    return ", ".join(f"{p}={v:g}" for p, v in stats.values.items() if v != 0) or "none"


def _figure_formats(text: Optional[str]) -> tuple[str, ...]:
    if not text:
        return ()
    from explorer.core.protocol import ExplorerError

    formats = tuple(f.strip().lower() for f in text.split(",") if f.strip())
    bad = [f for f in formats if f not in ("png", "svg", "pdf")]
    if bad or not formats:
        raise ExplorerError(f"--figures: {', '.join(bad) or text!r} is not a figure format; use png, svg, pdf")
    return formats
