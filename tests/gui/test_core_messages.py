"""Messages of explorer.core (ids with values, Qt-free) shown in the language of the interface.

Every message id has its English template and a finished Chinese translation with the same
placeholders; each renders in Chinese with its values kept. The core's real messages (a diverging
trainer, a finished run, ConfigErrors with pydantic's error types, refused checkpoints, bad data
files, the session's own) reach the window as Messages and are translated by
explorer.gui.core_messages.tr_message; English is exactly the core's text; text that is not ours
is shown as it is."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from explorer.core.config import Experiment, apply_live_value, parse_experiment
from explorer.core.protocol import (
    CATALOGUE,
    ConfigError,
    ExplorerError,
    Message,
    TrainingError,
    all_messages,
    define_messages,
    fields_of,
)
from explorer.core.protocol import commands as C
from explorer.core.training import Trainer
from explorer.gui.core_messages import CONTEXT, tr_message
from tests.gui.windows import close_window, open_window, tiny_run

REPO = Path(__file__).resolve().parents[2]
HAN = re.compile(r"[\u4e00-\u9fff]")
WAIT_MS = 60_000
# templates whose only words are a field path (the same in every language)
FIELD_PATHS = {"config.in_variant"}

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


def catalogue(lang: str) -> dict[str, tuple[str, str | None]]:
    """source -> (translation, its type) of context CoreMessages in resources/translations."""
    root = ET.parse(REPO / "resources" / "translations" / f"explorer_{lang}.ts").getroot()
    return {
        m.findtext("source") or "": (m.findtext("translation") or "", m.find("translation").get("type"))
        for c in root.iter("context")
        if c.findtext("name") == CONTEXT
        for m in c.iter("message")
    }


def catalogue_problems(messages: dict[str, str]) -> list[str]:
    """What keeps a message id from being shown in both languages: no English template, no finished
    Chinese translation, or a translation whose placeholders differ from the template's."""
    zh, en = catalogue("zh_CN"), catalogue("en")
    problems = []
    for message_id, template in sorted(messages.items()):
        if not template.strip():
            problems.append(f"{message_id}: no English template")
            continue
        if en.get(template, ("", None)) != (template, None):
            problems.append(f"{message_id}: {template!r} is not in the English catalogue")
        translation, kind = zh.get(template, ("", "missing"))
        if kind is not None or not translation.strip():
            problems.append(f"{message_id}: {template!r} has no finished Chinese translation ({kind or 'empty'})")
        elif fields_of(translation) != fields_of(template):
            problems.append(f"{message_id}: the Chinese {translation!r} has other placeholders than {template!r}")
    return problems


def sample(message_id: str) -> Message:
    """The message with a distinct value for each placeholder (V0x, V1x, ...)."""
    names = sorted(fields_of(CATALOGUE[message_id]))
    return Message(message_id, {name: f"V{i}x" for i, name in enumerate(names)})


def diverge(experiment: Experiment) -> Message:
    trainer = Trainer(experiment, device="cpu")
    with pytest.raises(TrainingError) as info:
        while not trainer.finished:
            trainer.step()
    return info.value.message


def config_error(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        parse_experiment(text, "json")
    return info.value


def finished_status(experiment: Experiment) -> Message:
    trainer = Trainer(experiment, device="cpu")
    while not trainer.finished:
        trainer.step()
    return trainer.status_line()


def tiny(**values) -> Experiment:  # type: ignore[no-untyped-def]
    return tiny_run(**{"training.epochs": 50, "training.eval_every": 1, **values})


def numbers(text: str) -> list[str]:
    return sorted(re.findall(r"\d+(?:\.\d+)?", text))


def assert_chinese(message: Message, kept: tuple[str, ...] = ()) -> str:
    """tr_message(message) is Chinese, keeps every number of the English and the `kept` parts."""
    english, text = str(message), tr_message(message)
    assert text != english and HAN.search(text), (english, text)
    assert numbers(text) == numbers(english), (english, text)
    for part in kept:
        assert part in text, (part, text)
    return text


# -- the catalogue: every id in both languages -----------------------------------------------------------


def test_every_message_id_has_english_and_finished_chinese_with_the_same_placeholders():
    messages = all_messages()
    assert len(messages) > 150 and "trainer.diverged_lr" in messages and "pydantic.int_parsing" in messages
    problems = catalogue_problems(messages)
    assert not problems, "run packaging/update_translations.sh and translate:\n" + "\n".join(problems)


def test_a_message_without_its_translation_is_found():
    """The check above fails for an id whose template the catalogue lacks, or whose Chinese has
    lost a placeholder (the catalogue's own entries, tampered with, stand in for both)."""
    try:
        define_messages("test_only", {"new": "{name}: a sentence nobody translated yet"})
        assert catalogue_problems({"test_only.new": CATALOGUE["test_only.new"]}) == [
            "test_only.new: '{name}: a sentence nobody translated yet' is not in the English catalogue",
            "test_only.new: '{name}: a sentence nobody translated yet' has no finished Chinese translation (missing)",
        ]
    finally:
        del CATALOGUE["test_only.new"]
    assert catalogue_problems({"x.empty": " "}) == ["x.empty: no English template"]
    zh = catalogue("zh_CN")
    template = CATALOGUE["trainer.finished"]
    assert fields_of(zh[template][0]) == {"epochs", "steps"}
    assert catalogue_problems({"trainer.finished": template.replace("{steps}", "{step}")})


def test_i18n_strings_lists_every_template_for_lupdate():
    text = (REPO / "explorer" / "gui" / "i18n_strings.py").read_text(encoding="utf-8")
    listed = set(re.findall(r'QT_TRANSLATE_NOOP\("CoreMessages", (".*")\),', text))
    assert {json.loads(s) for s in listed} == set(all_messages().values())


def test_every_message_renders_in_chinese_with_its_values_kept(chinese):
    for message_id, template in sorted(all_messages().items()):
        message = sample(message_id)
        text = tr_message(message)
        for name, value in message.params.items():
            assert value in text and "{" + name + "}" not in text, (message_id, text)
        if re.search(r"[A-Za-z]{2,}", re.sub(r"\{\w+\}", "", template)) and message_id not in FIELD_PATHS:
            assert HAN.search(text) and text != str(message), (message_id, text)


def test_values_that_are_messages_are_translated_too(chinese):
    problem = Message("config.unknown_field_spelling", {"where": "nam"})
    joined = Message("errors.problems", {"problems": [problem, Message("text.plain", {"text": "not ours"})]})
    assert tr_message(joined) == "nam：未知字段（请检查拼写）；not ours"
    assert str(joined) == "nam: unknown field (check the spelling); not ours"


# -- the core's real messages, in Chinese ----------------------------------------------------------------


def test_divergence_in_chinese(chinese):
    message = diverge(tiny(**{"optimizer.lr": 10.0}))
    assert message.id == "trainer.diverged_lr" and message.params["lr"] == "10"
    assert str(message).startswith("the loss became NaN or infinite") and "learning rate (10)" in str(message)
    text = assert_chinese(message, ("NaN", "（10）", f"第 {message.params['step']} 步", "重置"))
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
    assert message.id == "trainer.in_variant" and message.params["message"].id == "trainer.diverged_lr_penalty"
    assert str(message).startswith("variant 'wild L2': the loss became NaN") and "L2 90" in str(message)
    text = assert_chinese(message, ("'wild L2'", "L1 0", "L2 90", "λ"))
    assert text.startswith("变体 'wild L2'：")


def test_status_lines_in_chinese(chinese):
    done = finished_status(tiny(**{"training.epochs": 3}))
    assert done.id == "trainer.finished" and re.fullmatch(r"finished: 3 epochs, \d+ steps", str(done))
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
    assert str(stopping).count("early stopping at epoch") == 2 and "; " in str(stopping)
    text = assert_chinese(stopping, ("plain：", "keep：", "早停", "已恢复最佳权重", "；"))
    assert "early stopping" not in text and text.count("早停") == 2


def test_config_errors_by_pydantic_error_type_in_chinese(chinese):
    error = config_error(
        json.dumps(
            {
                "optimizer": {"lr": -1, "kind": "sgdd"},
                "nam": 1,
                "training": {"epochs": "abc"},
                "regularization": {"l2_lambda": 1000},
            }
        )
    )
    assert len(error.problems) == 5 and "optimizer.lr: Input should be greater than 0 (got -1)" in error.problems
    ids = {m.id: m for m in error.problem_messages}
    assert set(ids) == {"config.invalid", "config.not_one_of", "config.unknown_field_spelling"}
    inner = sorted(m.params["msg"].id for m in error.problem_messages if m.id == "config.invalid")
    assert inner == ["pydantic.greater_than", "pydantic.int_parsing", "pydantic.less_than_equal"]
    text = assert_chinese(
        error.message,
        ("optimizer.lr", "optimizer.kind", "'sgd'", "'adamw'", "'sgdd'", "nam", "training.epochs", "'abc'", "1000"),
    )
    assert "Input should" not in text and "unknown field" not in text and " or " not in text
    lr = next(m for m in error.problem_messages if m.params.get("where") == "optimizer.lr")
    assert lr.params["msg"].params == {"limit": 0}
    assert tr_message(lr) == "optimizer.lr：输入值应大于 0（实际为 -1）"
    kind = next(m for m in error.problem_messages if m.id == "config.not_one_of")
    assert tr_message(kind) == "optimizer.kind：必须是 'sgd', 'adam' 或 'adamw' 之一（实际为 'sgdd'）"
    for data, kept in (
        ({"optimizer": {"nesterov": True}}, ("optimizer", "nesterov", "momentum > 0")),
        ({"network": {"layers": [{"width": 0}]}}, ("network.layers.0.width", "1", "0")),
        ({"optimizer": {"momentum": 1}}, ("optimizer.momentum",)),
        ({"early_stopping": {"monitor": "val_accuracy"}}, ("'val_accuracy'",)),
        ({"variants": [{"name": "a", "set": {"optimizer.lr": -1}}]}, ("variants[a].optimizer.lr",)),
        ({"variants": [{"name": "a", "set": {"optimizer.lrr": 1}}]}, ("variants[a].optimizer.lrr",)),
        ({"regularization": {"penalize_biases": "maybe"}}, ("'maybe'",)),
        ({"training": {"epochs": 1.5}}, ("1.5",)),
        ({"schema_version": 5}, ("schema_version", "5", "1")),
        ({"variants": [{"name": ""}]}, ("variants.0.name", "1")),
        ({"optimizer": {"betas": [0.9, 0.9, 0.9]}}, ("optimizer.betas", "2", "3")),
        ({"network": 3}, ("NetworkConfig",)),
    ):
        problem = config_error(json.dumps(data))
        assert not any(m.id == "text.plain" for m in problem.problem_messages), problem.problem_messages
        assert_chinese(problem.message, kept)
    not_json = config_error("{")
    assert_chinese(not_json.message, ("JSON", "line 1 column 2"))  # the parser's own words stay


def test_live_edits_refused_in_chinese(chinese):
    exp = Experiment()
    for path, value, kept in (
        ("network.layers.0.width", 3, ("network.layers.0.width", "重建")),
        ("optimizer.lr", "abc", ("optimizer.lr", "'abc'")),
        ("network.layers.7.dropout_p", 0.1, ("network.layers.7", "2")),
    ):
        with pytest.raises(ConfigError) as info:
            apply_live_value(exp, path, value)
        assert_chinese(info.value.message, kept)


def test_checkpoint_and_data_file_refusals_in_chinese(chinese, tmp_path):
    from explorer.core.data import read_idx, read_numeric_csv
    from explorer.core.io import load_checkpoint

    garbage = tmp_path / "garbage.pt"
    garbage.write_bytes(b"this is not a checkpoint")
    with pytest.raises(ExplorerError) as info:
        load_checkpoint(garbage)
    assert info.value.message.id == "checkpoint.not_zip"
    assert_chinese(info.value.message, ("garbage.pt", "PyTorch zip"))
    with pytest.raises(ExplorerError) as info:
        load_checkpoint(tmp_path / "missing.pt")
    text = assert_chinese(info.value.message, ("missing.pt",))
    assert text.endswith("No such file or directory")  # the OS's own words stay as they are

    table = tmp_path / "data.csv"
    table.write_text("x,y\n1,2\n3,abc\n", encoding="utf-8")
    with pytest.raises(ExplorerError) as info:
        read_numeric_csv(table)
    assert_chinese(info.value.message, ("data.csv", "'abc'", "'y'", "第 3 行"))
    table.write_text("x,y\n1,2\n3\n", encoding="utf-8")
    with pytest.raises(ExplorerError) as info:
        read_numeric_csv(table)
    assert_chinese(info.value.message, ("data.csv",))

    idx = tmp_path / "train-images-idx3-ubyte"
    idx.write_bytes(b"\x01\x02\x03\x04")
    with pytest.raises(ExplorerError) as info:
        read_idx(idx)
    assert_chinese(info.value.message, ("train-images-idx3-ubyte", "01020304"))


def test_session_messages_in_chinese(chinese, tmp_path):
    from explorer.core.io import save_checkpoint
    from explorer.core.session import Session

    emitted: list[tuple[str, object]] = []
    session = Session(lambda kind, payload: emitted.append((kind, payload)))
    session.handle(C.Pause())
    assert emitted == [("message", Message("session.no_experiment", {}))]
    assert tr_message(emitted[0][1]) == "未加载实验"

    path = tmp_path / "run.pt"
    save_checkpoint(Trainer(tiny(), device="cpu"), path)
    session.handle(C.RestoreCheckpoint(str(path), start_paused=True))
    opened = [p for k, p in emitted if k == "message" and p.id == "session.opened_checkpoint"]
    assert [str(m) for m in opened] == [f"opened checkpoint {path} (epoch 0, step 0)"]
    assert_chinese(opened[0], (str(path), "第 0 轮", "第 0 步"))

    session.handle(C.RestoreCheckpoint(str(tmp_path / "nothing.pt")))
    refused = [p for k, p in emitted if k == "error"]
    assert refused and refused[-1].id == "checkpoint.cannot_read" and "nothing.pt" in str(refused[-1])
    assert_chinese(refused[-1], ("nothing.pt",))


# -- English stays the core's text, text that is not ours passes through -----------------------------------


def test_english_is_the_core_text_unchanged(english, tmp_path):
    from explorer.core.io import load_checkpoint

    garbage = tmp_path / "garbage.pt"
    garbage.write_bytes(b"x")
    with pytest.raises(ExplorerError) as info:
        load_checkpoint(garbage)
    messages = [
        diverge(tiny(**{"optimizer.lr": 10.0, "regularization.l2_lambda": 90.0})),
        finished_status(tiny(**{"training.epochs": 2})),
        config_error(json.dumps({"optimizer": {"lr": -1, "kind": "x"}, "nam": 1})).message,
        info.value.message,
    ]
    for message in messages:
        assert tr_message(message) == str(message)
    assert str(messages[2]) == (
        "optimizer.kind: must be one of 'sgd', 'adam' or 'adamw' (got 'x'); "
        "optimizer.lr: Input should be greater than 0 (got -1); nam: unknown field (check the spelling)"
    )


def test_text_that_is_not_ours_passes_through(chinese):
    for text in ("something an OS says", "my variant", "", "训练失败", "x; y; z"):
        assert tr_message(text) == text
        assert tr_message(Message("text.plain", {"text": text})) == text
    mixed = ConfigError(["weird one", Message("config.unknown_field_spelling", {"where": "nam"}), "weird two"])
    assert tr_message(mixed.message) == "weird one；nam：未知字段（请检查拼写）；weird two"


# -- the window ------------------------------------------------------------------------------------------


def test_divergence_banner_and_status_in_a_chinese_window(qtbot, chinese):
    win = open_window(qtbot, tiny_run(**{"optimizer.lr": 10.0}))
    try:
        errors: list[object] = []
        win.host.errorOccurred.connect(errors.append)
        win.start(play=True)
        qtbot.waitUntil(lambda: win.state == "error" and win.banner.isVisible(), timeout=WAIT_MS)
        assert isinstance(errors[0], Message) and errors[0].id == "trainer.diverged_lr"  # data, not text
        banner = win.banner.text()
        assert "训练发散" in banner and "（10）" in banner and "“重置”" in banner, banner
        assert "learning rate" not in banner
        assert "训练发散" in win.statusBar().currentMessage()
        # a refused live edit: the field path kept, the words Chinese
        with pytest.raises(ConfigError) as info:
            apply_live_value(win.experiment, "optimizer.lr", -1)
        win.show_problem(info.value.message)
        assert win.banner.text() == "未应用：optimizer.lr：输入值应大于 0（实际为 -1）", win.banner.text()
    finally:
        close_window(win)


def test_a_variant_renamed_badly_names_the_field_in_the_window_language(chinese):
    from explorer.gui.panels.edits import rename_variant

    exp = tiny(variants=[{"name": "a", "set": {}}, {"name": "b", "set": {}}])
    with pytest.raises(ConfigError) as info:
        rename_variant(exp, 0, "")
    assert tr_message(info.value.message) == "变体名称：字符串至少应有 1 个字符（实际为 ''）"


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
