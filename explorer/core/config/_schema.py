"""The experiment schema: one typed, versioned description of a whole run.

Every field carries its default, unit and allowed range here, in one place, so
that the GUI, the command line, presets and experiment files all refuse the
same bad values with the same message (which names the field path).
"""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from pathlib import Path
from typing import Any, Literal, Optional, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from explorer.core.config._bounds import MSG as BOUNDS
from explorer.core.config._bounds import abbreviate, bounded, data_problem, toml_text_problem
from explorer.core.config._lesson import LessonConfig
from explorer.core.config._pydantic import choices, pydantic_message
from explorer.core.protocol import ConfigError, Message, as_message, define_messages

SCHEMA_VERSION = 1

MSG = define_messages(
    "config",
    {
        # the experiment's model validators (raised as ValueError(message) inside pydantic)
        "path_required": "dataset.path is required for the {kind} dataset",
        "fractions_too_large": "validation_fraction + test_fraction must be below 0.95",
        "nesterov_needs_momentum": "nesterov needs momentum > 0",
        "betas_range": "betas must each be in [0, 1)",
        "variant_field": "variant {variant_name} may not change {field}: only "
        "network.layers.N.dropout_p/dropout_kind, regularization.*, "
        "optimizer.* and early_stopping.* may differ between variants",
        "not_control_id": "{item} is not a control id (letters, digits, '.', ':', '_', '-')",
        "variant_names_unique": "variant names must be unique",
        "val_accuracy_needs_classes": "early_stopping.monitor 'val_accuracy' needs a classification dataset",
        "early_stopping_needs_validation": "early_stopping.enabled: early stopping watches the validation split, "
        "and there is none ({field} = {size}); make {field} larger than 0 or turn early stopping off",
        "variant_layer": "variant {variant_name}: {field} names layer {n}, but the network has {m} hidden layers",
        # problems with a field: `where` is its path
        "unknown_field_spelling": "{where}: unknown field (check the spelling)",
        "unknown_field": "{where}: unknown field",
        "missing": "{where}: required field is missing",
        "no_such_index": "{where}: no such index (there are {n})",
        "not_section": "{where}: is not a section",
        "not_live": "{where}: cannot change while training (rebuild the model instead)",
        "not_one_of": "{where}: must be one of {choices} (got {value})",
        "invalid": "{where}: {msg} (got {value})",
        "in_field": "{where}: {problem}",
        "prefixed": "{prefix}{problem}",
        "not_table": "{where}: must be a table/object of fields, got {type}",
        "in_variant": "variants[{variant_name}].{problem}",
        "no_variants": "variant {variant_index}: the experiment has no variants",
        "no_such_variant": "variant {variant_index}: no such variant (there are {n})",
        "name_needs_variant": "name: a new name is for one variant; say which (variants 0 to {last})",
        # reading a file
        "newer_schema": "schema_version: this file was written by a newer explorer "
        "(version {version}); this one reads up to version {max}",
        "nested_too_deeply": "experiment: nested too deeply to be an experiment file",
        "text_nested_too_deeply": "not valid {fmt}: nested too deeply to be an experiment file",
        "not_valid": "not valid {fmt}: {detail}",
        "cannot_read": "cannot read {name}: {reason}",
        "too_large": "{name}: too large for an experiment file ({size} bytes)",
        "not_utf8": "{name}: not UTF-8 text",
        "not_assignment": "--set {text}: expected path=value",
        "control_character": "variant {name}: holds the control character {code}; names are shown in legends, "
        "so only visible characters and spaces are allowed",
    },
)


Activation = Literal["relu", "tanh", "sigmoid", "gelu", "linear"]
DropoutKind = Literal["inverted", "vanilla", "dropconnect", "gaussian"]
#: The dropout kinds, in the order the UI offers them (the one list; nn and the GUI read it).
DROPOUT_KINDS: tuple[str, ...] = get_args(DropoutKind)
DatasetKind = Literal[
    "linear",
    "sine",
    "xsinx",
    "quadratic",
    "highdim",  # regression
    "circles",
    "xor",
    "gaussians",
    "spiral",
    "moons",  # 2-D classification
    "digits",
    "idx",
    "csv",  # images / files
    "fashion-mnist",
    "mnist",  # downloaded once into the cache (explorer.core.data registry)
]
REGRESSION_KINDS = ("linear", "sine", "quadratic", "highdim", "xsinx")
CLASSIFICATION_2D_KINDS = ("circles", "xor", "gaussians", "spiral", "moons")
DOWNLOADED_KINDS = ("fashion-mnist", "mnist")
IMAGE_KINDS = ("digits", "idx", *DOWNLOADED_KINDS)
SINGLE_VARIANT_NAME = "model"  # the name of the one run of an experiment without variants


class _Strict(BaseModel):
    """Unknown keys are refused: in a hand-written file they are almost always typos."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class DatasetConfig(_Strict):
    kind: DatasetKind = Field("linear", description="Which dataset to generate or load.")
    n_train: int = Field(10, ge=1, le=100_000, description="Training points (synthetic sets).")
    n_val: int = Field(10, ge=0, le=100_000, description="Validation points (synthetic sets).")
    n_test: int = Field(10, ge=0, le=100_000, description="Test points (synthetic sets).")
    noise: float = Field(
        0.5, ge=0.0, le=10.0, description="Noise standard deviation of the training targets or inputs."
    )
    test_noise: Optional[float] = Field(
        None, ge=0.0, le=10.0, description="Noise of the validation/test draws; None means the same as noise."
    )
    input_dim: int = Field(200, ge=1, le=10_000, description="Number of inputs (the highdim set only).")
    path: Optional[str] = Field(None, description="Folder or file to read (idx and csv sets only).")
    validation_fraction: float = Field(
        0.1, ge=0.0, le=0.9, description="Share held out for validation (file and image sets)."
    )
    test_fraction: float = Field(
        0.2,
        ge=0.0,
        le=0.9,
        description="Share held out for testing (file and image sets; fashion-mnist and mnist use their official test split).",
    )
    max_samples: Optional[int] = Field(
        None, ge=10, le=10_000_000, description="Use at most this many samples (file and image sets)."
    )
    normalize: bool = Field(
        True, description="Standardise inputs (zero mean, unit variance, from training statistics)."
    )
    seed: int = Field(0, ge=0, le=2**31 - 1, description="Seed of the data draw (independent of the training seed).")

    @model_validator(mode="after")
    def _check(self) -> DatasetConfig:
        if self.kind in ("idx", "csv") and not self.path:
            raise ValueError(MSG.path_required(kind=repr(self.kind)))
        if self.validation_fraction + self.test_fraction >= 0.95:
            raise ValueError(MSG.fractions_too_large())
        return self

    @property
    def task(self) -> Optional[str]:
        """regression or classification; None for a CSV file, whose target column decides when it
        is read (integer labels: classification; anything else: regression)."""
        if self.kind == "csv":
            return None
        return "regression" if self.kind in REGRESSION_KINDS else "classification"

    def validation_setting(self) -> tuple[str, float]:
        """The field that sizes the validation split, and its value (0: no validation split)."""
        if self.kind in REGRESSION_KINDS + CLASSIFICATION_2D_KINDS:
            return "dataset.n_val", self.n_val
        return "dataset.validation_fraction", self.validation_fraction


class LayerConfig(_Strict):
    width: int = Field(32, ge=1, le=4096, description="Neurons in this hidden layer.")
    activation: Activation = Field("relu", description="Nonlinearity after the layer's Linear map.")
    dropout_p: float = Field(0.0, ge=0.0, le=1.0, description="Drop probability p of this layer's dropout.")
    dropout_kind: DropoutKind = Field(
        "inverted",
        description="How the layer drops: units (inverted/vanilla), weights (dropconnect) or multiplicative noise (gaussian).",
    )


class NetworkConfig(_Strict):
    layers: list[LayerConfig] = Field(
        default_factory=lambda: [LayerConfig(), LayerConfig()],
        max_length=12,
        description="Hidden layers, input side first. Input and output sizes follow from the dataset.",
    )
    output_activation: Activation = Field("linear", description="Nonlinearity on the output (linear for logits).")
    init: Literal["default", "xavier", "kaiming"] = Field(
        "default", description="Weight initialisation (default is PyTorch's)."
    )


class RegularizationConfig(_Strict):
    l1_lambda: float = Field(0.0, ge=0.0, le=10.0, description="L1 penalty: loss += l1_lambda * sum |w|.")
    l2_lambda: float = Field(0.0, ge=0.0, le=100.0, description="L2 penalty: loss += l2_lambda * sum w^2 (no 1/2).")
    penalize_biases: bool = Field(False, description="Also penalise (and decay) bias vectors.")
    weight_decay: float = Field(
        0.0,
        ge=0.0,
        le=10.0,
        description="Decoupled weight decay: w <- w - lr * weight_decay * w, separate from the loss (AdamW).",
    )


class OptimizerConfig(_Strict):
    kind: Literal["sgd", "adam", "adamw"] = Field("sgd", description="Optimisation algorithm.")
    lr: float = Field(0.01, gt=0.0, le=100.0, description="Learning rate.")
    momentum: float = Field(0.0, ge=0.0, lt=1.0, description="SGD momentum.")
    nesterov: bool = Field(False, description="Nesterov momentum (SGD, needs momentum > 0).")
    betas: tuple[float, float] = Field((0.9, 0.999), description="Adam's moment decay rates, each in [0, 1).")

    @model_validator(mode="after")
    def _check(self) -> OptimizerConfig:
        if self.nesterov and self.momentum <= 0:
            raise ValueError(MSG.nesterov_needs_momentum())
        if not all(0.0 <= b < 1.0 for b in self.betas):
            raise ValueError(MSG.betas_range())
        return self


class EarlyStoppingConfig(_Strict):
    enabled: bool = Field(
        False, description="Stop when the monitored metric has not improved for `patience` evaluations."
    )
    patience: int = Field(10, ge=1, le=100_000, description="Evaluations without improvement before stopping.")
    min_delta: float = Field(0.0, ge=0.0, le=1e6, description="Smallest change that counts as an improvement.")
    monitor: Literal["val_loss", "val_accuracy"] = Field(
        "val_loss", description="Metric watched (loss: lower is better; accuracy: higher)."
    )
    restore_best: bool = Field(True, description="Restore the best weights when stopping.")


class TrainingConfig(_Strict):
    epochs: int = Field(100, ge=0, le=10_000_000, description="Passes over the training set.")
    batch_size: Optional[int] = Field(None, ge=1, le=1_000_000, description="Samples per step; None is full batch.")
    loss: Literal["auto", "mse", "cross_entropy"] = Field(
        "auto", description="auto: MSE for regression, cross-entropy for classification."
    )
    eval_every: int = Field(1, ge=1, le=1_000_000, description="Evaluate train/validation/test every this many epochs.")
    seed: int = Field(0, ge=0, le=2**31 - 1, description="Seed of the initial weights, batch order and dropout masks.")
    replicates: int = Field(
        1,
        ge=1,
        le=32,
        description="Seeds per variant: seed, seed+1, ... (initial weights, batch order and masks differ; "
        "the data split stays). All replicates train together in lockstep.",
    )
    device: Literal["auto", "cpu", "cuda"] = Field("auto", description="auto uses CUDA when present, else the CPU.")


class VariantConfig(_Strict):
    """One arm of a comparison: the base experiment with some fields changed.

    Only fields that keep the network's shapes may change (dropout, penalties,
    optimizer, early stopping), so every variant starts from the same weights.
    """

    name: str = Field(..., min_length=1, max_length=60)
    set: dict[str, Any] = Field(
        default_factory=dict, description="Field path -> value, e.g. {'regularization.l2_lambda': 0.01}."
    )

    @field_validator("name")
    @classmethod
    def _visible_name(cls, name: str) -> str:
        """Bidi controls and NUL let a legend lie ("live p=0" drawn for another variant): refused."""
        for char in name:
            if unicodedata.category(char) in _INVISIBLE_CATEGORIES:
                raise ValueError(MSG.control_character(name=repr(name), code=f"U+{ord(char):04X}"))
        return name

    @model_validator(mode="after")
    def _check_paths(self) -> VariantConfig:
        for path in self.set:
            if not path.startswith(VARIANT_PATH_PREFIXES) or not _is_variant_path(path):
                raise ValueError(MSG.variant_field(variant_name=repr(self.name), field=repr(path)))
        return self


_INVISIBLE_CATEGORIES = ("Cc", "Cf", "Cs", "Zl", "Zp")  # controls, format (bidi, zero-width), surrogates, breaks
VARIANT_PATH_PREFIXES = ("network.layers.", "regularization.", "optimizer.", "early_stopping.")


def _is_variant_path(path: str) -> bool:
    if path.startswith("network.layers."):
        parts = path.split(".")
        return len(parts) == 4 and parts[2].isdigit() and parts[3] in ("dropout_p", "dropout_kind")
    return True


class DemoConfig(_Strict):
    """The dropout-scaling demonstration: no training."""

    dropout_p: float = Field(0.5, ge=0.0, le=1.0)
    n_inputs: int = Field(10_000, ge=1, le=1_000_000)
    samples: int = Field(2000, ge=1, le=100_000, description="Train-mode forward passes drawn.")
    seed: int = Field(0, ge=0, le=2**31 - 1)


class ClassroomConfig(_Strict):
    """A focused exercise: what students see and may change (saved with the experiment)."""

    hidden: list[str] = Field(
        default_factory=list,
        max_length=200,
        description="Ids of controls, panels and views to hide, e.g. 'view:histograms', "
        "'panel:network', 'field:regularization.l1_lambda'.",
    )
    locked: list[str] = Field(
        default_factory=list,
        max_length=200,
        description="Field paths shown but not editable, e.g. 'network.layers.0.dropout_p'.",
    )

    @model_validator(mode="after")
    def _check(self) -> ClassroomConfig:
        for item in self.hidden + self.locked:
            if not item or len(item) > 120 or not re.fullmatch(r"[A-Za-z0-9_.:\-]+", item):
                raise ValueError(MSG.not_control_id(item=repr(item)))
        return self


class ViewsConfig(_Strict):
    """What the views draw beyond the training run itself (saved with the experiment; live while training)."""

    test_time_passes: int = Field(
        0,
        ge=0,
        le=1000,
        description="Dropout at test time: T stochastic passes (dropout on) drawn for the fit view; 0 is off.",
    )


class MetaConfig(_Strict):
    title: str = ""
    description: str = ""
    lesson: str = ""
    title_zh: str = ""
    description_zh: str = ""
    lesson_zh: str = ""
    real_data: Optional[Literal["fashion-mnist", "mnist"]] = Field(
        None,
        description="The downloadable set the lesson was written for: used instead of the dataset when it is "
        "cached, offered in one click when it is not.",
    )


class Experiment(_Strict):
    schema_version: int = Field(SCHEMA_VERSION, ge=1, le=SCHEMA_VERSION)
    kind: Literal["training", "dropout-scaling"] = "training"
    meta: MetaConfig = Field(default_factory=MetaConfig)
    dataset: DatasetConfig = Field(default_factory=DatasetConfig)
    network: NetworkConfig = Field(default_factory=NetworkConfig)
    regularization: RegularizationConfig = Field(default_factory=RegularizationConfig)
    optimizer: OptimizerConfig = Field(default_factory=OptimizerConfig)
    early_stopping: EarlyStoppingConfig = Field(default_factory=EarlyStoppingConfig)
    training: TrainingConfig = Field(default_factory=TrainingConfig)
    variants: list[VariantConfig] = Field(default_factory=list, max_length=16)
    demo: DemoConfig = Field(default_factory=DemoConfig)
    classroom: ClassroomConfig = Field(default_factory=ClassroomConfig)
    views: ViewsConfig = Field(default_factory=ViewsConfig)
    sweep: Optional[dict[str, Any]] = Field(
        None,
        description="A sweep of this experiment: {axes = [{path, values}], seeds, metric}; read by "
        "`python -m explorer sweep` and the Sweep panel (explorer.core.sweep checks it).",
    )
    lesson: Optional[LessonConfig] = Field(
        None, description="What a preset teaches, as claims a test checks over seeds (grammar: config/_claims.py)."
    )

    @model_validator(mode="after")
    def _check(self) -> Experiment:
        names = [v.name for v in self.variants]
        if len(set(names)) != len(names):
            raise ValueError(MSG.variant_names_unique())
        if self.early_stopping.monitor == "val_accuracy" and self.dataset.task == "regression":
            raise ValueError(MSG.val_accuracy_needs_classes())
        field, size = self.dataset.validation_setting()
        if self.early_stopping.enabled and self.kind == "training" and size == 0:
            # Without a validation split there is nothing honest to watch: falling back to the
            # training metric would stop on training progress and "restore" arbitrary weights.
            raise ValueError(MSG.early_stopping_needs_validation(field=field, size=f"{size:g}"))
        for v in self.variants:
            for path in v.set:
                if path.startswith("network.layers."):
                    i = int(path.split(".")[2])
                    if i >= len(self.network.layers):
                        raise ValueError(
                            MSG.variant_layer(
                                variant_name=repr(v.name), field=repr(path), n=i, m=len(self.network.layers)
                            )
                        )
        return self

    # -- variants -----------------------------------------------------------
    def variant_names(self) -> list[str]:
        return [v.name for v in self.variants] or [SINGLE_VARIANT_NAME]

    def resolved_variants(self) -> list[Experiment]:
        """One full experiment per variant (the base itself when there are none)."""
        if not self.variants:
            return [self]
        out = []
        for v in self.variants:
            base = self.model_dump(mode="python")
            base["variants"] = []
            try:
                for path, value in v.set.items():
                    _assign(base, path, value)
            except ConfigError as exc:
                raise ConfigError([_in_variant(v.name, p) for p in exc.problem_messages]) from None
            out.append(_validate(base, prefix=f"variants[{v.name}]."))
        return out

    # -- field paths ----------------------------------------------------------
    def with_values(self, assignments: dict[str, Any]) -> Experiment:
        """A validated copy with dotted-path fields replaced (the command line's --set)."""
        data = self.model_dump(mode="python")
        for path, value in assignments.items():
            _assign(data, path, value)
        return _validate(data)

    def get(self, path: str) -> Any:
        node: Any = self
        for part in path.split("."):
            node = node[int(part)] if isinstance(node, list) else getattr(node, part)
        return node

    # -- files ----------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def to_toml(self) -> str:
        import tomli_w

        return tomli_w.dumps(_drop_none(self.to_dict()))

    def save(self, path: str | Path) -> None:
        from explorer.core.util import atomic_write_text

        path = Path(path)
        text = self.to_toml() if path.suffix.lower() == ".toml" else self.to_json()
        atomic_write_text(path, text)


def _drop_none(obj: Any) -> Any:
    """TOML has no null: omit None values (they are the defaults)."""
    if isinstance(obj, dict):
        return {k: _drop_none(v) for k, v in obj.items() if v is not None}
    if isinstance(obj, list):
        return [_drop_none(v) for v in obj]
    return obj


def _assign(data: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    node: Any = data
    for i, part in enumerate(parts[:-1]):
        where = ".".join(parts[: i + 1])
        if isinstance(node, list):
            if not part.isdigit() or int(part) >= len(node):
                raise ConfigError([MSG.no_such_index(where=where, n=len(node))])
            node = node[int(part)]
        elif isinstance(node, dict):
            if part not in node:
                raise ConfigError([MSG.unknown_field(where=where)])
            node = node[part]
        else:
            raise ConfigError([MSG.not_section(where=where)])
    last = parts[-1]
    if isinstance(node, list):
        if not last.isdigit() or int(last) >= len(node):
            raise ConfigError([MSG.no_such_index(where=path, n=len(node))])
        node[int(last)] = value
    elif isinstance(node, dict):
        if last not in node:
            raise ConfigError([MSG.unknown_field(where=path)])
        node[last] = value
    else:
        raise ConfigError([MSG.not_section(where=path)])


def _loc_part(part: Any) -> str:
    """A key as it reads in a message: quoted when it is empty or not a plain name (a typo of ' ')."""
    text = str(part)
    return text if re.fullmatch(r"[\w\-\[\]]+", text) else repr(text)


def _in_variant(name: str, problem: Message) -> Message:
    """A problem found while applying a variant's settings, named by the variant's field path."""
    if "where" in problem.params:
        return Message(problem.id, {**problem.params, "where": f"variants[{name}].{problem.params['where']}"})
    return MSG.in_variant(variant_name=name, problem=problem)


def _describe(err: dict[str, Any], prefix: str = "") -> Message:
    loc = ".".join(_loc_part(p) for p in err.get("loc", ()))
    where = prefix + loc if loc else (prefix.rstrip(".") or "experiment")
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
    got = abbreviate(err.get("input"))  # a 3 MB input is quoted by its size, not whole
    if kind == "extra_forbidden":
        return MSG.unknown_field_spelling(where=where)
    if kind == "missing":
        return MSG.missing(where=where)
    if kind == "value_error":
        error = ctx.get("error", err.get("msg", ""))
        args = getattr(error, "args", ())
        problem = args[0] if len(args) == 1 and isinstance(args[0], Message) else as_message(str(error))
        if loc:
            return MSG.in_field(where=where, problem=problem)
        return MSG.prefixed(prefix=prefix, problem=problem) if prefix else problem  # a variant's names it
    if kind == "literal_error":
        return MSG.not_one_of(where=where, choices=choices(str(ctx.get("expected", ""))), value=got)
    return MSG.invalid(where=where, msg=pydantic_message(err), value=got)


def _validate(data: Any, prefix: str = "") -> Experiment:
    if not isinstance(data, dict):
        raise ConfigError([MSG.not_table(where=prefix or "experiment", type=type(data).__name__)])
    data = _migrate(copy.deepcopy(data))
    try:
        return Experiment.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(bounded([_describe(e, prefix) for e in exc.errors()])) from None


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring older files up to SCHEMA_VERSION. Version 1 is the first: nothing to do yet."""
    version = data.get("schema_version", SCHEMA_VERSION)
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise ConfigError([MSG.newer_schema(version=version, max=SCHEMA_VERSION)])
    return data


def experiment_from_dict(data: Any) -> Experiment:
    try:
        return _validate(data)
    except RecursionError:
        raise ConfigError([MSG.nested_too_deeply()]) from None


def parse_experiment(text: str, fmt: str) -> Experiment:
    """Parse JSON or TOML text; every failure becomes a ConfigError naming the problem.

    The text's size in every costly dimension (dotted-key parts, nesting, key and value
    counts, list lengths) is checked first, so the parser and the validator only ever see
    what an experiment can be: a hostile file is refused in milliseconds (see _bounds.py)."""
    kind = fmt.upper()
    if fmt == "toml":
        problem = toml_text_problem(text)
        if problem is not None:
            raise ConfigError([MSG.not_valid(fmt=kind, detail=problem)])
    try:
        if fmt == "toml":
            try:
                import tomllib
            except ModuleNotFoundError:  # Python 3.10
                import tomli as tomllib  # type: ignore[no-redef]
            data = tomllib.loads(text)
        else:
            data = json.loads(text)
    except ValueError as exc:  # JSONDecodeError and TOMLDecodeError both derive from it
        raise ConfigError([MSG.not_valid(fmt=kind, detail=_parser_words(exc))]) from None
    except RecursionError:  # "[[[[…" a hundred thousand deep
        raise ConfigError([MSG.text_nested_too_deeply(fmt=kind)]) from None
    problem = data_problem(data)
    if problem is not None:
        raise ConfigError([problem])
    experiment = experiment_from_dict(data)
    experiment.resolved_variants()  # a bad value inside a variant is named now, not in a panel later
    return experiment


_DIGITS = re.compile(r"Exceeds the limit \((\d+) digits\).*?has (\d+) digits")


def _parser_words(exc: ValueError) -> Any:
    """The parser's complaint; Python's advice for long integers (set_int_max_str_digits) is not the user's."""
    text = str(exc)
    digits = _DIGITS.search(text)
    if digits:
        return BOUNDS.too_many_digits(count=f"{int(digits.group(2)):,}", limit=digits.group(1))
    return text.splitlines()[0][:200] if text else type(exc).__name__


def load_experiment(path: str | Path) -> Experiment:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError([MSG.cannot_read(name=path.name, reason=exc.strerror or str(exc))]) from None
    if len(raw) > 5_000_000:
        raise ConfigError([MSG.too_large(name=path.name, size=len(raw))])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError([MSG.not_utf8(name=path.name)]) from None
    fmt = "toml" if path.suffix.lower() == ".toml" else "json"
    return parse_experiment(text, fmt)


LIVE_FIELDS = re.compile(
    r"^(network\.layers\.\d+\.(dropout_p|dropout_kind)"
    r"|regularization\.(l1_lambda|l2_lambda|penalize_biases|weight_decay)"
    r"|optimizer\.(lr|momentum|nesterov|betas)"
    r"|early_stopping\.(enabled|patience|min_delta|monitor|restore_best)"
    r"|views\.test_time_passes)$"
)


# SetValue(VARIANT_NAME, "p = 0.85", variant=i): variant i's new name. A name is no training
# setting, so its runs train on: a variant named for its value is renamed when the value changes.
VARIANT_NAME = "name"


def is_live_path(path: str) -> bool:
    """Fields a running trainer can change at the next step, without a rebuild."""
    return path == VARIANT_NAME or bool(LIVE_FIELDS.match(path))


def apply_live_value(experiment: Experiment, path: str, value: Any, variant: Optional[int] = None) -> Experiment:
    """The experiment with one live field changed, for every variant (None) or one.

    With variants, "every variant" also overwrites variant overrides of that field,
    so all arms really get the new value.
    """
    if not is_live_path(path):
        raise ConfigError([MSG.not_live(where=path)])
    data = experiment.model_dump(mode="python")
    if path == VARIANT_NAME:
        if variant is None or not 0 <= variant < len(data["variants"]):
            raise ConfigError([MSG.name_needs_variant(last=max(0, len(data["variants"]) - 1))])
        data["variants"][variant]["name"] = value
    elif variant is None or not data["variants"]:
        if variant not in (None, 0):
            raise ConfigError([MSG.no_variants(variant_index=variant)])
        _assign(data, path, value)
        for v in data["variants"]:
            if path in v["set"]:
                v["set"][path] = value
    else:
        if not 0 <= variant < len(data["variants"]):
            raise ConfigError([MSG.no_such_variant(variant_index=variant, n=len(data["variants"]))])
        data["variants"][variant]["set"][path] = value
    new = _validate(data)
    new.resolved_variants()  # a per-variant value is checked in its variant, not only the base
    return new


def parse_assignment(text: str) -> tuple[str, Any]:
    """'network.layers.0.dropout_p=0.5' -> ('network.layers.0.dropout_p', 0.5).

    Values are read as JSON when they parse (numbers, true/false, null, lists),
    else taken as a string, so `--set optimizer.kind=adam` needs no quotes.
    """
    # the first '=' outside a variant's [NAME]: 'variants[p = 0.5].optimizer.lr=0.1'
    depth, split = 0, -1
    for i, ch in enumerate(text):
        depth += (ch == "[") - (ch == "]")
        if ch == "=" and depth <= 0:
            split = i
            break
    if split < 0:
        raise ConfigError([MSG.not_assignment(text=repr(text))])
    path, raw = text[:split], text[split + 1 :]
    path = path.strip()
    raw = raw.strip()
    try:
        value: Any = json.loads(raw)
    except ValueError:
        value = raw
    return path, value
