"""Speed figures of sweeps and replicates (`python -m explorer bench`, tests/benchmarks).

sweep24_vs_sequential: 8 dropout values x 3 seeds of d2l's MLP (784-256-256-10, batch 256, SGD
lr 0.5, MNIST t10k) trained as one sweep (8 cells x 3 seeds = 24 runs stacked in one chunk, one
process, one torch thread), against the same 24 trainings as bare PyTorch loops (nn.Sequential,
index batching, torch's Dropout and SGD) one after another, the same epochs, in this process, with
one torch thread. Both sides compute the same numbers: every split's loss and accuracy in eval
mode before the first step (the sweep's trainer starts its curves there, and it can be the best
epoch) and at the end. torch's first optimizer of a process imports torch._dynamo (about 1 s):
that is paid before either side is timed. The ratio is bare time / sweep time (higher is better;
`_cpu`: process CPU time, which other load on a shared machine distorts less).

The issue's target of 3 is out of reach on a CPU for this net, whatever the engine does. A step
of one run is 2 * 256 * (784*256 + 256*256 + 256*10) = 137.6 MFLOP forward and 172.5 MFLOP
backward (the weight gradients of the three layers, the input gradients of the upper two):
310 MFLOP, so a step of the 24 runs is 7.45 GFLOP. On the 2-core Xeon (2.1 GHz, AVX-512) of the
README a single thread multiplies these shapes at about 190-205 GFLOP/s (sgemm, bmm, baddbmm
alike), so a stacked step can take no less than about 37-39 ms; 24 bare steps take 83-95 ms
(3.5-4 ms each, 78-88 GFLOP/s: autograd, module calls and small kernels around the products). Steps
alone can therefore gain at most about 2.2-2.5x. The two evaluations of 10,000 rows are 2 * 24 *
10,000 * 537,600 FLOP = 258 GFLOP on either side, large products near peak on both (1.3-1.5 s).
With 3 epochs (72 steps) that bounds the ratio at (72 * 84 ms + 1.5 s) / (72 * 38 ms + 1.3 s),
about 1.9 (2.1 with 95 ms bare steps). Measured (busy machine, CPU time per step): the stacked
step of the 24 runs went from 69-71 ms to 55-62 ms (its products take about 40 ms; masks,
activations, the loss and the SGD update the rest), against 82-85 ms for 24 bare steps; the
benchmark went from 0.87 to 1.2-1.3 (CPU time). Stacking pays where a step is mostly Python and
kernel launches (the small nets, compare8, replicates_overhead) and on a GPU. Two threads on each
side were not tried: both sides' products would speed up alike, and a sweep cell would no longer
be its one-thread run alone bit for bit (reductions split across threads).

replicates_overhead: steps per second of one variant with 1 replicate against the same with 5
(the headline 1-200-200-200-1 net, 10 points, full batch): the cost factor of 5 seeds, at most
2.5 if stacking works (5 separate runs would cost 5).

Targets are in explorer.core.io._bench (TARGETS, CEILINGS). Figures measured on a busy
machine are indicative only; take them on an idle one.
"""

from __future__ import annotations

import time
from typing import Any, Callable

import torch

from explorer.core.io._bench import (
    FOREVER,
    _steps,
    bare_image_net,
    compare,
    image_dataset,
    image_preset,
    regression_preset,
    torch_threads,
)
from explorer.core.sweep._run import LocalExecutor, plan_sweep, run_sweep
from explorer.core.sweep._spec import SweepSpec, parse_axis
from explorer.core.training import Trainer

DROPOUT_VALUES = "0,0.1,0.2,0.3,0.4,0.5,0.6,0.7"
SEEDS = 3


def bare_image_run(exp: Any, ds: Any) -> tuple[Callable[[], int], Callable[[], list[float]]]:
    """A script's training loop (as io._bench.bare_image_loop) and, at the end, the test of every
    split a sweep reports (eval mode, loss and accuracy), so both sides produce the same results."""
    x, y = ds.x_train, ds.y_train
    n, bs = x.shape[0], exp.training.batch_size or x.shape[0]
    net, opt, loss_fn = bare_image_net(exp, x.shape[1], ds.output_dim)
    gen = torch.Generator().manual_seed(exp.training.seed)

    def epoch() -> int:
        net.train()
        perm = torch.randperm(n, generator=gen)
        for start in range(0, n, bs):
            idx = perm[start : start + bs]
            opt.zero_grad()
            loss_fn(net(x.index_select(0, idx)), y.index_select(0, idx)).backward()
            opt.step()
        return n

    @torch.no_grad()
    def evaluate() -> list[float]:
        net.eval()
        out = []
        for xs, ys in ((ds.x_train, ds.y_train), (ds.x_val, ds.y_val), (ds.x_test, ds.y_test)):
            logits = net(xs)
            out += [float(loss_fn(logits, ys)), float((logits.argmax(1) == ys).float().mean())]
        return out

    return epoch, evaluate


def warm_up_torch_optim() -> None:
    """The first torch optimizer of a process imports torch._dynamo (about 1 s): a one-off cost of
    the process that neither side of a comparison should carry."""
    torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)


def sweep24_vs_sequential(epochs: int = 3) -> dict[str, Any]:
    """Wall and CPU seconds of the 24 runs as one sweep and as 24 bare loops (see the module docstring)."""
    exp = image_preset(evaluate=False).with_values({"training.epochs": epochs, "training.eval_every": epochs})
    ds, source = image_dataset(exp)
    spec = SweepSpec((parse_axis(f"network.layers.*.dropout_p={DROPOUT_VALUES}"),), seeds=SEEDS, max_memory_mb=8192)
    out: dict[str, Any] = {"sweep24_data": source, "sweep24_epochs": epochs}
    warm_up_torch_optim()
    with torch_threads(1):
        executor = LocalExecutor(dataset=ds)
        plan = plan_sweep(exp, spec, executor=executor)
        wall0, cpu0 = time.perf_counter(), time.process_time()
        rows = run_sweep(plan, executor)
        sweep_wall, sweep_cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        assert len(rows) == 24
        wall0, cpu0 = time.perf_counter(), time.process_time()
        for p in (float(v) for v in DROPOUT_VALUES.split(",")):
            for k in range(SEEDS):
                run = exp.with_values(
                    {"network.layers.0.dropout_p": p, "network.layers.1.dropout_p": p, "training.seed": k}
                )
                epoch, evaluate = bare_image_run(run, ds)
                evaluate()  # the start of the curves, as the sweep's trainer measures it
                for _ in range(epochs):
                    epoch()
                evaluate()
        bare_wall, bare_cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    out.update(
        sweep24_vs_sequential=bare_wall / sweep_wall,
        sweep24_vs_sequential_cpu=bare_cpu / max(sweep_cpu, 1e-9),
        sweep24_sweep_seconds=sweep_wall,
        sweep24_bare_seconds=bare_wall,
        sweep24_chunks=len(plan.tasks),
    )
    return out


def replicates_overhead(seconds: float = 8.0, repeats: int = 9) -> dict[str, Any]:
    """Steps per second with 1 and with 5 replicates of the headline net; the cost factor."""
    base = regression_preset().with_values({"training.epochs": FOREVER})
    burst = seconds / (2 * repeats)
    with torch_threads(1):
        one = Trainer(base)
        five = Trainer(base.with_values({"training.replicates": 5}))
        assert five.stacked and len(five.variants) == 5
        r = compare(_steps(one), _steps(five), repeats=repeats, burst_seconds=burst)
    return {
        "replicates_overhead": 1.0 / r["ratio"],  # time of 5 replicates / time of 1
        "replicates_overhead_cpu": 1.0 / r["ratio_cpu"],
        "replicates_1_steps_per_s": r["a"],
        "replicates_5_steps_per_s": r["b"],
    }


def run_sweep_figures(seconds: float = 8.0, repeats: int = 9) -> dict[str, Any]:
    figures = replicates_overhead(seconds, repeats)
    figures.update(sweep24_vs_sequential())
    return figures
