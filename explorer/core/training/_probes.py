"""What the views see: build a numpy-only Snapshot from a trainer's live state.

Called on the session's clock, never every step: histograms and grid
predictions cost more than a training step of a small network. Only the parts
of the views on screen are built (`parts`, see protocol.wants); each part is
batched over the variants (one pass of the stacked engine for the fit, one
bincount per layer for the histograms, one host sync for the scalars), and
what did not change (histories, the experiment, the data view, histogram
edges) is the same object as in the previous snapshot.
"""

from __future__ import annotations

from typing import Optional

import numpy as np
import torch

from explorer.core.protocol import (
    DASHBOARD_VIEWS,
    DIAGRAM_MAX_NEURONS,
    HISTORY_KEYS,
    MC_KEY,
    STEP_KEY,
    EarlyStoppingState,
    HiddenState,
    Histogram,
    LinearState,
    Snapshot,
    VariantState,
    wants,
)
from explorer.core.training._histograms import SharedBins, empty_histogram


def _np(t: Optional[torch.Tensor]) -> Optional[np.ndarray]:
    """A copy: on the CPU .numpy() shares memory with the tensor, and these tensors (weights, the
    stacked engine's buffers) change at the next step, under a snapshot meant to be immutable."""
    return None if t is None else np.array(t.detach().float().cpu().numpy(), copy=True)


def _early_state(run) -> EarlyStoppingState:  # type: ignore[no-untyped-def]
    es, cfg = run.early, run.config.early_stopping
    return EarlyStoppingState(
        enabled=cfg.enabled,
        monitor=cfg.monitor,
        best_value=float(es.best_value),
        best_epoch=es.best_epoch,
        wait=es.wait,
        patience=es.patience,
        stopped=es.stopped,
        stop_epoch=es.stop_epoch,
        restored=run.restored,
    )


class SnapshotParts:
    """What a trainer keeps between snapshots so that each costs little: the shared histogram
    bins, and the last value of each part (a hidden view's part is not built again; the snapshot
    carries the last one, the same objects, which the process transport does not send twice)."""

    def __init__(self) -> None:
        self.bins = SharedBins()
        self.last: dict[tuple[str, int], object] = {}  # (part, variant) -> its last built value

    def kept(self, part: str, v: int, default: object) -> object:
        return self.last.get((part, v), default)


def layer_stacks(trainer, grads: bool = False) -> list[Optional[torch.Tensor]]:  # type: ignore[no-untyped-def]
    """Each Linear's weights (or gradients) of every variant as one (V, n) tensor: a view of the
    stacked engine's rows when it trains them, else a stack of the models' (None: no gradient yet)."""
    engine = getattr(trainer, "_engine", None)
    runs = trainer.variants
    n_linear = len(runs[0].model.linears)
    if grads and any(lin.weight.grad is None for run in runs for lin in run.model.linears):
        return [None] * n_linear
    if engine is not None:
        return [t.reshape(engine.V, -1) for t in (engine.gW if grads else engine.W)]
    out = []
    for i in range(n_linear):
        ts = [run.model.linears[i].weight for run in runs]
        out.append(torch.stack([(t.grad if grads else t).detach().reshape(-1) for t in ts]))
    return out


def _fit_part(trainer) -> list[np.ndarray]:  # type: ignore[no-untyped-def]
    """Each variant's predictions on the fit view's grid (one batched pass when stacked)."""
    ds = trainer.dataset
    engine = getattr(trainer, "_engine", None)
    if engine is not None:
        outs = list(engine.forward_eval(ds.grid_inputs, "grid").unbind(0))
    else:
        outs = []
        for run in trainer.variants:
            model = run.model
            was_training = model.training
            model.eval()
            outs.append(model(ds.grid_inputs))
            if was_training:
                model.train()
    grids = []
    for out in outs:  # copies (np.array): `out` may be a buffer of the engine, reused next time
        if trainer.loss_name == "mse":
            grids.append(np.array(out[:, 0].float().cpu().numpy().reshape(ds.grid_shape)))
        else:
            probs = torch.softmax(out.float(), dim=1)
            grids.append(
                probs[:, 1].cpu().numpy().reshape(ds.grid_shape) if len(ds.grid_shape) == 2 else probs.cpu().numpy()
            )
    return grids


def _histogram_part(trainer, bins: SharedBins) -> list[tuple[list[Histogram], list[Optional[Histogram]]]]:  # type: ignore[no-untyped-def]
    """Per variant: (weight histograms, gradient histograms) of every Linear, on edges shared by the variants."""
    weights = bins.histograms("weight", layer_stacks(trainer))
    grads = bins.histograms("grad", layer_stacks(trainer, grads=True))
    V = len(trainer.variants)
    return [
        (
            [w[v] if w is not None else empty_histogram() for w in weights],
            [g[v] if g is not None else None for g in grads],
        )
        for v in range(V)
    ]


def _network_part(trainer, run) -> tuple[list, list]:  # type: ignore[no-untyped-def]
    """One variant's diagram: the displayed block of each weight matrix (and DropConnect mask), each
    hidden layer's unit mask and, for 2-D data, the shown neurons' outputs over the input plane."""
    model = run.model
    ds = trainer.dataset
    k = DIAGRAM_MAX_NEURONS
    linears = []
    for i, lin in enumerate(model.linears):
        dc = model.dropconnect_mask(i)
        linears.append((_np(lin.weight[:k, :k]), _np(dc[:k, :k]) if dc is not None else None))
    neuron_maps: list[Optional[np.ndarray]] = [None] * model.n_hidden
    if ds.task == "classification" and len(ds.grid_shape) == 2:
        gh, gw = ds.grid_shape
        was_training = model.training
        model.eval()
        for i, h in enumerate(model.hidden_activations(ds.grid_inputs)):
            neuron_maps[i] = h[:, :k].T.reshape(-1, gh, gw).float().cpu().numpy()
        if was_training:
            model.train()
    hidden = []
    for i in range(model.n_hidden):
        mask = model.unit_mask(i)
        hidden.append((_np(mask[0]) if mask is not None and mask.dim() > 1 else _np(mask), neuron_maps[i]))
    return linears, hidden


def _scalars(trainer) -> list[list[float]]:  # type: ignore[no-untyped-def]
    """Per variant: [||W|| per Linear, penalty per Linear, (mean, var) per hidden layer], one host sync."""
    norms = [torch.linalg.vector_norm(t, dim=1) for t in layer_stacks(trainer)]  # (V,) per Linear
    rows = []
    nan = torch.tensor(float("nan"), device=trainer.device)
    zero = torch.zeros((), device=trainer.device)
    for v, run in enumerate(trainer.variants):
        model = run.model
        values = [n[v] for n in norms]
        pen = run.last_penalty
        values += list(pen.reshape(-1).to(nan.device)) if pen is not None else [zero] * len(model.linears)
        for h in model.hidden_outputs:
            values.append(h.mean() if h is not None else nan)
            values.append(h.var() if h is not None and h.numel() > 1 else nan)
        rows.append(torch.stack([x.float().reshape(()) for x in values]))
    return torch.stack(rows).tolist()


def _variant_states(trainer, parts: Optional[frozenset[str]]) -> tuple[VariantState, ...]:  # type: ignore[no-untyped-def]
    store: SnapshotParts = trainer.snapshot_parts
    runs = trainer.variants
    with torch.no_grad():
        scalars = _scalars(trainer)
        fits = _fit_part(trainer) if wants(parts, "fit") else None
        hists = _histogram_part(trainer, store.bins) if wants(parts, "histograms") else None
        networks = [_network_part(trainer, run) for run in runs] if wants(parts, "network") else None
    states = []
    for v, run in enumerate(runs):
        model = run.model
        L, H = len(model.linears), model.n_hidden
        if fits is not None:
            store.last[("fit", v)] = fits[v]
        if hists is not None:
            store.last[("histograms", v)] = hists[v]
        if networks is not None:
            store.last[("network", v)] = networks[v]
        grid = store.kept("fit", v, np.zeros(0, np.float32))
        weight_hists, grad_hists = store.kept("histograms", v, ([empty_histogram()] * L, [None] * L))  # type: ignore[misc]
        net_linears, net_hidden = store.kept("network", v, ([(None, None)] * L, [(None, None)] * H))  # type: ignore[misc]
        row = scalars[v]
        linears = tuple(
            LinearState(
                name=f"layer {i + 1}" if i < H else "output",
                weight_hist=weight_hists[i],
                grad_hist=grad_hists[i],
                weight_norm=row[i],
                penalty=row[L + i],
                display_weights=net_linears[i][0] if net_linears[i][0] is not None else np.zeros((0, 0), np.float32),
                dropconnect_mask=net_linears[i][1],
            )
            for i in range(L)
        )
        hidden = tuple(
            HiddenState(
                width=layer.width,
                activation=layer.activation,
                dropout_p=model.dropout_p(i),
                dropout_kind=model.kinds[i],
                mask=net_hidden[i][0],
                activation_mean=row[2 * L + 2 * i],
                activation_var=row[2 * L + 2 * i + 1],
                neuron_maps=net_hidden[i][1],
            )
            for i, layer in enumerate(run.config.network.layers)
        )
        hist = run.history
        reg, opt = run.config.regularization, run.config.optimizer
        states.append(
            VariantState(
                name=run.name,
                history={key: hist.shared_column(key) for key in HISTORY_KEYS},
                weight_norm_history=hist.shared_column("weight_norm"),
                activation_var_history=hist.shared_column("activation_var"),
                activation_mean_history=hist.shared_column("activation_mean"),
                linears=linears,
                hidden=hidden,
                grid_prediction=grid,  # type: ignore[arg-type]
                early_stopping=_early_state(run),
                histogram_frames=tuple(run.histogram_frames),
                finished=run.finished,
                l1_lambda=reg.l1_lambda,
                l2_lambda=reg.l2_lambda,
                weight_decay=reg.weight_decay,
                lr=opt.lr,
            )
        )
    return tuple(states)


def build_snapshot(
    trainer,  # type: ignore[no-untyped-def]
    *,
    state: str,
    message: str = "",
    steps_per_second: float = 0.0,
    generation: int = 0,
    parts: Optional[frozenset[str]] = None,
) -> Snapshot:
    """The views' numbers now. `parts`: the view ids on screen (None: the dashboard's); the parts
    of the others are not computed (see explorer.core.protocol.wants)."""
    trainer.check_divergence()
    return Snapshot(
        extra=_inside_dropout(trainer, state),
        step=trainer.step_count,
        epoch=trainer.epoch,
        total_epochs=trainer.total_epochs,
        steps_per_second=steps_per_second,
        device=str(trainer.device),
        state=state,
        message=message,
        variants=_variant_states(trainer, parts),
        data=trainer.dataset.view,
        wall_seconds=trainer.wall_seconds,
        generation=generation,
        experiment_json=trainer.experiment_json,
        parts=tuple(sorted(DASHBOARD_VIEWS if parts is None else parts)),
    )


def _inside_dropout(trainer, state: str) -> dict:  # type: ignore[no-untyped-def]
    """The test-time passes and the Step inspector's record, when the window asked for them."""
    extra: dict = {}
    test_time = getattr(trainer, "test_time", None)
    if test_time is not None:
        states = test_time.states(trainer, running=state == "running")
        if states is not None:
            extra[MC_KEY] = states
    capture = getattr(trainer, "step_capture", None)
    if capture is not None:
        from explorer.core.training._step_capture import inspect

        v = capture.variant
        if 0 <= v < len(trainer.variants):
            shown = inspect(capture, trainer.variants[v].name)
            if shown is not None:
                extra[STEP_KEY] = shown
    return extra
