"""Small hostile files that used to hang the parser or allocate gigabytes (issue: nothing lost, nothing hangs).

Every file is generated here (none is committed). Memory checks never allocate what they
guard against: they assert that the refusal comes before the allocation (the loader is
replaced by one that fails the test, or the available memory is set low), in well under
a second.
"""

from __future__ import annotations

import json
import struct
import time
import zipfile
from pathlib import Path

import pytest
import torch

from explorer.core.config import Experiment, load_experiment, load_preset, parse_experiment
from explorer.core.protocol import CheckpointError, ConfigError, TrainingError

FAST_S = 3.0  # generous for a busy 2-core machine; the old behaviour took 30 s and more


def _refused(path_or_text, fmt: str | None = None) -> tuple[ConfigError, float]:
    start = time.perf_counter()
    with pytest.raises(ConfigError) as info:
        if fmt is None:
            load_experiment(path_or_text)
        else:
            parse_experiment(path_or_text, fmt)
    return info.value, time.perf_counter() - start


# -- 1. the TOML parser is given only what an experiment can be -------------------------------------------


@pytest.mark.parametrize("parts", [40_000, 200_000])
def test_a_long_dotted_key_is_refused_at_once(tmp_path: Path, parts: int) -> None:
    path = tmp_path / "dotted.toml"
    path.write_text("a" + ".a" * parts + " = 1\n")  # 80 KB and 400 KB: 32 s and > 60 s before
    error, seconds = _refused(path)
    assert seconds < FAST_S
    assert "dotted key of more than 64 parts" in str(error) and "line 1" in str(error)


@pytest.mark.parametrize(
    "text, words",
    [
        ("[" * 100_000, "nested more than 32 levels"),
        ("x = " + "{a = " * 1000 + "1" + "}" * 1000, "nested more than 32 levels"),
        ("\n".join(f"k{i} = 1" for i in range(150_000)), "more than 20,000 key = value pairs"),
        ("x = " + "1" * 5001, "5,001 characters"),
        ("[" + ".".join(["t"] * 100) + "]\nx = 1", "dotted key"),
        ('"a"' + '."a"' * 100 + " = 1", "dotted key"),
    ],
)
def test_toml_text_beyond_any_experiment_is_refused_before_parsing(text: str, words: str) -> None:
    error, seconds = _refused(text, "toml")
    assert seconds < FAST_S
    assert words in str(error)
    assert len(str(error)) < 300


def test_presets_and_ordinary_toml_pass_the_bounds() -> None:
    for name in ("dropout-regression", "dropout-mlp", "dropout-vs-weight-decay", "early-stopping"):
        exp = load_preset(name)
        assert parse_experiment(exp.to_toml(), "toml") == exp
    text = 'meta.title = "a.b.c"\nmeta.lesson = """x.y.z\n' + "a." * 500 + '"""\n[optimizer]\nlr = 1.5e-3\n'
    assert parse_experiment(text, "toml").optimizer.lr == 1.5e-3


# -- 2. messages are bounded and checked before full validation --------------------------------------------


def test_a_hundred_thousand_variants_are_refused_quickly_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "variants.json"
    path.write_text(json.dumps({"variants": [{"name": f"v{i}", "set": {"optimizer.lr": 0.1}} for i in range(100_000)]}))
    assert path.stat().st_size > 2_000_000
    error, seconds = _refused(path)
    assert seconds < FAST_S
    assert str(error) == "variants: a list of 100,000 items (at most 2,000)"


def test_many_problems_are_listed_up_to_twenty_then_counted() -> None:
    text = "\n".join(f"unknown_{i} = 1" for i in range(1500))
    error, _ = _refused(text, "toml")
    assert len(error.problems) == 21
    assert error.problems[-1] == "and 1,480 more problems"
    assert len(str(error)) < 2_000


def test_values_in_messages_are_abbreviated() -> None:
    data = {"meta": {"title": ["x" * 1000] * 50}, "network": {"layers": [{"width": "y" * 100_000}]}}
    error, _ = _refused(json.dumps(data), "json")
    text = str(error)
    assert "a list of 50 items" in text and "network.layers.0.width" in text
    assert "y" * 100 not in text and len(text) < 600


def test_a_five_thousand_digit_integer_is_named_in_our_words() -> None:
    error, _ = _refused('{"training": {"epochs": ' + "7" * 5001 + "}}", "json")
    assert "a number of 5,001 digits" in str(error)
    assert "set_int_max_str_digits" not in str(error)


# -- 17. names shown in legends hold no control characters ----------------------------------------------------


@pytest.mark.parametrize("name", ["live\u202ep=0", "a\x00b", "p\u200b=0", "x\u2066y", "line\u2028two", "tab\tname"])
def test_variant_names_with_control_characters_are_refused(name: str) -> None:
    with pytest.raises(ConfigError, match=r"variants\.0\.name: .*control character U\+"):
        Experiment().with_values({"variants": [{"name": name, "set": {}}]})


def test_variant_names_in_any_script_are_kept() -> None:
    names = ["p = 0.5", "无丢弃", "λ=1e-3 (L2)", "ドロップアウト"]
    exp = Experiment().with_values({"variants": [{"name": n, "set": {}} for n in names]})
    assert exp.variant_names() == names


# -- 3. a checkpoint that declares gigabytes is refused before torch.load ---------------------------------------


def _rezip(src: Path, dst: Path, patch=None, extra: tuple[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if patch is not None and info.filename.endswith("data.pkl"):
                data = patch(data)
            zout.writestr(info, data)
        if extra is not None:
            prefix = zin.infolist()[0].filename.split("/")[0]
            zout.writestr(f"{prefix}/data/{extra[0]}", extra[1], compress_type=zipfile.ZIP_DEFLATED)
    return dst


@pytest.fixture
def real_checkpoint(tmp_path: Path) -> Path:
    from explorer.core.io._checkpoint import checkpoint_payload
    from tests.hostile_checkpoints import small_trainer

    payload = checkpoint_payload(small_trainer())
    payload["variants"][0]["extra"] = torch.zeros(12345)  # a storage whose size the bomb rewrites
    path = tmp_path / "real.pt"
    torch.save(payload, path)
    return path


def _no_torch_load(monkeypatch) -> None:
    import explorer.core.io._checkpoint as ckpt

    def refuse(*_a, **_k):
        raise AssertionError("torch.load ran on a checkpoint that declares gigabytes")

    monkeypatch.setattr(ckpt.torch, "load", refuse)


def test_a_checkpoint_declaring_a_750m_element_tensor_is_refused_before_loading(
    tmp_path: Path, real_checkpoint: Path, monkeypatch
) -> None:
    from explorer.core.io import load_checkpoint

    def bomb(data: bytes) -> bytes:  # 12345 elements -> 750,000,000 (3 GB of float32), size and storage
        old, new = b"M" + struct.pack("<H", 12345), b"J" + struct.pack("<i", 750_000_000)
        assert data.count(old) == 2
        return data.replace(old, new)

    path = _rezip(real_checkpoint, tmp_path / "bomb.pt", patch=bomb)
    assert load_checkpoint(real_checkpoint)["experiment"] is not None  # the original loads
    _no_torch_load(monkeypatch)
    start = time.perf_counter()
    with pytest.raises(CheckpointError, match=r"bomb\.pt: refused: the file declares 3\.0 GB of tensors"):
        load_checkpoint(path)
    assert time.perf_counter() - start < FAST_S


def test_a_compressed_entry_larger_than_the_experiment_allows_is_refused(
    tmp_path: Path, real_checkpoint: Path, monkeypatch
) -> None:
    from explorer.core.io import load_checkpoint

    zeros = bytes(64 * 1024**2)  # 64 MB of zeros deflate to 64 KB; the tiny net's checkpoint holds < 20 MB
    path = _rezip(real_checkpoint, tmp_path / "padded.pt", extra=("999", zeros))
    assert path.stat().st_size < 1_000_000
    _no_torch_load(monkeypatch)
    with pytest.raises(
        CheckpointError,
        match=r"declares 67\.\d MB of tensors, but a checkpoint of its experiment holds at most 17\.7 MB",
    ):
        load_checkpoint(path)


def test_a_checkpoint_larger_than_the_memory_available_is_refused(real_checkpoint: Path, monkeypatch) -> None:
    from explorer.core.io import load_checkpoint

    monkeypatch.setenv("EXPLORER_MEMORY_AVAILABLE", "1000")
    _no_torch_load(monkeypatch)
    with pytest.raises(CheckpointError, match=r"real\.pt needs .* KB, but this machine has 1.0 KB available"):
        load_checkpoint(real_checkpoint)


# -- 15. our words for checkpoints that do not fit or are unsafe ---------------------------------------------


def test_a_checkpoint_of_another_shape_names_both_networks(tmp_path: Path) -> None:
    from explorer.core.io import load_checkpoint, restore_trainer, save_checkpoint
    from tests.hostile_checkpoints import small_trainer

    payload = load_checkpoint(save_checkpoint(small_trainer(), tmp_path / "c.pt"))
    other = payload["experiment"].with_values({"network.layers": [{"width": 5}, {"width": 8}]})
    with pytest.raises(CheckpointError) as info:
        restore_trainer(payload, experiment=other)
    text = str(info.value)
    assert (
        text
        == "checkpoint does not fit its experiment: the file holds a 1-8-8-1 network, the experiment a 1-5-8-1 network"
    )


def test_a_refused_pickle_is_explained_without_pytorchs_advice(tmp_path: Path) -> None:
    from explorer.core.io import load_checkpoint
    from tests.hostile_checkpoints import bad_checkpoints, markers

    files = bad_checkpoints(tmp_path)
    for name in ("evil-touch.pt", "evil-system.pt"):
        with pytest.raises(CheckpointError) as info:
            load_checkpoint(files[name][0])
        text = str(info.value)
        assert "could run code" in text and "it asks for" in text
        assert "weights_only" not in text and "This file can still be loaded" not in text
    assert "posix.system" in str(pytest.raises(CheckpointError, load_checkpoint, files["evil-system.pt"][0]).value)
    assert markers(tmp_path) == []


# -- 6. an experiment that cannot fit is refused before anything is built --------------------------------------


def test_an_experiment_larger_than_the_memory_is_refused_before_building(monkeypatch) -> None:
    import explorer.core.training._trainer as trainer_module
    from explorer.core.training import Trainer

    def no_model(*_a, **_k):
        raise AssertionError("the model was built")

    monkeypatch.setattr(trainer_module, "MLP", no_model)
    monkeypatch.setenv("EXPLORER_MEMORY_AVAILABLE", str(2 * 10**9))
    exp = load_preset("dropout-mlp").with_values(
        {"dataset.kind": "digits", "network.layers": [{"width": 4096}] * 12, "training.batch_size": 1_000_000}
    )
    start = time.perf_counter()
    with pytest.raises(TrainingError) as info:
        Trainer(exp)
    assert time.perf_counter() - start < FAST_S
    text = str(info.value)
    assert text.startswith("this experiment needs about 7.0 GB (184,901,642 weights per variant, 2 variants")
    assert "but this machine has 2.0 GB available" in text


def test_the_estimate_counts_weights_optimizer_state_and_activations() -> None:
    from explorer.core.training._memory_estimate import estimate_training, parameter_count

    assert parameter_count(64, [256, 256], 10) == 64 * 256 + 256 + 256 * 256 + 256 + 256 * 10 + 10
    exp = Experiment().with_values(
        {"network.layers": [{"width": 100}], "optimizer.kind": "adam", "training.batch_size": 50}
    )
    est = estimate_training(exp, input_dim=10, output_dim=1, n_train=1000, n_largest_split=1000, data_bytes=0)
    params = 10 * 100 + 100 + 100 + 1
    # model, stacked copy, gradients, two Adam moments per variant + the base model
    assert est.weights_bytes == (5 + 1) * params * 4
    assert est.activations_bytes == 4 * 50 * 101 * 4 + 3 * 1000 * 100 * 4


# -- 4. IDX: only what is used is read; what cannot fit is refused with the numbers -------------------------------


def _idx_images(path: Path, n_declared: int, n_written: int, side: int = 28) -> Path:
    import gzip

    with gzip.open(path, "wb", compresslevel=1) as fh:
        fh.write(struct.pack(">BBBB", 0, 0, 0x08, 3) + struct.pack(">iii", n_declared, side, side))
        block = bytes(side * side * 1000)
        for start in range(0, n_written, 1000):
            fh.write(block[: side * side * min(1000, n_written - start)])
    return path


def _idx_labels(path: Path, n: int) -> Path:
    import gzip

    with gzip.open(path, "wb", compresslevel=1) as fh:
        fh.write(struct.pack(">BBBB", 0, 0, 0x08, 1) + struct.pack(">i", n) + bytes(range(10)) * (n // 10))
    return path


def _peak_mb(fn) -> tuple[object, float]:
    import tracemalloc

    tracemalloc.start()
    try:
        result = fn()
        return result, tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def test_an_idx_file_with_max_samples_reads_only_those_images(tmp_path: Path) -> None:
    from explorer.core.config import DatasetConfig
    from explorer.core.data import build_dataset

    images = _idx_images(tmp_path / "train-images-idx3-ubyte.gz", 60_000, 60_000)  # 47 MB of pixels
    _idx_labels(tmp_path / "train-labels-idx1-ubyte.gz", 60_000)
    cfg = DatasetConfig(kind="idx", path=str(images), max_samples=1000)
    dataset, peak = _peak_mb(lambda: build_dataset(cfg))
    assert dataset.n_train + dataset.n_val + dataset.n_test == 1000
    assert peak < 20, f"{peak:.0f} MB traced: the whole file was read"  # before: 47 MB + float copies (> 200 MB)


def test_an_idx_file_claiming_millions_of_images_is_refused_before_allocating(tmp_path: Path, monkeypatch) -> None:
    from explorer.core.config import DatasetConfig
    from explorer.core.data import build_dataset
    from explorer.core.protocol import DatasetError

    images = _idx_images(tmp_path / "train-images-idx3-ubyte.gz", 2_700_000, 2000)  # a 2 GB claim in a small file
    _idx_labels(tmp_path / "train-labels-idx1-ubyte.gz", 2_700_000)
    monkeypatch.setenv("EXPLORER_MEMORY_AVAILABLE", str(2 * 10**9))
    start = time.perf_counter()
    with pytest.raises(DatasetError) as info:
        _peak_mb(lambda: build_dataset(DatasetConfig(kind="idx", path=str(images))))
    assert time.perf_counter() - start < FAST_S
    assert str(info.value) == (
        "train-images-idx3-ubyte.gz: reading 2,700,000 of its 2,700,000 items needs 19.1 GB, "
        "but this machine has 2.0 GB available"
    )


def test_idx_reading_under_an_address_space_limit_ends_in_a_message(tmp_path: Path) -> None:
    """The real thing in a child process limited to 1.5 GB of address space: no MemoryError, no traceback."""
    import subprocess
    import sys

    images = _idx_images(tmp_path / "train-images-idx3-ubyte.gz", 2_700_000, 2000)
    _idx_labels(tmp_path / "train-labels-idx1-ubyte.gz", 2_700_000)
    script = f"""
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
from explorer.core.data._idx import read_idx
from explorer.core.protocol import DatasetError
try:
    read_idx({str(images)!r})
except DatasetError as exc:
    print(exc)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "reading 2,700,000 of its 2,700,000 items needs 2.1 GB, but this machine has" in out.stdout
    assert "MemoryError" not in out.stderr


# -- 5. CSV: a column bound before parsing ----------------------------------------------------------------------


def test_a_csv_of_a_million_columns_is_refused_before_parsing(tmp_path: Path) -> None:
    from explorer.core.data._csv import read_numeric_csv
    from explorer.core.protocol import DatasetError

    path = tmp_path / "wide.csv"
    path.write_text(("1," * 999_999 + "1\n") * 12)  # 24 MB: 10^6 columns x 12 rows
    start = time.perf_counter()
    with pytest.raises(DatasetError) as info:
        read_numeric_csv(path)
    assert time.perf_counter() - start < FAST_S
    assert (
        str(info.value)
        == "wide.csv: row 1 has 1,000,000 columns; at most 10,001 (10,000 inputs and the target) are read"
    )


def test_a_csv_with_more_cells_than_memory_is_refused(tmp_path: Path, monkeypatch) -> None:
    from explorer.core.data._csv import read_numeric_csv
    from explorer.core.protocol import DatasetError

    path = tmp_path / "long.csv"
    path.write_text("x,y\n" + "1,2\n" * 100_000)
    monkeypatch.setenv("EXPLORER_MEMORY_AVAILABLE", str(10**6))
    with pytest.raises(DatasetError, match=r"long\.csv: 200,003 cells needs 9\.6 MB, but this machine has 1\.0 MB"):
        read_numeric_csv(path)
