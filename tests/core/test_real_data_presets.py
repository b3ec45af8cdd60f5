"""The d2l dropout presets: Fashion-MNIST when it is cached, the 8x8 digits (offline) otherwise."""

from __future__ import annotations

import pytest

from explorer.core.config import list_presets, load_preset
from explorer.core.data import REGISTRY, data_note, import_folder, prefer_cached_data, with_downloaded_data
from tests.idx_server import registry_for, small_set_files

D2L = ("dropout-mlp", "dropout-mlp-long", "dropout-mlp-swap", "dropout-mlp-activations")


@pytest.fixture
def cached_fashion(tmp_path, monkeypatch):
    files = small_set_files()
    rs = registry_for(files, ("http://127.0.0.1:9/",))
    monkeypatch.setitem(REGISTRY, "fashion-mnist", rs)
    usb = tmp_path / "usb"
    usb.mkdir()
    for name, data in files.items():
        (usb / name).write_bytes(data)
    import_folder("fashion-mnist", usb)
    return rs


def test_the_d2l_presets_are_written_for_fashion_mnist_and_stay_offline_by_default():
    marked = {p.name for p in list_presets() if load_preset(p.name).meta.real_data}
    assert marked == set(D2L)
    for name in D2L:
        exp = load_preset(name)
        assert exp.dataset.kind == "digits" and exp.meta.real_data == "fashion-mnist"
        assert prefer_cached_data(exp) == exp  # nothing cached: the digits
        note = str(data_note(exp))
        assert note.startswith("Data in use: the built-in 8x8 digits") and "Use Fashion-MNIST" in note
    assert data_note(load_preset("dropout-regression")) is None


def test_cached_fashion_mnist_is_used_and_the_lesson_says_so(cached_fashion):
    exp = prefer_cached_data(load_preset("dropout-mlp"))
    assert exp.dataset.kind == "fashion-mnist" and exp.dataset.path is None
    assert exp.dataset.validation_fraction == 0.15 and exp.variants == load_preset("dropout-mlp").variants
    note = str(data_note(exp))  # this test's set: 60 training images, 20 test images
    assert note == (
        "Data in use: Fashion-MNIST, the set this lesson was written for (51 training, 9 validation and 20 test images)."
    )
    from explorer.core.data import build_dataset

    ds = build_dataset(exp.dataset)
    assert (ds.n_train, ds.n_val, ds.n_test) == (51, 9, 20)


def test_the_note_gives_the_real_split_sizes():
    exp = with_downloaded_data(load_preset("dropout-mlp"), "fashion-mnist")
    # 60,000 training images less 15 % validation, the 10,000 test images; max_samples caps both pools
    assert str(data_note(exp)) == (
        "Data in use: Fashion-MNIST, the set this lesson was written for (51,000 training, 9,000 validation "
        "and 10,000 test images)."
    )
    capped = exp.with_values({"dataset.max_samples": 2000})
    assert "(1,700 training, 300 validation and 2,000 test images)" in str(data_note(capped))


def test_one_click_switch_keeps_the_other_settings():
    exp = load_preset("dropout-mlp-swap")
    switched = with_downloaded_data(exp, "fashion-mnist")
    assert switched.dataset.kind == "fashion-mnist"
    assert switched.network == exp.network and switched.training == exp.training


def test_run_preset_on_the_command_line_uses_the_cached_set(cached_fashion):
    import argparse

    from explorer.cli import _resolve_experiment

    args = argparse.Namespace(preset="dropout-mlp", file=None, resume=None, set=[], epochs=1, seed=None, device=None)
    assert _resolve_experiment(args).dataset.kind == "fashion-mnist"
