"""Bad files from a room full of students: generated experiment files, IDX and CSV files.

Experiment files (JSON and TOML) come from hypothesis: valid experiments with
random mutations (wrong types, out-of-range values, missing and unknown keys,
wrong nesting, odd variant paths) and free-form random nesting of dicts,
lists, strings, numbers and booleans. Whatever the file holds, loading it
either gives an experiment that can be used everywhere (its variants resolve)
or raises ConfigError whose problems name the field -- never another
exception, and the file is never written to.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import struct
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.core.config import (
    DatasetConfig,
    EarlyStoppingConfig,
    Experiment,
    LayerConfig,
    MetaConfig,
    NetworkConfig,
    OptimizerConfig,
    RegularizationConfig,
    TrainingConfig,
    VariantConfig,
    load_experiment,
    load_preset,
    parse_experiment,
)
from explorer.core.protocol import ConfigError, DatasetError

# -- what a generated file may hold ---------------------------------------------------------------------

_MODELS = (
    Experiment,
    DatasetConfig,
    LayerConfig,
    NetworkConfig,
    RegularizationConfig,
    OptimizerConfig,
    EarlyStoppingConfig,
    TrainingConfig,
    VariantConfig,
    MetaConfig,
)
FIELD_NAMES = sorted({name for model in _MODELS for name in model.model_fields} | {"demo", "classroom"})
# Words a message names its field with: every field and section, and what a file-level problem says.
FIELD_WORDS = tuple(FIELD_NAMES) + ("variant", "JSON", "TOML", "experiment", "too large", "UTF-8", "cannot read")

VARIANT_PATHS = [
    "network.layers.0.dropout_p",
    "network.layers.1.dropout_kind",
    "network.layers.7.dropout_p",
    "network.layers.99999999999999999999.dropout_p",
    "network.layers.².dropout_p",  # a digit int() refuses
    "network.layers.٣.dropout_p",
    "network.layers.-1.dropout_p",
    "network.layers..dropout_p",
    "network.layers.0",
    "network.layers.0.width",
    "network.layers.0.dropout_p.x",
    "regularization.l2_lambda",
    "regularization.l1_lambda",
    "regularization",
    "regularization.",
    "regularization.nope",
    "regularization.l2_lambda.deeper",
    "optimizer.lr",
    "optimizer.betas",
    "optimizer.betas.0",
    "optimizer.betas.5",
    "early_stopping.monitor",
    "early_stopping.patience",
    "dataset.kind",
    "training.epochs",
    "",
    ".",
    "network",
    "variants.0.name",
]

leaf = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.sampled_from([0, 1, -1, 2, 12, 13, 10**9])
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from([0.0, 0.5, 1.0, -0.1, 1e-300, 1e300])
    | st.text(max_size=12)
    | st.sampled_from(
        [
            "relu",
            "linear",
            "idx",
            "csv",
            "sgd",
            "adam",
            "cuda",
            "val_accuracy",
            "inverted",
            "nope",
            "1",
            "0.5",
            "true",
            "null",
            "é☃",
        ]
    )
)
keys = st.sampled_from(FIELD_NAMES) | st.text(min_size=1, max_size=10)
json_values = st.recursive(
    leaf, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4), max_leaves=16
)


def _bases() -> list[dict[str, Any]]:
    rich = Experiment().with_values(
        {
            "dataset.kind": "sine",
            "network.layers": [{"width": 5, "dropout_p": 0.25}, {"width": 3}],
            "early_stopping.enabled": True,
            "variants": [
                {"name": "a", "set": {"regularization.l2_lambda": 0.5}},
                {"name": "b", "set": {"network.layers.1.dropout_p": 0.5}},
            ],
        }
    )
    return [
        Experiment().to_dict(),
        rich.to_dict(),
        load_preset("dropout-regression").to_dict(),
        load_preset("dropout-mlp").to_dict(),
    ]


BASES = _bases()


def _nodes(data: Any, path: tuple = ()) -> list[tuple]:
    """Every (container path) in a nested structure: the places a mutation can land."""
    out = [path]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _nodes(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _nodes(v, path + (i,))
    return out


def _get(data: Any, path: tuple) -> Any:
    for p in path:
        data = data[p]
    return data


@st.composite
def mutated_experiments(draw) -> Any:
    """A valid experiment (as plain data) with one to five random mutations."""
    data = json.loads(json.dumps(draw(st.sampled_from(BASES))))
    for _ in range(draw(st.integers(1, 5))):
        nodes = _nodes(data)
        where = draw(st.sampled_from(nodes))
        op = draw(
            st.sampled_from(
                ["set", "set", "delete", "unknown", "wrap_list", "wrap_dict", "variant", "replace_section", "clear"]
            )
        )
        if op == "variant":
            variants = data.setdefault("variants", []) if isinstance(data, dict) else []
            if isinstance(variants, list):
                n = draw(st.integers(0, 3))
                variants.append(
                    {
                        "name": draw(st.text(max_size=8) | st.sampled_from(["a", "b", ""])),
                        "set": {draw(st.sampled_from(VARIANT_PATHS)): draw(json_values) for _ in range(n)},
                    }
                )
            continue
        if not where:
            if op in ("set", "replace_section", "wrap_list"):
                data = draw(json_values) if op != "wrap_list" else [data]
            continue
        parent = _get(data, where[:-1])
        key = where[-1]
        if op == "set":
            parent[key] = draw(json_values)
        elif op == "delete":
            del parent[key]
        elif op == "unknown" and isinstance(parent, dict):
            parent[draw(keys)] = draw(json_values)
        elif op == "wrap_list":
            parent[key] = [parent[key]]
        elif op == "wrap_dict":
            parent[key] = {draw(keys): parent[key]}
        elif op == "replace_section":
            parent[key] = draw(st.sampled_from([[], {}, "", 0, None, True]))
        elif op == "clear" and isinstance(parent[key], (dict, list)):
            parent[key].clear()
    return data


any_file_data = mutated_experiments() | json_values | st.dictionaries(keys, json_values, max_size=6)


def _drop_none(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _drop_none(v) for k, v in obj.items() if v is not None}
    if isinstance(obj, list):
        return [_drop_none(v) for v in obj if v is not None]
    return obj


def encode(data: Any, fmt: str) -> bytes | None:
    """The file's bytes, or None when this data cannot be written in that format at all."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False).encode("utf-8")
    data = _drop_none(data)
    if not isinstance(data, dict):
        data = {"value": data}  # a TOML document is always a table
    try:
        return tomli_w.dumps(data).encode("utf-8")
    except (TypeError, ValueError):
        return None


def assert_loads_or_names_the_field(path: Path) -> Experiment | None:
    """load_experiment: an experiment that works everywhere, or ConfigError naming the field."""
    before = path.read_bytes()
    try:
        exp = load_experiment(path)
    except ConfigError as exc:
        assert exc.problems, "a ConfigError lists at least one problem"
        for problem in exc.problems:
            assert isinstance(problem, str) and problem.strip(), exc.problems
            assert "Traceback" not in problem
            named = problem.split(": ", 1)[0] if ": " in problem else ""
            assert named.strip() or any(word in problem for word in FIELD_WORDS), f"names no field: {problem!r}"
            assert len(problem) < 2000, "a message a person can read"
        exp = None
    else:
        exp.resolved_variants()  # usable by the panels and the trainer
        assert json.loads(exp.to_json())  # and savable
    assert path.read_bytes() == before, "loading never writes the file"
    return exp


def _write(folder: Path, name: str, blob: bytes) -> Path:
    path = folder / name
    path.write_bytes(blob)
    return path


FUZZ = settings(
    max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


@FUZZ
@given(data=any_file_data)
def test_generated_json_experiment_files_only_raise_config_errors(data) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        assert_loads_or_names_the_field(_write(Path(tmp), "experiment.json", encode(data, "json")))


@FUZZ
@given(data=any_file_data)
def test_generated_toml_experiment_files_only_raise_config_errors(data) -> None:  # type: ignore[no-untyped-def]
    blob = encode(data, "toml")
    if blob is None:
        return
    with tempfile.TemporaryDirectory() as tmp:
        assert_loads_or_names_the_field(_write(Path(tmp), "experiment.toml", blob))


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(max_size=200) | st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
    fmt=st.sampled_from(["json", "toml"]),
)
def test_random_text_is_a_config_error(text: str, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        assert_loads_or_names_the_field(_write(Path(tmp), f"x.{fmt}", text.encode("utf-8", "surrogatepass")))


@pytest.mark.parametrize(
    "name, blob",
    [
        ("deep.json", b"[" * 100_000 + b"]" * 100_000),
        ("deep-dict.json", b'{"a":' * 50_000 + b"1" + b"}" * 50_000),
        ("deep.toml", b"a = " + b"[" * 100_000 + b"]" * 100_000),
        ("deep-inline.toml", b"a = " + b"{b = " * 20_000 + b"1" + b"}" * 20_000),
        ("nested-json-in-field.json", json.dumps({"network": {"layers": [[[[[[[[[[{}]]]]]]]]]]}}).encode()),
        ("huge-int.json", b'{"training": {"epochs": ' + b"9" * 5000 + b"}}"),
        ("nan.json", b'{"optimizer": {"lr": NaN}, "regularization": {"l2_lambda": Infinity}}'),
        ("bom.json", b"\xef\xbb\xbf{}"),
        ("latin1.toml", "[meta]\ntitle = \"caf\xe9\"\n".encode("latin-1")),
        ("nul.json", b"\x00" * 64),
        ("empty.toml", b""),
        ("array.json", b"[1, 2, 3]"),
        ("string.json", b'"experiment"'),
        ("version.json", b'{"schema_version": 99}'),
        ("version-type.json", b'{"schema_version": "one"}'),
        ("version-float.json", b'{"schema_version": 1.5}'),
        (
            "superscript.json",
            json.dumps({"variants": [{"name": "x", "set": {"network.layers.².dropout_p": 0.5}}]}).encode(),
        ),
        (
            "variant-value.json",
            json.dumps({"variants": [{"name": "x", "set": {"regularization.l2_lambda": "lots"}}]}).encode(),
        ),
        (
            "variant-layer.json",
            json.dumps(
                {"network": {"layers": []}, "variants": [{"name": "x", "set": {"network.layers.0.dropout_p": 0.1}}]}
            ).encode(),
        ),
        ("betas.toml", b"[optimizer]\nbetas = [0.9, 0.999, 0.5]\n"),
        ("layers-table.toml", b"[network.layers]\nwidth = 3\n"),
    ],
)
def test_hostile_experiment_files(tmp_path, name: str, blob: bytes) -> None:
    exp = assert_loads_or_names_the_field(_write(tmp_path, name, blob))
    if name not in ("empty.toml", "bom.json"):
        assert exp is None, f"{name} should be refused"


def test_variant_values_are_checked_when_the_file_loads(tmp_path) -> None:
    """A bad value inside a variant is named at load, not later in a panel or the trainer."""
    path = _write(
        tmp_path,
        "v.json",
        json.dumps({"variants": [{"name": "strong", "set": {"regularization.l2_lambda": 1e9}}]}).encode(),
    )
    with pytest.raises(ConfigError) as info:
        load_experiment(path)
    assert any("variants[strong].regularization.l2_lambda" in p for p in info.value.problems), info.value.problems
    with pytest.raises(ConfigError, match="variants"):
        parse_experiment(path.read_text(), "json")


# -- IDX and CSV files (what tests/core/test_idx.py and test_datasets.py do not already cover) ------------


def _idx(arr: np.ndarray, code: int = 0x08) -> bytes:
    return bytes([0, 0, code, arr.ndim]) + struct.pack(f">{arr.ndim}i", *arr.shape) + arr.astype(">u1").tobytes()


def _pair(folder: Path, images: bytes, labels: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "train-images-idx3-ubyte").write_bytes(images)
    (folder / "train-labels-idx1-ubyte").write_bytes(labels)
    return folder


def _dataset_error(**cfg: Any) -> str:
    from explorer.core.data import build_dataset

    with pytest.raises(DatasetError) as info:
        build_dataset(DatasetConfig(**cfg))
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_idx_wrong_dimensions_are_named(tmp_path) -> None:
    images2d = np.zeros((10, 784), np.uint8)  # flattened images: a 2-D file
    labels = np.zeros(10, np.uint8)
    folder = _pair(tmp_path / "flat", _idx(images2d), _idx(labels))
    message = _dataset_error(kind="idx", path=str(folder))
    assert "train-images-idx3-ubyte" in message and "(N, height, width)" in message and "(10, 784)" in message
    folder = _pair(tmp_path / "labels2d", _idx(np.zeros((10, 4, 4), np.uint8)), _idx(np.zeros((10, 2), np.uint8)))
    message = _dataset_error(kind="idx", path=str(folder))
    assert "train-labels-idx1-ubyte" in message and "(N,)" in message
    # swapped: the labels where the images should be
    folder = _pair(tmp_path / "swapped", _idx(labels), _idx(np.zeros((10, 4, 4), np.uint8)))
    assert "(N, height, width)" in _dataset_error(kind="idx", path=str(folder))
    # a wrong magic and a truncated file reach the dataset builder as the same clear errors
    folder = _pair(tmp_path / "magic", b"GIF89a" + bytes(200), _idx(labels))
    assert "not an IDX file" in _dataset_error(kind="idx", path=str(folder))
    good = _idx(np.zeros((10, 4, 4), np.uint8))
    folder = _pair(tmp_path / "cut", good[:-7], _idx(labels))
    assert "truncated IDX data" in _dataset_error(kind="idx", path=str(folder))
    folder = _pair(tmp_path / "cutgz", gzip.compress(good)[:-12], _idx(labels))
    (folder / "train-images-idx3-ubyte").rename(folder / "train-images-idx3-ubyte.gz")
    assert "gzip" in _dataset_error(kind="idx", path=str(folder))


@settings(max_examples=120, deadline=None)
@given(
    blob=st.binary(max_size=300),
    header=st.sampled_from([b"", b"\x00\x00\x08\x03", b"\x00\x00\x0d\x01", b"\x00\x00\x08\x00", b"\x1f\x8b"]),
)
def test_random_idx_bytes_only_raise_dataset_errors(blob: bytes, header: bytes) -> None:
    from explorer.core.data import read_idx

    with tempfile.TemporaryDirectory() as tmp:
        path = _write(Path(tmp), "x-images-idx3-ubyte", header + blob)
        try:
            arr = read_idx(path)
        except DatasetError as exc:
            assert "x-images-idx3-ubyte" in str(exc) and "\n" not in str(exc)
        else:
            assert isinstance(arr, np.ndarray)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("x,y\n1,hello\n", "'hello' is not a number"),
        ("a;b\n1;2\n;3\n", "missing value"),
        ("1,2\n3,\n", "missing value"),
        ("x,y\n1,inf\n", "not a finite number"),
        ("just one column\n1\n2\n", "only one column"),
        ("label\n1\n2\n3\n", "only one column"),
        ("\ufeffx,y\n1,2\n3,x\n", "'x' is not a number"),
        ('x,y\n1,"2\n3,4\n', "students.csv"),
    ],
)
def test_csv_text_missing_values_and_single_column_reach_the_builder(tmp_path, text: str, expected: str) -> None:
    path = tmp_path / "students.csv"
    path.write_text(text, encoding="utf-8")
    message = _dataset_error(kind="csv", path=str(path))
    assert expected in message and "students.csv" in message


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(
        st.lists(st.text(alphabet="0123456789.-eE naN,;\t\"x", max_size=6), min_size=0, max_size=4), max_size=6
    )
)
def test_random_csv_only_raises_dataset_errors(rows: list[list[str]]) -> None:
    from explorer.core.data import read_numeric_csv

    text = "\n".join(",".join(r) for r in rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = _write(Path(tmp), "r.csv", text.encode())
        try:
            x, y, names = read_numeric_csv(path)
        except DatasetError as exc:
            assert "r.csv" in str(exc) and "\n" not in str(exc)
        else:
            assert x.shape[0] == y.shape[0] > 0 and np.isfinite(x).all() and np.isfinite(y).all()
            assert len(names) == x.shape[1] + 1 and not any(math.isnan(v) for v in y)


def test_messages_name_fields_for_typical_mistakes(tmp_path) -> None:
    """The messages a student sees for the usual slips, word for word where it matters."""
    cases = {
        '{"optimizer": {"lr": "fast"}}': "optimizer.lr",
        '{"network": {"layers": [{"width": 0}]}}': "network.layers.0.width",
        '{"network": {"layers": {"width": 3}}}': "network.layers",
        '{"regularization": {"l2_lambda": -1}}': "regularization.l2_lambda",
        '{"trainng": {}}': "trainng: unknown field",
        '{"dataset": {"kind": "csv"}}': "dataset.path",
        '{"variants": [{"set": {}}]}': "variants.0.name: required field is missing",
    }
    for text, needle in cases.items():
        path = _write(tmp_path, "e.json", text.encode())
        with pytest.raises(ConfigError) as info:
            load_experiment(path)
        assert any(needle in p for p in info.value.problems), (text, info.value.problems)
        assert all(re.match(r"^[\w\[\]. =\-]+: ", p) for p in info.value.problems), info.value.problems
