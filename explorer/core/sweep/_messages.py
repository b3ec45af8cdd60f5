"""The sweep's messages (ids "sweep.*") and its error: every one names the field and what is allowed."""

from __future__ import annotations

from explorer.core.protocol import ExplorerError, define_messages

MSG = define_messages(
    "sweep",
    {
        "not_sweepable": "{field}: cannot be swept; the fields that can: {allowed}",
        "not_a_number": "{field}: '{value}' is not a finite number",
        "bad_scale": "{field}: unknown scale '{scale}'; use log:START:STOP:N or lin:START:STOP:N",
        "bad_range": "{field}: '{spec}' is not a range; use values (0,0.1,0.5), log:START:STOP:N or lin:START:STOP:N",
        "bad_count": "{field}: '{spec}' needs a whole number of values N from 1 to 10,000 after the last colon",
        "log_through_zero": "{field}: '{spec}': a log range must stay above 0 (e.g. log:1e-5:1e-1:9); "
        "add 0 as an explicit value in a list instead",
        "not_integer": "{field}: '{spec}': this field takes whole numbers only",
        "duplicate_values": "{field}: '{spec}' gives the same value twice",
        "bad_axis": "--axis '{text}': expected PATH=SPEC, e.g. regularization.l2_lambda=log:1e-5:1e-1:9",
        "axis_count": "a sweep has 1 or {limit} axes, not {count}",
        "same_axis_twice": "{field}: swept twice; give each field one axis",
        "bad_seeds": "seeds: '{seeds}' is not allowed; use a whole number from 1 to {limit}",
        "too_many_cells": "{field}: {sizes} = {cells} cells is over the limit of {limit} cells; use fewer values",
        "bad_table": "{where}: must be a table with axes = [...] and seeds = N",
        "unknown_key": "{where}: unknown key '{key}'; allowed: {allowed}",
        "bad_axis_entry": "{where}: each axis needs path = \"FIELD\" and values = \"SPEC\" or a list",
        "bad_metric": "metric: '{metric}' is not a sweep metric; use one of {allowed}",
        "bad_memory": "max_memory_mb: '{value}' must be a number of megabytes from 0.01 to 10,000,000",
        "bad_value": "{problem} (a value of the sweep over {field})",
        "no_layer": "{field}: the network has {layers} hidden layers (indices 0 to {last})",
        "cell_too_big": "one cell with {seeds} seeds needs about {need} MB to train, over the limit of "
        "{limit} MB: use fewer seeds, a smaller network or batch, or raise max_memory_mb",
        "other_sweep": "{folder} holds another sweep ({what} differs): choose a new --out folder or delete it",
        "unreadable_folder": "{folder}/sweep.json cannot be read ({problem}): choose a new --out folder",
        "no_experiment": "sweep needs --preset NAME or an experiment FILE",
        "no_axes": "sweep needs at least one --axis PATH=SPEC (or a [sweep] table in the experiment file)",
        "demo_kind": "a sweep trains; the '{kind}' experiment is a demonstration without training",
    },
)


class SweepError(ExplorerError):
    """A sweep cannot start or go on; raised before anything trains whenever possible."""


__all__ = ["MSG", "SweepError", "define_messages"]
