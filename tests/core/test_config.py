"""The experiment schema: defaults, files, messages that name the field path, variants, live edits."""

from __future__ import annotations

import json
import re

import pytest

from explorer.core.config import (
    DEFAULT_PRESET,
    SCHEMA_VERSION,
    Experiment,
    apply_live_value,
    experiment_from_dict,
    is_live_path,
    list_presets,
    load_experiment,
    load_preset,
    parse_assignment,
    parse_experiment,
    presets_dir,
)
from explorer.core.protocol import ConfigError


def problems_of(data) -> list[str]:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError) as info:
        experiment_from_dict(data)
    assert info.value.problems, "a ConfigError must list at least one problem"
    return info.value.problems


def a_rich_experiment() -> Experiment:
    """Non-default values in every section, a None field and a variant."""
    return Experiment().with_values(
        {
            "dataset.kind": "sine",
            "dataset.n_train": 33,
            "dataset.noise": 0.25,
            "dataset.seed": 7,
            "network.layers": [
                {"width": 5, "activation": "tanh", "dropout_p": 0.25, "dropout_kind": "vanilla"},
                {"width": 3, "activation": "gelu", "dropout_p": 0.0, "dropout_kind": "gaussian"},
            ],
            "network.init": "xavier",
            "regularization.l1_lambda": 0.001,
            "regularization.l2_lambda": 0.5,
            "regularization.penalize_biases": True,
            "optimizer.kind": "adam",
            "optimizer.lr": 0.003,
            "optimizer.betas": [0.8, 0.95],
            "early_stopping.enabled": True,
            "early_stopping.patience": 4,
            "training.epochs": 12,
            "training.batch_size": 8,
            "training.eval_every": 3,
            "training.seed": 11,
            "training.device": "cpu",
            "variants": [
                {"name": "more L2", "set": {"regularization.l2_lambda": 1.0, "network.layers.1.dropout_p": 0.5}}
            ],
        }
    )


# -- defaults --------------------------------------------------------------------------


def test_defaults_are_valid_and_documented_values() -> None:
    exp = Experiment()
    assert experiment_from_dict(exp.to_dict()) == exp
    assert exp.schema_version == SCHEMA_VERSION == 1
    assert exp.kind == "training"
    assert [layer.width for layer in exp.network.layers] == [32, 32]
    assert exp.optimizer.kind == "sgd" and exp.optimizer.lr == 0.01
    assert exp.regularization.l2_lambda == 0.0 and exp.regularization.l1_lambda == 0.0
    assert exp.training.batch_size is None
    assert exp.variant_names() == ["model"]
    assert exp.resolved_variants() == [exp]


# -- files ----------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".toml", ".JSON"])
def test_file_round_trip(tmp_path, suffix: str) -> None:
    exp = a_rich_experiment()
    path = tmp_path / f"experiment{suffix}"
    exp.save(path)
    loaded = load_experiment(path)
    assert loaded == exp
    assert loaded.dataset.path is None  # TOML has no null: omitted, default comes back
    assert loaded.optimizer.betas == (0.8, 0.95)
    assert loaded.variants[0].set == {"regularization.l2_lambda": 1.0, "network.layers.1.dropout_p": 0.5}
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # atomic write: no temp file left


def test_toml_file_is_toml_and_json_file_is_json(tmp_path) -> None:
    exp = a_rich_experiment()
    exp.save(tmp_path / "a.toml")
    exp.save(tmp_path / "a.json")
    assert json.loads((tmp_path / "a.json").read_text("utf-8"))["optimizer"]["lr"] == 0.003
    text = (tmp_path / "a.toml").read_text("utf-8")
    assert "[optimizer]" in text and "null" not in text
    assert parse_experiment(text, "toml") == exp


# -- messages that name the field ---------------------------------------------------------


def test_unknown_top_level_key_names_it() -> None:
    assert problems_of({"netwrk": {}}) == ["netwrk: unknown field (check the spelling)"]


def test_unknown_nested_key_names_full_path() -> None:
    assert problems_of({"network": {"layers": [{"widht": 3}]}}) == [
        "network.layers.0.widht: unknown field (check the spelling)"
    ]


def test_out_of_range_names_path_bound_and_value() -> None:
    (problem,) = problems_of({"network": {"layers": [{"dropout_p": 1.5}]}})
    assert problem.startswith("network.layers.0.dropout_p: ")
    assert "less than or equal to 1" in problem
    assert "1.5" in problem
    (problem,) = problems_of({"optimizer": {"lr": 0}})
    assert problem.startswith("optimizer.lr: ") and "greater than 0" in problem and "got 0" in problem


def test_every_problem_is_listed_not_only_the_first() -> None:
    problems = problems_of(
        {"network": {"layers": [{"dropout_p": 1.5, "widht": 3}]}, "optimizer": {"lr": -1}, "trainin": {}}
    )
    paths = sorted(p.split(":")[0] for p in problems)
    assert paths == ["network.layers.0.dropout_p", "network.layers.0.widht", "optimizer.lr", "trainin"]


@pytest.mark.parametrize(
    "data, path",
    [
        ({"optimizer": {"lr": "fast"}}, "optimizer.lr"),
        ({"training": {"epochs": "ten"}}, "training.epochs"),
        ({"optimizer": {"kind": "rmsprop"}}, "optimizer.kind"),
        ({"network": {"layers": [{"activation": "swish"}]}}, "network.layers.0.activation"),
    ],
)
def test_wrong_type_or_choice_names_path_and_value(data, path: str) -> None:  # type: ignore[no-untyped-def]
    (problem,) = problems_of(data)
    assert problem.startswith(f"{path}: ")
    bad = list(data.values())[0]
    value = bad["layers"][0]["activation"] if "layers" in bad else list(bad.values())[0]
    assert repr(value) in problem


def test_choice_error_lists_the_allowed_values() -> None:
    (problem,) = problems_of({"optimizer": {"kind": "rmsprop"}})
    for allowed in ("sgd", "adam", "adamw"):
        assert allowed in problem


@pytest.mark.parametrize(
    "data, path",
    [
        ({"optimizer": 3}, "optimizer"),
        ({"network": {"layers": {"width": 3}}}, "network.layers"),
        ({"lr": 0.1}, "lr"),  # a field at the wrong level
    ],
)
def test_wrong_nesting_names_path(data, path: str) -> None:  # type: ignore[no-untyped-def]
    (problem,) = problems_of(data)
    assert problem.startswith(f"{path}: ")


@pytest.mark.parametrize("data", [[1, 2], None, "text", 3])
def test_top_level_must_be_a_table(data) -> None:  # type: ignore[no-untyped-def]
    (problem,) = problems_of(data)
    assert problem.startswith("experiment: must be a table/object")


@pytest.mark.parametrize("kind", ["idx", "csv"])
def test_file_datasets_need_a_path(kind: str) -> None:
    (problem,) = problems_of({"dataset": {"kind": kind}})
    assert problem.startswith("dataset: ") and "dataset.path is required" in problem and repr(kind) in problem
    assert experiment_from_dict({"dataset": {"kind": kind, "path": "somewhere"}}).dataset.path == "somewhere"


def test_newer_schema_version_refused_as_newer() -> None:
    (problem,) = problems_of({"schema_version": SCHEMA_VERSION + 1})
    assert problem.startswith("schema_version: ")
    assert "newer" in problem and f"version {SCHEMA_VERSION + 1}" in problem


def test_cross_field_rules() -> None:
    assert problems_of({"optimizer": {"nesterov": True}}) == ["optimizer: nesterov needs momentum > 0"]
    assert problems_of({"optimizer": {"betas": [0.9, 1.0]}}) == ["optimizer: betas must each be in [0, 1)"]
    assert problems_of({"variants": [{"name": "a"}, {"name": "a"}]}) == ["variant names must be unique"]
    assert problems_of({"early_stopping": {"monitor": "val_accuracy"}}) == [
        "early_stopping.monitor 'val_accuracy' needs a classification dataset"
    ]


# -- invalid bytes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("bad.json", b"\xff\xfe\x00garbage\x80", "not UTF-8"),
        ("bad.toml", b"\xc3\x28", "not UTF-8"),
        ("bad.json", b"{not json", "not valid JSON"),
        ("bad.toml", b"a = [", "not valid TOML"),
        ("bad.json", b"null", "must be a table/object"),
        ("bad.json", b"", "not valid JSON"),
    ],
)
def test_invalid_file_bytes_give_config_error(tmp_path, name: str, data: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ConfigError) as info:
        load_experiment(path)
    assert expected in str(info.value)


def test_missing_file_gives_config_error(tmp_path) -> None:
    with pytest.raises(ConfigError) as info:
        load_experiment(tmp_path / "nope.json")
    assert "cannot read nope.json" in str(info.value)


# -- variants ------------------------------------------------------------------------------------


def test_resolved_variants_apply_overrides_and_keep_the_rest() -> None:
    exp = a_rich_experiment().with_values(
        {
            "variants": [
                {"name": "A", "set": {}},
                {
                    "name": "B",
                    "set": {
                        "regularization.l2_lambda": 2.0,
                        "network.layers.0.dropout_kind": "dropconnect",
                        "optimizer.lr": 0.5,
                        "early_stopping.patience": 9,
                    },
                },
            ]
        }
    )
    a, b = exp.resolved_variants()
    assert exp.variant_names() == ["A", "B"]
    base = exp.model_dump()
    base["variants"] = []
    assert a.model_dump() == base
    assert (
        b.regularization.l2_lambda,
        b.network.layers[0].dropout_kind,
        b.optimizer.lr,
        b.early_stopping.patience,
    ) == (2.0, "dropconnect", 0.5, 9)
    b_dump = b.model_dump()
    for path in ("regularization.l2_lambda", "network", "optimizer", "early_stopping"):
        b_dump.pop(path.split(".")[0], None)
        base.pop(path.split(".")[0], None)
    assert b_dump == base  # dataset, training, meta... untouched
    assert b.network.layers[0].width == 5 and b.network.layers[0].dropout_p == 0.25
    assert all(v.variants == [] for v in (a, b))


def test_variant_may_not_change_width() -> None:
    (problem,) = problems_of({"variants": [{"name": "wide", "set": {"network.layers.0.width": 64}}]})
    assert problem.startswith("variants.0: ")
    assert "variant 'wide' may not change 'network.layers.0.width'" in problem
    assert "dropout_p/dropout_kind" in problem


@pytest.mark.parametrize("path", ["dataset.n_train", "training.epochs", "network.init", "network.layers.0"])
def test_variant_may_not_change_shapes_or_data(path: str) -> None:
    (problem,) = problems_of({"variants": [{"name": "v", "set": {path: 1}}]})
    assert f"may not change {path!r}" in problem


def test_variant_naming_a_missing_layer() -> None:
    (problem,) = problems_of({"variants": [{"name": "deep", "set": {"network.layers.5.dropout_p": 0.5}}]})
    assert problem == (
        "variant 'deep': 'network.layers.5.dropout_p' names layer 5, but the network has 2 hidden layers"
    )


def test_variant_bad_value_names_the_variant() -> None:
    exp = experiment_from_dict({"variants": [{"name": "neg", "set": {"regularization.l2_lambda": -1}}]})
    with pytest.raises(ConfigError) as info:
        exp.resolved_variants()
    (problem,) = info.value.problems
    assert problem.startswith("variants[neg].regularization.l2_lambda: ") and "-1" in problem


def test_variant_typo_names_the_variant() -> None:
    exp = experiment_from_dict({"variants": [{"name": "typo", "set": {"regularization.l2_lamda": 1.0}}]})
    with pytest.raises(ConfigError) as info:
        exp.resolved_variants()
    (problem,) = info.value.problems
    assert problem == "variants[typo].regularization.l2_lamda: unknown field"


# -- with_values / parse_assignment ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a.b=0.5", ("a.b", 0.5)),
        ("optimizer.kind=adam", ("optimizer.kind", "adam")),
        (" training.epochs = 7 ", ("training.epochs", 7)),
        ("training.batch_size=null", ("training.batch_size", None)),
        ("regularization.penalize_biases=true", ("regularization.penalize_biases", True)),
        ("optimizer.betas=[0.5, 0.9]", ("optimizer.betas", [0.5, 0.9])),
        ("meta.title=a=b", ("meta.title", "a=b")),
        ("regularization.l2_lambda=1e-3", ("regularization.l2_lambda", 0.001)),
    ],
)
def test_parse_assignment(text: str, expected) -> None:  # type: ignore[no-untyped-def]
    path, value = parse_assignment(text)
    assert (path, value) == expected
    assert type(value) is type(expected[1])


def test_parse_assignment_without_equals_is_refused() -> None:
    with pytest.raises(ConfigError) as info:
        parse_assignment("x")
    assert info.value.problems == ["--set 'x': expected path=value"]


def test_with_values_sets_validates_and_copies() -> None:
    exp = Experiment()
    new = exp.with_values(
        dict([parse_assignment("network.layers.1.dropout_p=0.5"), parse_assignment("optimizer.kind=adam")])
    )
    assert new.network.layers[1].dropout_p == 0.5 and new.optimizer.kind == "adam"
    assert exp.network.layers[1].dropout_p == 0.0 and exp.optimizer.kind == "sgd"  # the original is unchanged
    assert new.get("network.layers.1.dropout_p") == 0.5


@pytest.mark.parametrize(
    "assignments, problem",
    [
        ({"network.layers.7.dropout_p": 0.1}, "network.layers.7: no such index (there are 2)"),
        ({"network.layers.2": {}}, "network.layers.2: no such index (there are 2)"),
        ({"netwrk.x": 1}, "netwrk: unknown field"),
        ({"optimizer.lr.x": 1}, "optimizer.lr.x: is not a section"),
        ({"optimizer.speed": 1}, "optimizer.speed: unknown field"),
    ],
)
def test_with_values_bad_paths(assignments, problem: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError) as info:
        Experiment().with_values(assignments)
    assert info.value.problems == [problem]


def test_with_values_bad_value_names_path() -> None:
    with pytest.raises(ConfigError) as info:
        Experiment().with_values({"regularization.l2_lambda": 1000})
    (problem,) = info.value.problems
    assert problem.startswith("regularization.l2_lambda: ") and "100" in problem and "1000" in problem


# -- live values --------------------------------------------------------------------------------------


def two_variant_experiment() -> Experiment:
    return Experiment().with_values(
        {
            "variants": [
                {"name": "A", "set": {"regularization.l2_lambda": 0.1}},
                {"name": "B", "set": {}},
            ]
        }
    )


def test_apply_live_value_to_every_variant_overrides_variant_values() -> None:
    exp = two_variant_experiment()
    new = apply_live_value(exp, "regularization.l2_lambda", 0.7)
    assert new.regularization.l2_lambda == 0.7
    assert [v.regularization.l2_lambda for v in new.resolved_variants()] == [0.7, 0.7]
    assert [v.regularization.l2_lambda for v in exp.resolved_variants()] == [0.1, 0.0]  # unchanged original


def test_apply_live_value_to_one_variant() -> None:
    exp = two_variant_experiment()
    new = apply_live_value(exp, "network.layers.1.dropout_p", 0.3, variant=1)
    assert new.network.layers[1].dropout_p == 0.0
    a, b = new.resolved_variants()
    assert a.network.layers[1].dropout_p == 0.0 and b.network.layers[1].dropout_p == 0.3
    assert new.variants[1].set == {"network.layers.1.dropout_p": 0.3}
    new = apply_live_value(new, "regularization.l2_lambda", 0.2, variant=0)
    assert [v.regularization.l2_lambda for v in new.resolved_variants()] == [0.2, 0.0]


def test_apply_live_value_without_variants() -> None:
    exp = Experiment()
    assert apply_live_value(exp, "optimizer.lr", 0.5).optimizer.lr == 0.5
    assert apply_live_value(exp, "optimizer.lr", 0.5, variant=0).optimizer.lr == 0.5
    with pytest.raises(ConfigError, match="has no variants"):
        apply_live_value(exp, "optimizer.lr", 0.5, variant=1)
    with pytest.raises(ConfigError, match="no such variant"):
        apply_live_value(two_variant_experiment(), "optimizer.lr", 0.5, variant=2)


@pytest.mark.parametrize(
    "path",
    ["network.layers.0.width", "training.epochs", "optimizer.kind", "dataset.noise", "network.layers.0.activation"],
)
def test_non_live_path_refused(path: str) -> None:
    assert not is_live_path(path)
    with pytest.raises(ConfigError) as info:
        apply_live_value(Experiment(), path, 1)
    assert info.value.problems == [f"{path}: cannot change while training (rebuild the model instead)"]


def test_live_value_is_validated() -> None:
    with pytest.raises(ConfigError) as info:
        apply_live_value(Experiment(), "network.layers.0.dropout_p", 1.5)
    assert info.value.problems[0].startswith("network.layers.0.dropout_p: ")
    with pytest.raises(ConfigError) as info:
        apply_live_value(two_variant_experiment(), "optimizer.lr", -1.0)  # every variant
    assert info.value.problems[0].startswith("optimizer.lr: ")


def test_live_value_for_one_variant_is_validated() -> None:
    with pytest.raises(ConfigError) as info:
        apply_live_value(two_variant_experiment(), "optimizer.lr", -1.0, variant=0)
    assert info.value.problems[0].startswith("variants[A].optimizer.lr: ")


# -- presets ---------------------------------------------------------------------------------------------

PRESET_FILES = sorted(presets_dir().glob("*.toml"))


def test_preset_gallery() -> None:
    names = [info.name for info in list_presets()]
    assert names[0] == DEFAULT_PRESET
    assert sorted(names) == sorted(p.stem for p in PRESET_FILES)
    assert len(names) == 20


@pytest.mark.parametrize("path", PRESET_FILES, ids=lambda p: p.stem)
def test_every_preset_loads_and_validates(path) -> None:  # type: ignore[no-untyped-def]
    exp = load_preset(path.stem)
    assert exp == load_experiment(path)
    assert exp.meta.title, "every preset has a title"
    assert experiment_from_dict(exp.to_dict()) == exp  # round trip through the validator
    resolved = exp.resolved_variants()
    assert len(resolved) == len(exp.variant_names())
    for v in resolved:  # every arm keeps the shapes
        assert [layer.width for layer in v.network.layers] == [layer.width for layer in exp.network.layers]


def test_preset_facts_from_experiments_md() -> None:
    reg = load_preset("dropout-regression")
    assert [layer.width for layer in reg.network.layers] == [200, 200, 200]
    assert (reg.optimizer.kind, reg.optimizer.lr, reg.optimizer.momentum) == ("sgd", 0.01, 0.9)
    assert reg.training.epochs == 2000 and reg.training.batch_size is None
    assert [[layer.dropout_p for layer in v.network.layers] for v in reg.resolved_variants()] == [[0.0] * 3, [0.5] * 3]
    hd = load_preset("weight-decay-highdim")
    assert hd.network.layers == [] and hd.training.batch_size == 5 and hd.optimizer.lr == 0.003
    assert [v.regularization.l2_lambda for v in hd.resolved_variants()] == [0.0, 1.5]  # d2l's lambda/2 = 3/2
    quad = load_preset("weight-decay-quadratic")
    assert [layer.width for layer in quad.network.layers] == [3, 5, 10, 5]
    # a linear output, not the script's ReLU: an output ReLU can die and leave a flat zero (seed 2 does)
    assert quad.network.output_activation == "linear" and quad.optimizer.kind == "adam"
    # no penalty, the band where L2 helps, and past the cliff where it flattens the net
    assert [v.regularization.l2_lambda for v in quad.resolved_variants()] == [0.0, 0.002, 0.01]
    assert (quad.optimizer.lr, quad.training.epochs, quad.training.batch_size) == (0.005, 3000, 1)
    scaling = load_preset("dropout-scaling")
    assert scaling.kind == "dropout-scaling"
    assert (scaling.demo.dropout_p, scaling.demo.n_inputs) == (0.5, 10_000)


def test_unknown_preset() -> None:
    with pytest.raises(ConfigError) as info:
        load_preset("no-such-preset")
    (problem,) = info.value.problems
    assert problem.startswith("unknown preset 'no-such-preset'") and DEFAULT_PRESET in problem


# d2l's dropout exercises, as d2l numbers them (EXPERIMENTS.md #6): the presets cite these numbers.
D2L_DROPOUT_EXERCISES = {
    "dropout-mlp-swap": 1,  # swap the two probabilities
    "dropout-mlp-long": 2,  # more epochs
    "dropout-mlp-activations": 3,  # variance of the activations
    # 4: why not dropout at test time (the test-time view answers it)
    "dropout-vs-weight-decay": 5,  # dropout and weight decay together
    "dropconnect": 6,  # dropout on the weights
    "gaussian-dropout": 7,  # another noise-injection technique
}


@pytest.mark.parametrize("name, number", sorted(D2L_DROPOUT_EXERCISES.items()))
def test_presets_cite_the_d2l_exercise_numbers(name, number) -> None:  # type: ignore[no-untyped-def]
    meta = load_preset(name).meta
    assert f"(d2l exercise {number})" in meta.title
    assert f"（d2l 练习 {number}）" in meta.title_zh
    cited = [int(n) for n in re.findall(r"d2l exercise (\d+)", meta.title + meta.description + meta.lesson)]
    assert cited == [number]


def test_a_variant_is_renamed_live_and_only_one_variant_at_a_time() -> None:
    from explorer.core.config import VARIANT_NAME

    exp = two_variant_experiment()
    assert is_live_path(VARIANT_NAME)
    new = apply_live_value(exp, VARIANT_NAME, "L2 0.1", variant=0)
    assert new.variant_names() == ["L2 0.1", "B"]
    assert new.resolved_variants()[0].regularization.l2_lambda == 0.1  # the settings stay
    for variant in (None, 2):
        with pytest.raises(ConfigError) as info:
            apply_live_value(exp, VARIANT_NAME, "C", variant=variant)
        assert info.value.problems == ["name: a new name is for one variant; say which (variants 0 to 1)"]
    with pytest.raises(ConfigError, match="unique"):
        apply_live_value(exp, VARIANT_NAME, "B", variant=0)
