"""Command line: the GUI by default, and headless subcommands that call the core.

    python -m explorer [--preset NAME] [--play] [--lang en|zh_CN] [FILE | CHECKPOINT.pt]
    python -m explorer presets
    python -m explorer check FILE
    python -m explorer run (--preset NAME | FILE) --out DIR [--epochs N] [--seed S]
                           [--device auto|cpu|cuda] [--resume CHECKPOINT] [--set path=value ...]
                           [--tensorboard LOGDIR [--tensorboard-histograms N]]
                           [--figures png,svg,pdf] [--animation gif|mp4]   (offscreen, no display needed)

Bad input ends with a one-line error and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Optional, Sequence

from explorer import __version__
from explorer.core.protocol import ConfigError, ExplorerError

SUBCOMMANDS = ("presets", "check", "run", "bench")


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


def _headless_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m explorer")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("presets", help="list the built-in presets")
    check = sub.add_parser("check", help="validate an experiment file without training")
    check.add_argument("file")
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
        help="set any field, e.g. network.layers.0.dropout_p=0.5 (repeatable)",
    )
    run.add_argument("--quiet", action="store_true", help="no progress bar")
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
        "--quick",
        action="store_true",
        help="short bursts, one start-up, no memory figure: under 3 minutes, for a developer's loop",
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
    print(
        f"{path}: OK ({exp.kind}; dataset {exp.dataset.kind}; "
        f"{len(exp.network.layers)} hidden layers; variants: {names})"
    )
    return 0


def _resolve_experiment(args: argparse.Namespace) -> Any:
    from explorer.core.config import load_experiment, load_preset, parse_assignment

    if args.preset:
        exp = load_preset(args.preset)
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
    return exp.with_values(assignments) if assignments else exp


def cmd_run(args: argparse.Namespace) -> int:
    import os

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
    figures = bench.run_all(seconds, repeats)
    if not args.no_gui:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from explorer.gui import bench_gui

        figures.update(bench_gui.live_figures(1.5 * seconds, max(2, repeats // 2)))
        figures.update(bench_gui.startup(startups))
        if rss_steps > 0:
            figures.update(bench_gui.rss_growth(rss_steps))
    figures["bench_seconds"] = round(time.perf_counter() - began, 1)
    print(bench.table(figures))
    print(f"bench took {figures['bench_seconds']:.0f} s")
    if args.json:
        atomic_write_text(args.json, json.dumps(figures, indent=1) + "\n")
    return 0


def _headless(argv: list[str]) -> int:
    args = _headless_parser().parse_args(argv)
    try:
        if args.command == "presets":
            return cmd_presets()
        if args.command == "check":
            return cmd_check(args.file)
        if args.command == "bench":
            return cmd_bench(args)
        return cmd_run(args)
    except ConfigError as exc:
        return _fail("; ".join(exc.problems))
    except ExplorerError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted")


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
