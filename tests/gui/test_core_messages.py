"""Messages written by explorer.core (English, Qt-free) shown in the language of the interface.

The messages are the core's real ones (a diverging trainer, a finished run, ConfigErrors from
parse_experiment and apply_live_value, refused checkpoints, bad data files, the session's own),
translated by explorer.gui.core_messages.localize: Chinese with the numbers, field paths and file
names kept; English exactly the core's text; unknown text unchanged."""

from __future__ import annotations

import json
import re

import pytest

pytest.importorskip("PySide6")

from explorer.core.config import Experiment, apply_live_value, parse_experiment
from explorer.core.protocol import ConfigError, ExplorerError, TrainingError
from explorer.core.protocol import commands as C
from explorer.core.training import Trainer
from explorer.gui.core_messages import localize
from tests.gui.windows import close_window, open_window, tiny_run

HAN = re.compile(r"[\u4e00-\u9fff]")
WAIT_MS = 60_000

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture
def chinese(qapp):
    from explorer.gui import i18n

    assert i18n.install_language(qapp, "zh_CN") == "zh_CN"
    yield
    i18n.install_language(qapp, "en")


@pytest.fixture
def english(qapp):
    from explorer.gui import i18n

    assert i18n.install_language(qapp, "en") == "en"
    yield


def tiny(**values) -> Experiment:  # type: ignore[no-untyped-def]
    return tiny_run(**{"training.epochs": 50, "training.eval_every": 1, **values})


def diverge(experiment: Experiment) -> str:
    trainer = Trainer(experiment, device="cpu")
    with pytest.raises(TrainingError) as info:
        while not trainer.finished:
            trainer.step()
    return str(info.value)


def config_error(text: str) -> str:
    with pytest.raises(ConfigError) as info:
        parse_experiment(text, "json")
    return str(info.value)


def finished_status(experiment: Experiment) -> str:
    trainer = Trainer(experiment, device="cpu")
    while not trainer.finished:
        trainer.step()
    return trainer.status_line()


def numbers(text: str) -> list[str]:
    return re.findall(r"\d+(?:\.\d+)?", text)


def assert_chinese(english_text: str, kept: tuple[str, ...] = ()) -> str:
    """localize(english_text) is Chinese, keeps every number of the original and the `kept` parts."""
    text = localize(english_text)
    assert text != english_text and HAN.search(text), (english_text, text)
    assert numbers(text) == numbers(english_text) or sorted(numbers(text)) == sorted(numbers(english_text)), (
        english_text,
        text,
    )
    for part in kept:
        assert part in text, (part, text)
    return text


# -- the core's real messages, in Chinese ----------------------------------------------------------------


def test_divergence_in_chinese(chinese):
    message = diverge(tiny(**{"optimizer.lr": 10.0}))
    assert message.startswith("the loss became NaN or infinite") and "learning rate (10)" in message
    step = re.search(r"at step (\d+)", message).group(1)
    text = assert_chinese(message, ("NaN", "（10）", f"第 {step} 步", "重置"))
    assert "learning rate" not in text


def test_divergence_of_a_variant_with_a_huge_penalty_in_chinese(chinese):
    message = diverge(
        tiny(
            **{"optimizer.lr": 10.0},
            variants=[
                {"name": "calm", "set": {"optimizer.lr": 0.001}},
                {"name": "wild L2", "set": {"regularization.l2_lambda": 90.0}},
            ],
        )
    )
    assert message.startswith("variant 'wild L2': the loss became NaN") and "L2 90" in message
    text = assert_chinese(message, ("'wild L2'", "L1 0", "L2 90", "λ"))
    assert text.startswith("变体 'wild L2'：")


def test_status_lines_in_chinese(chinese):
    done = finished_status(tiny(**{"training.epochs": 3}))
    assert re.fullmatch(r"finished: 3 epochs, \d+ steps", done)
    assert_chinese(done, ("已完成",))
    # early stopping in two variants: the status line joins them with "; "
    stopping = finished_status(
        tiny(
            **{
                "training.epochs": 200,
                "early_stopping.enabled": True,
                "early_stopping.patience": 1,
                "early_stopping.min_delta": 1e6,
            },
            variants=[{"name": "plain", "set": {}}, {"name": "keep", "set": {"early_stopping.restore_best": False}}],
        )
    )
    assert stopping.count("early stopping at epoch") == 2 and "; " in stopping
    text = assert_chinese(stopping, ("plain：", "keep：", "早停", "已恢复最佳权重"))
    assert "early stopping" not in text and text.count("早停") == 2


def test_config_errors_in_chinese(chinese):
    several = config_error(
        json.dumps(
            {
                "optimizer": {"lr": -1, "kind": "sgdd"},
                "nam": 1,
                "training": {"epochs": "abc"},
                "regularization": {"l2_lambda": 1000},
            }
        )
    )
    problems = several.split("; ")
    assert len(problems) == 5 and "optimizer.lr: Input should be greater than 0 (got -1)" in problems
    text = assert_chinese(
        several,
        (
            "optimizer.lr",
            "optimizer.kind",
            "'sgd'",
            "'adamw'",
            "'sgdd'",
            "nam",
            "training.epochs",
            "'abc'",
            "regularization.l2_lambda",
            "1000",
        ),
    )
    assert "Input should" not in text and "unknown field" not in text
    assert (
        localize("optimizer.lr: Input should be greater than 0 (got -1)") == "optimizer.lr：输入值应大于 0（实际为 -1）"
    )
    assert localize("nam: unknown field (check the spelling)") == "nam：未知字段（请检查拼写）"
    for data, kept in (
        ({"optimizer": {"nesterov": True}}, ("optimizer", "nesterov", "momentum > 0")),
        ({"network": {"layers": [{"width": 0}]}}, ("network.layers.0.width", "1", "0")),
        ({"optimizer": {"momentum": 1}}, ("optimizer.momentum",)),
        ({"early_stopping": {"monitor": "val_accuracy"}}, ("'val_accuracy'",)),
        ({"variants": [{"name": "a", "set": {"optimizer.lr": -1}}]}, ("variants[a].optimizer.lr",)),
        ({"regularization": {"penalize_biases": "maybe"}}, ("'maybe'",)),
        ({"training": {"epochs": 1.5}}, ("1.5",)),
        ({"schema_version": 5}, ("schema_version", "5", "1")),
    ):
        assert_chinese(config_error(json.dumps(data)), kept)
    not_json = config_error("{")
    assert_chinese(not_json, ("JSON", "line 1 column 2"))  # the parser's own words stay


def test_live_edits_refused_in_chinese(chinese):
    exp = Experiment()
    for path, value, kept in (
        ("network.layers.0.width", 3, ("network.layers.0.width", "重建")),
        ("optimizer.lr", "abc", ("optimizer.lr", "'abc'")),
        ("network.layers.7.dropout_p", 0.1, ("network.layers.7", "2")),
    ):
        with pytest.raises(ConfigError) as info:
            apply_live_value(exp, path, value)
        assert_chinese(str(info.value), kept)


def test_checkpoint_and_data_file_refusals_in_chinese(chinese, tmp_path):
    from explorer.core.data import read_idx, read_numeric_csv
    from explorer.core.io import load_checkpoint

    garbage = tmp_path / "garbage.pt"
    garbage.write_bytes(b"this is not a checkpoint")
    with pytest.raises(ExplorerError) as info:
        load_checkpoint(garbage)
    assert_chinese(str(info.value), ("garbage.pt", "PyTorch zip"))
    with pytest.raises(ExplorerError) as info:
        load_checkpoint(tmp_path / "missing.pt")
    assert_chinese(str(info.value), ("missing.pt",))

    table = tmp_path / "data.csv"
    table.write_text("x,y\n1,2\n3,abc\n", encoding="utf-8")
    with pytest.raises(ExplorerError) as info:
        read_numeric_csv(table)
    assert_chinese(str(info.value), ("data.csv", "'abc'", "'y'", "第 3 行"))
    table.write_text("x,y\n1,2\n3\n", encoding="utf-8")
    with pytest.raises(ExplorerError) as info:
        read_numeric_csv(table)
    assert_chinese(str(info.value), ("data.csv",))

    idx = tmp_path / "train-images-idx3-ubyte"
    idx.write_bytes(b"\x01\x02\x03\x04")
    with pytest.raises(ExplorerError) as info:
        read_idx(idx)
    assert_chinese(str(info.value), ("train-images-idx3-ubyte", "01020304"))


def test_session_messages_in_chinese(chinese, tmp_path):
    from explorer.core.io import save_checkpoint
    from explorer.core.session import Session

    emitted: list[tuple[str, object]] = []
    session = Session(lambda kind, payload: emitted.append((kind, payload)))
    session.handle(C.Pause())
    assert ("message", "no experiment loaded") in emitted
    assert localize("no experiment loaded") == "未加载实验"

    path = tmp_path / "run.pt"
    save_checkpoint(Trainer(tiny(), device="cpu"), path)
    session.handle(C.RestoreCheckpoint(str(path), start_paused=True))
    opened = [p for k, p in emitted if k == "message" and str(p).startswith("opened checkpoint")]
    assert opened == [f"opened checkpoint {path} (epoch 0, step 0)"]
    assert_chinese(opened[0], (str(path), "第 0 轮", "第 0 步"))

    session.handle(C.RestoreCheckpoint(str(tmp_path / "nothing.pt")))
    refused = [p for k, p in emitted if k == "error"]
    assert refused and "nothing.pt" in refused[-1]
    assert_chinese(refused[-1], ("nothing.pt",))


# -- English stays the core's text, unknown text passes through ----------------------------------------------


def test_english_is_the_core_text_unchanged(english, tmp_path):
    from explorer.core.io import load_checkpoint

    garbage = tmp_path / "garbage.pt"
    garbage.write_bytes(b"x")
    with pytest.raises(ExplorerError) as info:
        load_checkpoint(garbage)
    messages = [
        diverge(tiny(**{"optimizer.lr": 10.0, "regularization.l2_lambda": 90.0})),
        finished_status(tiny(**{"training.epochs": 2})),
        config_error(json.dumps({"optimizer": {"lr": -1, "kind": "x"}, "nam": 1})),
        str(info.value),
        "variant 'a': the loss became NaN or infinite at step 3 (epoch 1): training diverged. Likely cause: "
        "the learning rate (10) is too large. Lower it and press Reset.",
        "a: early stopping at epoch 380 (best epoch 180, best weights restored); b: early stopping at epoch 3 "
        "(best epoch 1)",
    ]
    for message in messages:
        assert localize(message) == message


def test_unknown_text_passes_through(chinese):
    for text in (
        "something the core will say one day",
        "my variant",
        "",
        "optimizer.lr: a brand new pydantic message (got 3)",
        "x; y; z",
        "训练失败",
        "Not applied: nam: unknown field",
    ):
        assert localize(text) == text
    # a known problem next to unknown ones: only the known one is translated, the rest is kept
    mixed = localize("weird one; nam: unknown field (check the spelling); weird two")
    assert mixed == "weird one；nam：未知字段（请检查拼写）；weird two"
    # the choice list keeps its values and translates its "or"
    assert (
        localize("optimizer.kind: must be one of 'sgd', 'adam' or 'adamw' (got 'x')")
        == "optimizer.kind：必须是 'sgd', 'adam' 或 'adamw' 之一（实际为 'x'）"
    )


# -- the window ------------------------------------------------------------------------------------------


def test_divergence_banner_and_status_in_a_chinese_window(qtbot, chinese):
    win = open_window(qtbot, tiny_run(**{"optimizer.lr": 10.0}))
    try:
        win.start(play=True)
        qtbot.waitUntil(lambda: win.state == "error" and win.banner.isVisible(), timeout=WAIT_MS)
        banner = win.banner.text()
        assert "训练发散" in banner and "（10）" in banner and "“重置”" in banner, banner
        assert "learning rate" not in banner
        assert "训练发散" in win.statusBar().currentMessage()
        # a refused live edit: the field path kept, the words Chinese
        win.show_problem("optimizer.lr: Input should be greater than 0 (got -1)")
        assert win.banner.text() == "未应用：optimizer.lr：输入值应大于 0（实际为 -1）", win.banner.text()
    finally:
        close_window(win)


def test_the_single_run_is_named_in_the_window_language(chinese):
    """An experiment without variants has one run named "model" by the core; the Chinese narration
    says 模型, while a teacher's own variant names are left as typed."""
    from explorer.core.config import SINGLE_VARIANT_NAME
    from explorer.core.session import Remark
    from explorer.gui.views.narration import translate_remark

    line = translate_remark(Remark("falling_fast", {"name": SINGLE_VARIANT_NAME, "pct": 34, "epochs": 10}, 0))
    assert line.startswith("模型") and "34" in line and "model" not in line, line
    own = translate_remark(Remark("falling_fast", {"name": "model B", "pct": 34, "epochs": 10}, 0))
    assert own.startswith("model B"), own
