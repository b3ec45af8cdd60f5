"""Pure functions that turn a GUI edit into a new, validated Experiment.

Every edit goes through Experiment.with_values (or model validation of the
resolved variants), so a panel never applies half a config: either the whole
new experiment is valid, or a ConfigError names the field and nothing changes.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from PySide6.QtCore import QCoreApplication

from explorer.core.config import Experiment, LayerConfig, apply_live_value
from explorer.core.config import is_live_path as _core_is_live_path
from explorer.core.protocol import ConfigError, Message, SetValue

NO_REG_NAME = "no regularization"
REG_NAME = "regularized"


def is_live_path(path: str) -> bool:
    """Paths the trainer changes between steps without a rebuild."""
    return _core_is_live_path(path)


def variant_view(exp: Experiment, variant: Optional[int]) -> Experiment:
    """The full experiment that variant `variant` runs (the base for None)."""
    if variant is None or not exp.variants:
        return exp
    return exp.resolved_variants()[variant]


def apply_set_value(exp: Experiment, cmd: SetValue) -> Experiment:
    """The experiment after `cmd`, validated; raises ConfigError (nothing changed) if invalid.

    The same rule as the host's (explorer.core.config._schema.apply_live_value), so the
    window's copy and host.experiment never drift apart: variant None sets the
    value in every variant (overrides of that field included).
    """
    new = apply_live_value(exp, cmd.path, cmd.value, cmd.variant)
    new.resolved_variants()  # each variant's own values must be valid too
    return new


def _remap_layer_overrides(variants: list[dict[str, Any]], mapping: Callable[[int], Optional[int]]) -> None:
    """Renumber per-variant overrides of network.layers.N.* after layers moved (None: dropped)."""
    for v in variants:
        new_set: dict[str, Any] = {}
        for path, value in v["set"].items():
            if path.startswith("network.layers."):
                parts = path.split(".")
                j = mapping(int(parts[2]))
                if j is None:
                    continue
                parts[2] = str(j)
                path = ".".join(parts)
            new_set[path] = value
        v["set"] = new_set


def _with_layers(exp: Experiment, layers: list[dict[str, Any]], mapping: Callable[[int], Optional[int]]) -> Experiment:
    variants = [v.model_dump(mode="python") for v in exp.variants]
    _remap_layer_overrides(variants, mapping)
    return exp.with_values({"network.layers": layers, "variants": variants})


def add_layer(exp: Experiment, width: Optional[int] = None) -> Experiment:
    """A new last hidden layer, a copy of the current last one in every variant.

    Each variant's overrides of the copied layer's dropout (p and kind) are copied to
    the new layer too, so a "p = 0" variant stays without dropout: otherwise the new
    layer would take the base's p in every variant and silently change the comparison.
    """
    layers = [layer.model_dump(mode="python") for layer in exp.network.layers]
    template = layers[-1] if layers else LayerConfig().model_dump(mode="python")
    new_layer = dict(template)
    if width is not None:
        new_layer["width"] = width
    layers.append(new_layer)
    variants = [v.model_dump(mode="python") for v in exp.variants]
    if len(layers) > 1:
        last, new_index = len(layers) - 2, len(layers) - 1
        for v in variants:
            for field in ("dropout_p", "dropout_kind"):
                source = f"network.layers.{last}.{field}"
                if source in v["set"]:
                    v["set"][f"network.layers.{new_index}.{field}"] = v["set"][source]
    return exp.with_values({"network.layers": layers, "variants": variants})


def remove_layer(exp: Experiment, index: int) -> Experiment:
    layers = [layer.model_dump(mode="python") for layer in exp.network.layers]
    if not 0 <= index < len(layers):
        raise ConfigError([f"network.layers.{index}: no such layer (there are {len(layers)})"])
    del layers[index]
    return _with_layers(exp, layers, lambda i: None if i == index else (i - 1 if i > index else i))


def move_layer(exp: Experiment, index: int, delta: int) -> Experiment:
    layers = [layer.model_dump(mode="python") for layer in exp.network.layers]
    target = index + delta
    if not (0 <= index < len(layers) and 0 <= target < len(layers)):
        raise ConfigError([f"network.layers.{index}: cannot move to position {target + 1}"])
    layers[index], layers[target] = layers[target], layers[index]

    def mapping(i: int) -> int:
        return target if i == index else index if i == target else i

    return _with_layers(exp, layers, mapping)


def has_regularization(exp: Experiment) -> bool:
    r = exp.regularization
    return (
        any(layer.dropout_p > 0 for layer in exp.network.layers)
        or r.l1_lambda > 0
        or r.l2_lambda > 0
        or r.weight_decay > 0
    )


def no_regularization_overrides(exp: Experiment) -> dict[str, Any]:
    out: dict[str, Any] = {f"network.layers.{i}.dropout_p": 0.0 for i in range(len(exp.network.layers))}
    out.update({"regularization.l1_lambda": 0.0, "regularization.l2_lambda": 0.0, "regularization.weight_decay": 0.0})
    return out


def compare_on(exp: Experiment) -> Experiment:
    """Two variants from the same weights: "no regularization" and "regularized".

    "regularized" is the current settings; when those regularize nothing, it
    gets dropout p = 0.5 on every hidden layer, so the comparison shows something.
    """
    regularized: dict[str, Any] = {}
    if not has_regularization(exp):
        regularized = {f"network.layers.{i}.dropout_p": 0.5 for i in range(len(exp.network.layers))}
    variants = [{"name": NO_REG_NAME, "set": no_regularization_overrides(exp)}, {"name": REG_NAME, "set": regularized}]
    new = exp.with_values({"variants": variants})
    new.resolved_variants()
    return new


def compare_off(exp: Experiment, keep: int | None = None) -> Experiment:
    """Back to one model: the base, or the settings of variant `keep`."""
    base = variant_view(exp, keep) if keep is not None and exp.variants else exp
    return base.with_values({"variants": []})


def unique_variant_name(exp: Experiment, stem: str = "variant") -> str:
    names = set(exp.variant_names())
    n = len(exp.variants) + 1
    while f"{stem} {n}" in names:
        n += 1
    return f"{stem} {n}"


def add_variant(exp: Experiment, name: Optional[str] = None, copy_of: Optional[int] = None) -> Experiment:
    variants = [v.model_dump(mode="python") for v in exp.variants]
    settings = dict(variants[copy_of]["set"]) if copy_of is not None and 0 <= copy_of < len(variants) else {}
    variants.append({"name": name or unique_variant_name(exp), "set": settings})
    new = exp.with_values({"variants": variants})
    new.resolved_variants()
    return new


def remove_variant(exp: Experiment, index: int) -> Experiment:
    variants = [v.model_dump(mode="python") for v in exp.variants]
    if not 0 <= index < len(variants):
        raise ConfigError([f"variants: no variant {index}"])
    del variants[index]
    return exp.with_values({"variants": variants})


def rename_variant(exp: Experiment, index: int, name: str) -> Experiment:
    variants = [v.model_dump(mode="python") for v in exp.variants]
    if not 0 <= index < len(variants):
        raise ConfigError([f"variants: no variant {index}"])
    variants[index]["name"] = name.strip()
    try:
        return exp.with_values({"variants": variants})
    except ConfigError as exc:
        # pydantic names the list position; a person thinks of the variant by name
        field = QCoreApplication.translate("CoreMessages", "variant name")
        raise ConfigError([_named(p, f"variants.{index}.name", field) for p in exc.problem_messages]) from None


def _named(problem: Message, where: str, name: str) -> Message:
    """The problem with its field path `where` called `name`."""
    if problem.params.get("where") != where:
        return problem
    return Message(problem.id, {**problem.params, "where": name})
