"""Command line: the GUI by default, and headless subcommands that call the core.

    python -m explorer [--preset NAME] [--play] [--lang en|zh_CN] [FILE | CHECKPOINT.pt]
    python -m explorer presets
    python -m explorer check FILE
    python -m explorer data list | fetch fashion-mnist|mnist [--mirror URL] | import fashion-mnist|mnist FOLDER
    python -m explorer run (--preset NAME | FILE) --out DIR [--epochs N] [--seed S]
                           [--device auto|cpu|cuda] [--resume CHECKPOINT] [--set path=value ...]
                           [--tensorboard LOGDIR [--tensorboard-histograms N]]
                           [--figures png,svg,pdf] [--animation gif|mp4]   (offscreen, no display needed)
                           [--mc-passes T]   (dropout at test time: the band and figures/mc_dropout.<fmt>)

Bad input ends with a one-line error and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Optional, Sequence

from explorer import __version__
from explorer.cli_data import add_data_parser, cmd_data
from explorer.core.protocol import ConfigError, ExplorerError

SUBCOMMANDS = ("presets", "check", "run", "sweep", "bench", "data", "lesson")
INTERRUPTED = 130  # the shell's code for Ctrl+C; the run's files were written, marked interrupted


def _gui_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m explorer",
        description="Regularization Explorer: see overfitting and regularization live. "
        f"Headless subcommands: {', '.join(SUBCOMMANDS)} (use SUBCOMMAND --help).",
    )
    p.add_argument("experiment", nargs="?", help="an experiment file (.json or .toml) or a checkpoint (.pt) to open")
    p.add_argument("--preset", help="open a built-in preset (see `python -m explorer presets`)")
    p.add_argument("--play", action="store_true", help="start training at once")
    p.add_argument("--lang", choices=("en", "zh_CN"), help="user-interface language for this start")
    p.add_argument("--thread-host", action="store_true", help="train in a thread instead of a child process")
    p.add_argument("--version", action="version", version=f"regularization-explorer {__version__}")
    return p


from explorer.cli_sweep import add_parser as add_sweep_parser  # noqa: E402
from explorer.cli_sweep import cmd_sweep  # noqa: E402


def _headless_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m explorer")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("presets", help="list the built-in presets")
    check = sub.add_parser("check", help="validate an experiment file without training")
    check.add_argument("file")
    add_sweep_parser(sub)
    lesson = sub.add_parser(
        "lesson", help="train a preset (or file) at its lesson seeds and check its claims; exit 1 if one fails"
    )
    what = lesson.add_mutually_exclusive_group(required=True)
    what.add_argument("--preset", help="a built-in preset name")
    what.add_argument("file", nargs="?", help="an experiment file with a [lesson] table")
    run = sub.add_parser("run", help="train an experiment headless and write its results")
    src = run.add_mutually_exclusive_group(required=False)
    src.add_argument("--preset", help="a built-in preset name")
    src.add_argument("file", nargs="?", help="an experiment file (.json or .toml)")
    run.add_argument("--out", required=True, help="output folder")
    run.add_argument("--epochs", type=int, help="override training.epochs")
    run.add_argument("--seed", type=int, help="override training.seed")
    run.add_argument("--device", choices=("auto", "cpu", "cuda"), help="override training.device")
    run.add_argument("--resume", help="continue from this checkpoint")
    run.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="PATH=VALUE",
        help="set any field, e.g. regularization.l2_lambda=1e-3, or one variant's: "
        "'variants[p = 0.5].network.layers.0.dropout_p=0.8' (by name or index; repeatable)",
    )
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    add_data_parser(sub)
    bench = sub.add_parser(
        "bench",
        help="measure training speed, GUI fluidity, start-up and memory "
        "(ratios against a bare PyTorch loop run in the same process)",
    )
    bench.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    bench.add_argument("--seconds", type=float, default=8.0, help="length of each comparison (default 8)")
    bench.add_argument("--repeats", type=int, default=5, help="alternating bursts per comparison (default 5)")
    bench.add_argument(
        "--rss-steps",
        type=int,
        default=1_000_000,
        help="training steps for the memory figure (default 1,000,000; 0 skips it)",
    )
    bench.add_argument("--no-gui", action="store_true", help="only the headless (core) figures")
    bench.add_argument(
        "--no-fashion",
        action="store_true",
        help="skip the Fashion-MNIST epoch and peak-memory figures (synthetic images of the same size when "
        "the set is not cached)",
    )
    bench.add_argument(
        "--no-dask", action="store_true", help="skip the cluster figures (they start local Dask worker processes)"
    )
    bench.add_argument(
        "--quick",
        action="store_true",
        help="short bursts, one start-up, no memory, Fashion-MNIST, sweep or cluster figures: under 3 minutes, "
        "for a developer's loop",
    )
    run.add_argument(
        "--tensorboard",
        metavar="LOGDIR",
        help="also write TensorBoard event files to LOGDIR (a value is required; relative to the "
        "current folder, e.g. --tensorboard OUT/tensorboard), one run folder per variant; view "
        "them with `tensorboard --logdir LOGDIR`. Needs the tensorboard extra: "
        "pip install 'regularization-explorer[tensorboard]'",
    )
    run.add_argument(
        "--tensorboard-histograms",
        type=int,
        default=10,
        metavar="N",
        help="with --tensorboard: weight and gradient histograms every N evaluations (and at the end; default 10)",
    )
    media = run.add_argument_group("figures and animations (drawn offscreen by the app's views; no display needed)")
    media.add_argument(
        "--figures",
        metavar="FORMATS",
        help="write OUT/figures/<view>.<fmt> for every view, plus dashboard.<fmt>, from the "
        "final state; FORMATS is a comma list of png, svg, pdf",
    )
    media.add_argument(
        "--figure-scale",
        type=float,
        default=2.0,
        metavar="S",
        help="PNG pixels per layout pixel (default 2: a view is 2000x1280 pixels)",
    )
    media.add_argument(
        "--figure-style",
        choices=("screen", "print"),
        default="screen",
        help="print: white background, black ink, no grid (default: screen)",
    )
    media.add_argument(
        "--animation",
        choices=("gif", "mp4"),
        help="also record the dashboard while training into OUT/animation.gif or .mp4",
    )
    media.add_argument(
        "--animation-every",
        type=int,
        metavar="K",
        help="one frame every K epochs (and the last); default: about 100 frames per run",
    )
    media.add_argument(
        "--animation-fps", type=float, default=10.0, metavar="F", help="frames per second of the animation (default 10)"
    )
    media.add_argument(
        "--mc-passes",
        type=int,
        metavar="T",
        help="dropout at test time: draw T passes with dropout on (1 to 1000) for the fit view's band in the "
        "figures and animation, and write OUT/figures/mc_dropout.<fmt> (|MC mean - eval output| against T)",
    )
    media.add_argument(
        "--frame-size",
        default="1280x720",
        metavar="WxH",
        help="layout size of the dashboard for figures and animation frames (default 1280x720)",
    )
    return p


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def cmd_presets() -> int:
    from explorer.core.config import list_presets

    for info in list_presets():
        print(f"{info.name:26s} {info.title}")
        if info.description:
            print(f"{'':26s} {info.description}")
    return 0


def cmd_check(path: str) -> int:
    from explorer.core.config import load_experiment

    try:
        exp = load_experiment(path)
        exp.resolved_variants()
    except ConfigError as exc:
        print(f"{path}: {len(exc.problems)} problem(s)", file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 2
    names = ", ".join(exp.variant_names())
    sweep = ""
    if exp.sweep is not None:  # the [sweep] table: every axis and value checked, nothing trained
        from explorer.cli_sweep import check_sweep_table

        sweep = f"; {check_sweep_table(exp)}"
    print(
        f"{path}: OK ({exp.kind}; dataset {exp.dataset.kind}; "
        f"{len(exp.network.layers)} hidden layers; variants: {names}{sweep})"
    )
    return 0


def _resolve_experiment(args: argparse.Namespace) -> Any:
    from explorer.core.config import apply_settings, load_experiment, load_preset, parse_assignment

    if args.preset:
        from explorer.core.data import prefer_cached_data

        exp = prefer_cached_data(load_preset(args.preset))  # the d2l lessons: Fashion-MNIST when cached
    elif args.file:
        exp = load_experiment(args.file)
    elif args.resume:
        from explorer.core.io import load_checkpoint

        exp = load_checkpoint(args.resume)["experiment"]
    else:
        raise ConfigError(["run needs --preset NAME, an experiment FILE, or --resume CHECKPOINT"])
    assignments: dict[str, Any] = {}
    for text in args.set:
        path, value = parse_assignment(text)
        assignments[path] = value
    if args.epochs is not None:
        assignments["training.epochs"] = args.epochs
    if args.seed is not None:
        assignments["training.seed"] = args.seed
    if args.device is not None:
        assignments["training.device"] = args.device
    if getattr(args, "mc_passes", None) is not None:
        assignments["views.test_time_passes"] = args.mc_passes
    if not assignments:
        return exp
    exp, notes = apply_settings(exp, assignments)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    return exp


def cmd_run(args: argparse.Namespace) -> int:
    import os

    if not args.out.strip():
        return _fail('--out "": name the output folder (an empty name would write into the current folder)')
    if args.mc_passes is not None and not 1 <= args.mc_passes <= 1000:
        return _fail(f"--mc-passes: T must be from 1 to 1000 (got {args.mc_passes})")
    media = _media(args, Path(args.out))  # a bad --figures/--animation option fails before torch loads
    import torch

    from explorer.core.io import run_headless

    # The small nets of the presets train fastest on one thread (2.5x faster than two
    # here); the app's trainer process does the same.
    torch.set_num_threads(int(os.environ.get("EXPLORER_TRAINER_THREADS", "1")))

    experiment = _resolve_experiment(args)
    out = Path(args.out)
    if args.tensorboard_histograms < 1:
        return _fail("--tensorboard-histograms must be at least 1")
    tensorboard = Path(args.tensorboard) if args.tensorboard else None
    try:
        if media is not None:
            media.open()  # Qt and the animation file, before training: problems show at once
        result = run_headless(
            experiment,
            out,
            resume=args.resume,
            progress=not args.quiet,
            tensorboard=tensorboard,
            tensorboard_histogram_every=args.tensorboard_histograms,
            observer=None if media is None else media.observe,
        )
        print(result.describe())
        if result.interrupted:
            return INTERRUPTED
        if media is not None:
            produced = media.finish()
            if produced.describe():
                print(produced.describe())
            if produced.problems:
                return _fail("; ".join(produced.problems) + " (the run's other files were written)")
    finally:
        if media is not None:
            media.close()
    return 0


def _media(args: argparse.Namespace, out: Path) -> Any:
    """A HeadlessMedia for --figures / --animation (None without them), options checked, not open yet."""
    if not args.figures and not args.animation:
        return None
    import importlib.util

    missing = [m for m in ("PySide6", "pyqtgraph") if importlib.util.find_spec(m) is None]
    if missing:
        raise ExplorerError(
            f"--figures and --animation need {' and '.join(missing)} (pip install "
            "regularization-explorer installs them)"
        )
    from explorer.gui.headless import FIGURE_FORMATS, HeadlessMedia, parse_formats, parse_size

    figures = parse_formats(args.figures, FIGURE_FORMATS, "figure") if args.figures else ()
    return HeadlessMedia(
        out,
        figures=figures,
        animation=args.animation,
        every=args.animation_every,
        fps=args.animation_fps,
        size=parse_size(args.frame_size),
        scale=args.figure_scale,
        style=args.figure_style,
    )


def cmd_bench(args: argparse.Namespace) -> int:
    import os
    import time

    from explorer.core.io import bench
    from explorer.core.util import atomic_write_text

    began = time.perf_counter()
    seconds, repeats, rss_steps, startups = args.seconds, args.repeats, args.rss_steps, 3
    if args.quick:
        seconds, repeats, rss_steps, startups = min(seconds, 2.0), min(repeats, 3), 0, 1
    figures = bench.run_all(seconds, repeats, fashion=not (args.no_fashion or args.quick))
    if not args.quick:
        from explorer.core.sweep._bench import run_sweep_figures

        figures.update(run_sweep_figures(seconds, repeats))
    if not args.no_gui:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from explorer.gui import bench_gui

        figures.update(bench_gui.live_figures(1.5 * seconds, max(2, repeats // 2)))
        figures.update(bench_gui.startup(startups))
        if rss_steps > 0:
            figures.update(bench_gui.rss_growth(rss_steps))
    if not (args.no_dask or args.quick):  # sweeps on an embedded Dask cluster (explorer.core.sweep._dask_bench)
        from explorer.core.sweep._dask_bench import run_dask_figures

        figures.update(run_dask_figures(seconds, repeats))
    figures["bench_seconds"] = round(time.perf_counter() - began, 1)
    print(bench.table(figures))
    print(f"bench took {figures['bench_seconds']:.0f} s")
    if args.json:
        atomic_write_text(args.json, json.dumps(figures, indent=1) + "\n")
    return 0


def cmd_lesson(args: argparse.Namespace) -> int:
    """Every claim of the lesson with its numbers per seed (the slow lesson test runs the same)."""
    import os

    import torch

    from explorer.core.config import load_experiment, load_preset
    from explorer.core.io import check_lesson

    torch.set_num_threads(int(os.environ.get("EXPLORER_TRAINER_THREADS", "1")))
    exp = load_preset(args.preset) if args.preset else load_experiment(args.file)
    name = args.preset or Path(args.file).name
    report = check_lesson(exp, name, progress=lambda text: print(text, file=sys.stderr, flush=True))
    print(report.describe())
    for line in report.failures():
        print(f"fails: {line}", file=sys.stderr)
    return 0 if report.held else 1


def _headless(argv: list[str]) -> int:
    args = _headless_parser().parse_args(argv)
    try:
        if args.command == "presets":
            return cmd_presets()
        if args.command == "check":
            return cmd_check(args.file)
        if args.command == "bench":
            return cmd_bench(args)
        if args.command == "data":
            return cmd_data(args)
        if args.command == "sweep":
            return cmd_sweep(args)
        if args.command == "lesson":
            return cmd_lesson(args)
        return cmd_run(args)
    except ConfigError as exc:
        return _fail("; ".join(exc.problems))
    except ExplorerError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted")
    except Exception as exc:
        return _fail(_unexpected(exc, argv))


def _unexpected(exc: BaseException, argv: list[str]) -> str:
    """One line for an error we did not foresee, pointing to a full report file (traceback, versions)."""
    import datetime
    import os
    import platform
    import tempfile
    import traceback

    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    report = Path(tempfile.gettempdir()) / f"regularization-explorer-error-{stamp}-{os.getpid()}.txt"
    text = (
        f"regularization-explorer {__version__}, Python {platform.python_version()}, {platform.platform()}\n"
        f"command: python -m explorer {' '.join(argv)}\n\n"
        + "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    )
    first = (str(exc).splitlines() or [""])[0][:200]
    what = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
    if isinstance(exc, MemoryError):
        what = "out of memory (MemoryError)"
    try:
        report.write_text(text, encoding="utf-8")
    except OSError as err:
        return f"unexpected {what} (no report written: {err.strerror or err})"
    return f"unexpected {what}; the full report is in {report}"


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        return _headless(argv)
    args = _gui_parser().parse_args(argv)
    if args.preset and args.experiment:
        return _fail("give either --preset or an experiment file, not both")
    if not args.thread_host:
        from explorer.core.session import prestart

        prestart()  # the trainer imports torch while Qt starts and the window is built
    try:
        from explorer.gui.app import run_app
    except ImportError as exc:
        return _fail(f"the desktop app needs PySide6, pyqtgraph and qasync ({exc})")
    return run_app(
        preset=args.preset,
        experiment_path=args.experiment,
        play=args.play,
        lang=args.lang,
        host_mode="thread" if args.thread_host else "process",
    )


if __name__ == "__main__":
    raise SystemExit(main())
