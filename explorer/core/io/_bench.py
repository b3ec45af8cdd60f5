"""Speed figures of the trainer, each a ratio against a plain PyTorch loop run in the same process.

Qt-free: tests/benchmarks prints them as tables and `python -m explorer bench`
can write them as JSON. Every function returns a flat dict of numbers (and a
few strings); the keys named in issue 5 are `compare8_vs_sequential` and
`mlp_vs_bare`; `trainer_vs_bare` is the headless counterpart of `live_vs_bare`.

How: the two loops being compared run in alternating bursts of about
`burst_seconds` each, `repeats` pairs in all, so that load from other
processes hits both alike; a ratio is the median over the pairs of
rate_b / rate_a, a rate the median over its bursts. Each burst is timed by the
wall clock and by this process's CPU time; the CPU-time ratio is the one to
trust on a busy machine (a single torch thread is all either loop uses).
torch runs on one thread, as the trainer's child process does.
"""

from __future__ import annotations

import math
import platform
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

import numpy as np
import torch
from torch import nn

from explorer.core.config import Experiment, load_preset
from explorer.core.data import Dataset, build_dataset, samples_dataset
from explorer.core.training import Trainer

MNIST_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "mnist"  # beside the project
FOREVER = 10_000_000  # epochs: the trainers never finish during a benchmark
NEVER = 1_000_000  # eval_every: no evaluation during a benchmark (the schema's maximum)

Step = Callable[[], int]  # one unit of work; returns how many items (steps, samples) it did


@contextmanager
def torch_threads(n: int) -> Iterator[None]:
    before = torch.get_num_threads()
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def _burst(step: Step, seconds: float) -> tuple[float, float]:
    """(items per wall second, items per CPU second) over about `seconds`."""
    items = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    while True:
        items += step()
        wall = time.perf_counter() - wall0
        if wall >= seconds:
            break
    cpu = max(time.process_time() - cpu0, 1e-9)
    return items / wall, items / cpu


def compare(a: Step, b: Step, *, repeats: int, burst_seconds: float, warmup: int = 3) -> dict[str, float]:
    """Rates of a and b in alternating bursts, and the median ratio b / a."""
    for _ in range(warmup):
        a()
        b()
    rows = []
    for _ in range(repeats):
        rows.append(_burst(a, burst_seconds) + _burst(b, burst_seconds))
    wa, ca, wb, cb = (np.array(col) for col in zip(*rows))
    return {
        "a": float(np.median(wa)),
        "b": float(np.median(wb)),
        "ratio": float(np.median(wb / wa)),
        "ratio_cpu": float(np.median(cb / ca)),
        "ratio_min": float(np.min(wb / wa)),
        "ratio_max": float(np.max(wb / wa)),
    }


def _steps(trainer: Trainer) -> Step:
    def step() -> int:
        trainer.step()
        return 1

    return step


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "torch": torch.__version__,
        "torch_cpu_capability": torch.backends.cpu.get_cpu_capability(),
        "python": platform.python_version(),
    }


# -- the headline net: 1-200-200-200-1, dropout 0.5, 10 points -------------------------------------------


def regression_preset(**values: Any) -> Experiment:
    """The dropout-regression preset (EXPERIMENTS.md #1) without variants, never finishing."""
    return load_preset("dropout-regression").with_values(
        {"variants": [], "training.epochs": FOREVER, "training.device": "cpu", **values}
    )


def bare_regression_loop(exp: Experiment) -> Step:
    """What a script would write: nn.Sequential with nn.Dropout, SGD with momentum, MSE, full batch."""
    ds = build_dataset(exp.dataset)
    x, y = ds.x_train, ds.y_train
    layers: list[nn.Module] = []
    width = x.shape[1]
    for layer in exp.network.layers:
        layers += [nn.Linear(width, layer.width), nn.ReLU(), nn.Dropout(layer.dropout_p)]
        width = layer.width
    layers.append(nn.Linear(width, 1))
    torch.manual_seed(exp.training.seed)
    net = nn.Sequential(*layers)
    opt = torch.optim.SGD(net.parameters(), lr=exp.optimizer.lr, momentum=exp.optimizer.momentum)
    loss_fn = nn.MSELoss()

    def step() -> int:
        opt.zero_grad()
        loss_fn(net(x), y).backward()
        opt.step()
        return 1

    return step


def trainer_vs_bare(seconds: float = 6.0, repeats: int = 9) -> dict[str, Any]:
    """Trainer.step on the dropout-regression preset (no variants) against the bare loop, in
    steps per second; with the engine (the default) and with the per-model path."""
    exp = regression_preset()
    burst = seconds / (4 * repeats)
    with torch_threads(1):
        stacked = compare(bare_regression_loop(exp), _steps(Trainer(exp)), repeats=repeats, burst_seconds=burst)
        per_model = compare(
            bare_regression_loop(exp), _steps(Trainer(exp, stacked=False)), repeats=repeats, burst_seconds=burst
        )
    return {
        "trainer_vs_bare": stacked["ratio"],
        "trainer_vs_bare_cpu": stacked["ratio_cpu"],
        "bare_steps_per_s": stacked["a"],
        "trainer_steps_per_s": stacked["b"],
        "trainer_per_model_vs_bare": per_model["ratio"],
        "trainer_per_model_vs_bare_cpu": per_model["ratio_cpu"],
        "trainer_per_model_steps_per_s": per_model["b"],
    }


# -- compare mode: 8 variants of that net ---------------------------------------------------------------


def compare8_experiment(*, evaluate: bool = True) -> Experiment:
    """Eight variants of the preset: different dropout p and L1/L2 lambdas, all SGD."""
    settings = [
        (0.0, {}),
        (0.5, {}),
        (0.2, {}),
        (0.3, {}),
        (0.0, {"regularization.l2_lambda": 1e-3}),
        (0.5, {"regularization.l2_lambda": 1e-3}),
        (0.0, {"regularization.l1_lambda": 1e-4}),
        (0.5, {"regularization.l1_lambda": 1e-4}),
    ]
    variants = [
        {"name": f"v{k} p={p}", "set": {**{f"network.layers.{i}.dropout_p": p for i in range(3)}, **extra}}
        for k, (p, extra) in enumerate(settings)
    ]
    values: dict[str, Any] = {"variants": variants}
    if not evaluate:
        values["training.eval_every"] = NEVER  # training steps only
    return load_preset("dropout-regression").with_values(
        {"training.epochs": FOREVER, "training.device": "cpu", **values}
    )


def compare8_vs_sequential(seconds: float = 8.0, repeats: int = 9) -> dict[str, Any]:
    """Rounds per second (one step of all 8 variants) of the stacked engine against the same
    8 models stepped one after another (the per-model path), with the trainer's evaluation
    every 10 epochs as the preset has it, and training steps alone."""
    burst = seconds / (4 * repeats)
    out: dict[str, Any] = {}
    with torch_threads(1):
        for suffix, evaluate in (("", True), ("_train_only", False)):
            exp = compare8_experiment(evaluate=evaluate)
            sequential, stacked = Trainer(exp, stacked=False), Trainer(exp, stacked=True)
            assert stacked.stacked and not sequential.stacked
            r = compare(_steps(sequential), _steps(stacked), repeats=repeats, burst_seconds=burst)
            out[f"compare8_vs_sequential{suffix}"] = r["ratio"]
            out[f"compare8_vs_sequential{suffix}_cpu"] = r["ratio_cpu"]
            out[f"compare8_sequential{suffix}_rounds_per_s"] = r["a"]
            out[f"compare8_stacked{suffix}_rounds_per_s"] = r["b"]
    return out


# -- the image preset: 784-256-256-10, batch 256 ---------------------------------------------------------


def image_dataset(exp: Experiment, data: Optional[Path] = None) -> tuple[Dataset, str]:
    """MNIST (the test file, as a lone IDX pair) when it is there, else 784-pixel noise images."""
    folder = MNIST_DIR if data is None else Path(data)
    if folder.is_dir() and any(folder.glob("*idx3-ubyte*")):
        cfg = exp.dataset.model_copy(update={"kind": "idx", "path": str(folder), "max_samples": None})
        return build_dataset(cfg), f"MNIST IDX ({folder.name})"
    rng = np.random.default_rng(0)
    splits = {
        s: (rng.random((n, 28, 28), dtype=np.float32), rng.integers(0, 10, n))
        for s, n in (("train", 6000), ("val", 1500), ("test", 2500))
    }
    return (
        samples_dataset(
            exp.dataset, "image", splits, 10, tuple(map(str, range(10))), "synthetic 28x28 noise, 10 classes", (28, 28)
        ),
        "synthetic 784-dim",
    )


def image_preset(*, evaluate: bool) -> Experiment:
    values: dict[str, Any] = {
        "variants": [],
        "network.layers.0.width": 256,
        "network.layers.1.width": 256,
        "training.epochs": FOREVER,
        "training.batch_size": 256,
    }
    if not evaluate:
        values["training.eval_every"] = NEVER
    return load_preset("dropout-mlp").with_values(values)


def bare_image_net(
    exp: Experiment, input_dim: int, output_dim: int
) -> tuple[nn.Sequential, torch.optim.SGD, nn.CrossEntropyLoss]:
    """The image preset's network as a script writes it (Linear, ReLU, torch's Dropout per hidden layer),
    seeded with the experiment's seed, with its SGD and cross-entropy: the bare side of the image figures."""
    torch.manual_seed(exp.training.seed)  # before the layers: their initial weights follow the seed
    layers: list[nn.Module] = []
    width = input_dim
    for layer in exp.network.layers:
        layers += [nn.Linear(width, layer.width), nn.ReLU(), nn.Dropout(layer.dropout_p)]
        width = layer.width
    layers.append(nn.Linear(width, output_dim))
    net = nn.Sequential(*layers)
    return net, torch.optim.SGD(net.parameters(), lr=exp.optimizer.lr), nn.CrossEntropyLoss()


def bare_image_loop(exp: Experiment, ds: Dataset, device: torch.device, evaluate: bool = False) -> Step:
    """A script's loop with index batching on the device (no DataLoader): one epoch per call; with
    `evaluate`, then the loss and accuracy of every split in eval mode, as the preset's trainer does."""
    x, y = ds.x_train.to(device), ds.y_train.to(device)
    n, bs = x.shape[0], exp.training.batch_size or x.shape[0]
    net, opt, loss_fn = bare_image_net(exp, x.shape[1], ds.output_dim)
    net.to(device)
    gen = torch.Generator().manual_seed(exp.training.seed)
    splits = [(t.to(device), u.to(device)) for t, u in ((x, y), (ds.x_val, ds.y_val), (ds.x_test, ds.y_test))]

    def epoch() -> int:
        perm = torch.randperm(n, generator=gen).to(device)
        for start in range(0, n, bs):
            idx = perm[start : start + bs]
            opt.zero_grad()
            loss_fn(net(x.index_select(0, idx)), y.index_select(0, idx)).backward()
            opt.step()
        if evaluate:
            net.eval()
            with torch.no_grad():
                for xs, ys in splits:
                    if xs.shape[0]:
                        out = net(xs)
                        float(loss_fn(out, ys)), float((out.argmax(1) == ys).float().mean())
            net.train()
        return n

    return epoch


def _trainer_epochs(trainer: Trainer) -> Step:
    def epoch() -> int:
        for _ in range(trainer.steps_per_epoch):
            trainer.step()
        return trainer.dataset.n_train

    return epoch


def mlp_vs_bare(
    seconds: float = 8.0, repeats: int = 7, data: Optional[Path] = None, device: str = "cpu"
) -> dict[str, Any]:
    """Samples per second of the trainer on the image preset's shape against the bare loop:
    training alone (evaluation at the end only), and with the preset's evaluation of every
    split after every epoch (the bare loop then evaluates every split after every epoch too)."""
    exp = image_preset(evaluate=False)
    ds, source = image_dataset(exp, data)
    dev = torch.device(device)
    burst = seconds / (4 * repeats)
    out: dict[str, Any] = {"mlp_data": source, "mlp_device": str(dev), "mlp_train_samples": ds.n_train}
    with torch_threads(1 if dev.type == "cpu" else torch.get_num_threads()):
        train = compare(
            bare_image_loop(exp, ds, dev),
            _trainer_epochs(Trainer(exp, dataset=ds, device=device)),
            repeats=repeats,
            burst_seconds=burst,
            warmup=1,
        )
        out.update(
            mlp_vs_bare=train["ratio"],
            mlp_vs_bare_cpu=train["ratio_cpu"],
            mlp_bare_samples_per_s=train["a"],
            mlp_trainer_samples_per_s=train["b"],
        )
        with_eval = image_preset(evaluate=True)
        r = compare(
            bare_image_loop(exp, ds, dev, evaluate=True),
            _trainer_epochs(Trainer(with_eval, dataset=ds, device=device)),
            repeats=repeats,
            burst_seconds=burst,
            warmup=1,
        )
        out.update(
            mlp_vs_bare_with_eval=r["ratio"],
            mlp_vs_bare_with_eval_cpu=r["ratio_cpu"],
            mlp_trainer_with_eval_samples_per_s=r["b"],
        )
    return out


def run_all(seconds: float = 8.0, repeats: int = 9, fashion: bool = True) -> dict[str, Any]:
    """Every core figure (the GUI's figures are measured elsewhere); `fashion`: the Fashion-MNIST epoch and
    peak memory (_bench_fashion.py; minutes on a small CPU)."""
    figures: dict[str, Any] = dict(machine())
    figures.update(trainer_vs_bare(seconds, repeats))
    figures.update(compare8_vs_sequential(seconds, repeats))
    figures.update(mlp_vs_bare(seconds, max(3, repeats - 2)))
    if fashion:
        from explorer.core.io._bench_fashion import run_fashion

        figures.update(run_fashion(max(2, repeats // 3)))
    from explorer.core.io._bench_test_time import mc50_cost

    figures.update(mc50_cost(seconds, max(3, repeats - 2)))
    return figures


TARGETS = {
    "compare8_vs_sequential": 3.0,
    "mlp_vs_bare": 0.9,
    "mlp_vs_bare_with_eval": 0.9,
    "fashion_epoch_vs_bare": 0.9,
    "live_vs_headless": 0.9,
    "live_vs_headless_mlp": 0.9,
    "live_vs_headless_4variants": 0.9,
    "gui_fps": 30.0,
    "gui_fps_mlp": 30.0,
    "gui_fps_4variants": 30.0,
    "sweep24_vs_sequential": 3.0,  # explorer.core.sweep._bench
    "dask2_vs_dask1": 1.7,  # explorer.core.sweep._dask_bench
}
CEILINGS = {
    "mc50_cost": 0.10,
    "replicates_overhead": 2.5,  # explorer.core.sweep._bench
    "dask_chunk_overhead_ms": 50.0,  # explorer.core.sweep._dask_bench
    "gui_latency_p99_ms": 30.0,
    "gui_latency_p99_ms_mlp": 30.0,
    "gui_latency_p99_ms_4variants": 30.0,
    "snapshot_share": 0.10,
    "snapshot_share_mlp": 0.10,
    "snapshot_share_4variants": 0.10,
    "dashboard_frame_ms": 20.0,
    "dashboard_frame_ms_mlp": 20.0,
    "dashboard_frame_ms_4variants": 20.0,
    "startup_paint_s": 1.0,
    "startup_training_s": 3.0,
    "rss_growth_mb": 50.0,
    "fashion_peak_rss_mb": 1000.0,
}


def table(figures: dict[str, Any]) -> str:
    """The figures as aligned text, targets marked."""
    width = max(len(k) for k in figures)
    lines = []
    for key, value in figures.items():
        text = f"{value:.3g}" if isinstance(value, float) and math.isfinite(value) else str(value)
        if key in TARGETS and isinstance(value, (int, float)):
            text += f"   (target >= {TARGETS[key]:g}: {'met' if value >= TARGETS[key] else 'NOT met'})"
        elif key in CEILINGS and isinstance(value, (int, float)):
            text += f"   (target <= {CEILINGS[key]:g}: {'met' if value <= CEILINGS[key] else 'NOT met'})"
        lines.append(f"{key:<{width}}  {text}")
    return "\n".join(lines)
