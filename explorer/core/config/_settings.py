"""The command line's --set: a field of the base experiment, or of one variant.

A comparison's variants override some fields (dropout-regression's two variants
set every layer's dropout p). A --set on such a base field changes nothing, and a
run that looked different would give the default's numbers: so that is refused,
naming the variants and the way to address one of them.
"""

from __future__ import annotations

import re
from typing import Any

from explorer.core.config._schema import VARIANT_PATH_PREFIXES, Experiment, _assign, _is_variant_path, _validate
from explorer.core.protocol import ConfigError, define_messages

__all__ = ["apply_settings"]

MSG = define_messages(
    "settings",
    {
        "no_variants": "variants[{key}]: the experiment has no variants",
        "no_such_variant": "variants[{key}]: no such variant; give a name or an index: {variants}",
        "not_a_variant_field": "{path}: a variant may change only network.layers.N.dropout_p/dropout_kind, "
        "regularization.*, optimizer.* and early_stopping.*",
        "unknown_field": "{path}: unknown field {field}",
        "overridden_by_all": "--set {path}: every variant sets this field itself ({variants}), so the value "
        "would change nothing; set it per variant, e.g. --set 'variants[{example}].{path}=VALUE' "
        "(or variants[0].{path}=VALUE)",
        "overridden_by_some": "--set {path}: variants {variants} set this field themselves and keep their own "
        "value (address one with variants[NAME].{path}=VALUE)",
    },
)

# variants[NAME].PATH, variants[INDEX].PATH, or variants.INDEX.set.PATH (as the file stores it)
_VARIANT_ADDRESS = re.compile(r"^variants(?:\[(?P<key>[^\]]+)\]|\.(?P<index>\d+)(?:\.set)?)\.(?P<path>.+)$")


def _variant_index(experiment: Experiment, key: str) -> int:
    names = [v.name for v in experiment.variants]
    if not names:
        raise ConfigError([MSG.no_variants(key=key)])
    if key in names:
        return names.index(key)
    if key.strip().isdigit() and int(key) < len(names):
        return int(key)
    listed = ", ".join(f"{i} {n!r}" for i, n in enumerate(names))
    raise ConfigError([MSG.no_such_variant(key=key, variants=listed)])


def apply_settings(experiment: Experiment, assignments: dict[str, Any]) -> tuple[Experiment, list[str]]:
    """(the validated experiment with `assignments` made, notes for the user).

    A base field that every variant overrides is refused; one that some variants override
    gets a note naming those that keep their own value.
    """
    data = experiment.model_dump(mode="python")
    notes: list[str] = []
    refused = []
    for path, value in assignments.items():
        m = _VARIANT_ADDRESS.match(path)
        if m is not None:
            key = m.group("key") if m.group("key") is not None else m.group("index")
            i = _variant_index(experiment, key)
            field = m.group("path")
            if not field.startswith(VARIANT_PATH_PREFIXES) or not _is_variant_path(field):
                raise ConfigError([MSG.not_a_variant_field(path=path)])
            try:
                experiment.get(field)
            except (AttributeError, IndexError, ValueError):
                raise ConfigError([MSG.unknown_field(path=path, field=repr(field))]) from None
            data["variants"][i]["set"][field] = value
            continue
        _assign(data, path, value)
        overriding = [v["name"] for v in data["variants"] if path in v["set"]]
        names = ", ".join(repr(n) for n in overriding)
        if overriding and len(overriding) == len(data["variants"]):
            refused.append(MSG.overridden_by_all(path=path, variants=names, example=overriding[0]))
        elif overriding:
            notes.append(str(MSG.overridden_by_some(path=path, variants=names)))
    new = _validate(data)  # a bad value is named with its range first
    if refused:
        raise ConfigError(refused)
    new.resolved_variants()
    return new, notes
