"""What the views see: build a numpy-only Snapshot from a trainer's live state.

Called on a wall-clock interval, never every step: histograms and grid
predictions cost more than a training step of a small network.
"""

from __future__ import annotations

from typing import Optional

import numpy as np
import torch

from explorer.core.protocol import (
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
)

BINS = 40


def histogram(t: Optional[torch.Tensor], bins: int = BINS) -> Histogram:
    """Histogram computed on the tensor's own device (torch.histc): one small copy back."""
    if t is None or t.numel() == 0:
        return Histogram(np.zeros(bins, np.int64), np.linspace(-1, 1, bins + 1, dtype=np.float32))
    flat = t.detach().reshape(-1).float()
    finite = flat[torch.isfinite(flat)]
    if finite.numel() == 0:
        return Histogram(np.zeros(bins, np.int64), np.linspace(-1, 1, bins + 1, dtype=np.float32))
    lo, hi = float(finite.min()), float(finite.max())
    if hi - lo < 1e-12:
        lo, hi = lo - 0.5, hi + 0.5
    counts = torch.histc(finite, bins=bins, min=lo, max=hi)
    return Histogram(counts.cpu().numpy().astype(np.int64), np.linspace(lo, hi, bins + 1, dtype=np.float32))


def _np(t: Optional[torch.Tensor]) -> Optional[np.ndarray]:
    return None if t is None else t.detach().float().cpu().numpy()


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


@torch.no_grad()
def _variant_state(trainer, run) -> VariantState:  # type: ignore[no-untyped-def]
    model = run.model
    ds = trainer.dataset
    k = DIAGRAM_MAX_NEURONS
    was_training = model.training
    model.eval()
    out = model(ds.grid_inputs)
    neuron_maps: list[Optional[np.ndarray]] = [None] * model.n_hidden
    if ds.task == "classification" and len(ds.grid_shape) == 2:
        gh, gw = ds.grid_shape
        for i, h in enumerate(model.hidden_activations(ds.grid_inputs)):
            neuron_maps[i] = h[:, :k].T.reshape(-1, gh, gw).float().cpu().numpy()
    if was_training:
        model.train()
    if trainer.loss_name == "mse":
        grid = out[:, 0].float().cpu().numpy().reshape(ds.grid_shape)
    else:
        probs = torch.softmax(out.float(), dim=1)
        if len(ds.grid_shape) == 2:
            grid = probs[:, 1].cpu().numpy().reshape(ds.grid_shape)
        else:
            grid = probs.cpu().numpy()
    penalties = run.last_penalty.cpu().numpy() if run.last_penalty is not None else np.zeros(len(model.linears))
    linears = []
    for i, lin in enumerate(model.linears):
        dc = model.dropconnect_mask(i)
        name = f"layer {i + 1}" if i < model.n_hidden else "output"
        linears.append(
            LinearState(
                name=name,
                weight_hist=histogram(lin.weight),
                grad_hist=histogram(lin.weight.grad) if lin.weight.grad is not None else None,
                weight_norm=float(lin.weight.norm()),
                penalty=float(penalties[i]),
                display_weights=_np(lin.weight[:k, :k]),  # type: ignore[arg-type]
                dropconnect_mask=_np(dc[:k, :k]) if dc is not None else None,
            )
        )
    hidden = []
    for i, layer in enumerate(run.config.network.layers):
        mask = model.unit_mask(i)
        h = model.hidden_outputs[i]
        hidden.append(
            HiddenState(
                width=layer.width,
                activation=layer.activation,
                dropout_p=model.dropout_p(i),
                dropout_kind=model.kinds[i],
                mask=_np(mask[0]) if mask is not None and mask.dim() > 1 else _np(mask),
                activation_mean=float(h.mean()) if h is not None else float("nan"),
                activation_var=float(h.var()) if h is not None and h.numel() > 1 else float("nan"),
                neuron_maps=neuron_maps[i],
            )
        )
    hist = run.history
    reg, opt = run.config.regularization, run.config.optimizer
    return VariantState(
        name=run.name,
        history={key: hist.column(key) for key in HISTORY_KEYS},
        weight_norm_history=hist.column("weight_norm"),
        activation_var_history=hist.column("activation_var"),
        activation_mean_history=hist.column("activation_mean"),
        linears=tuple(linears),
        hidden=tuple(hidden),
        grid_prediction=grid,
        early_stopping=_early_state(run),
        histogram_frames=tuple(run.histogram_frames),
        finished=run.finished,
        l1_lambda=reg.l1_lambda,
        l2_lambda=reg.l2_lambda,
        weight_decay=reg.weight_decay,
        lr=opt.lr,
    )


def build_snapshot(
    trainer,
    *,
    state: str,
    message: str = "",
    steps_per_second: float = 0.0,  # type: ignore[no-untyped-def]
    generation: int = 0,
) -> Snapshot:
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
        variants=tuple(_variant_state(trainer, run) for run in trainer.variants),
        data=trainer.dataset.view,
        wall_seconds=trainer.wall_seconds,
        generation=generation,
        experiment_json=trainer.experiment.to_json(),
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
