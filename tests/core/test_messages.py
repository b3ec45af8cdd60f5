"""Messages as data (explorer.core.protocol): an id, its values, one English template per id."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.core.protocol import (
    CATALOGUE,
    ConfigError,
    ExplorerError,
    Message,
    all_messages,
    as_message,
    define_messages,
    fields_of,
    join_messages,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def declared():
    """Message sets declared by a test, removed from the catalogue afterwards."""
    before = set(CATALOGUE)
    yield define_messages
    for message_id in set(CATALOGUE) - before:
        del CATALOGUE[message_id]


def test_a_message_renders_its_template_with_its_values(declared):
    msg = declared("t1", {"steps": "finished: {epochs} epochs, {steps} steps"})
    m = msg.steps(epochs=3, steps=30)
    assert m == Message("t1.steps", {"epochs": 3, "steps": 30})
    assert str(m) == "finished: 3 epochs, 30 steps"
    assert m.render(lambda t: t.replace("finished", "done")) == "done: 3 epochs, 30 steps"
    assert str(ExplorerError(m)) == "finished: 3 epochs, 30 steps" and ExplorerError(m).message is m


def test_values_that_are_messages_render_in_the_same_language(declared):
    msg = declared("t2", {"outer": "variant {name}: {message}", "inner": "lr {lr} too large"})
    m = msg.outer(name="'a'", message=msg.inner(lr="10"))
    assert str(m) == "variant 'a': lr 10 too large"
    upper = {"variant {name}: {message}": "VARIANT {name}: {message}", "lr {lr} too large": "LR {lr}!", "; ": " | "}
    assert m.render(lambda t: upper.get(t, t)) == "VARIANT 'a': LR 10!"
    several = ConfigError([msg.inner(lr="1"), "an OS's words", msg.inner(lr="2")])
    assert str(several) == "lr 1 too large; an OS's words; lr 2 too large"
    assert several.problems == ["lr 1 too large", "an OS's words", "lr 2 too large"]
    assert several.message.render(lambda t: upper.get(t, t)) == "LR 1! | an OS's words | LR 2!"
    assert join_messages([msg.inner(lr="1")]) == msg.inner(lr="1")
    assert str(join_messages([msg.inner(lr="1"), msg.inner(lr="2")])) == "lr 1 too large; lr 2 too large"


def test_an_id_needs_its_template_and_its_values(declared):
    msg = declared("t3", {"known": "{name}: too large ({size} bytes)"})
    with pytest.raises(AttributeError, match="no message t3.unknown"):
        msg.unknown(name="x")
    with pytest.raises(TypeError, match=r"needs \['size'\]"):
        msg.known(name="x")
    with pytest.raises(ValueError, match="declared twice"):
        declared("t3", {"known": "another text"})
    with pytest.raises(ValueError, match="format the values where the message is built"):
        declared("t4", {"lr": "the learning rate ({lr:g})"})
    with pytest.raises(ValueError, match="format the values"):
        declared("t4", {"name": "{name!r} is wrong"})


def test_text_that_is_not_ours_is_kept_as_it_is():
    m = as_message("No space left on device {not a field}")
    assert m.id == "text.plain" and str(m) == "No space left on device {not a field}"
    assert as_message(m) is m
    assert m.render(lambda t: t.upper()) == "{TEXT}"  # a translation's unknown placeholder shows, never raises


def test_every_core_template_is_plain_fields_only():
    """No format specs: a translation and the English fill the same placeholders."""
    import string

    for message_id, template in all_messages().items():
        for _, name, spec, conversion in string.Formatter().parse(template):
            assert not spec and not conversion, (message_id, template)
        assert fields_of(template) == {n for _, n, _, _ in string.Formatter().parse(template) if n}


def test_messages_pickle_and_render_in_a_process_that_has_not_imported_their_module():
    """The trainer process sends Messages down a pipe; the window's process may not have imported the
    module that declared them yet."""
    from explorer.core.training._trainer import MSG

    sent = MSG.in_variant(variant_name="'a'", message=MSG.finished(epochs=3, steps=30))
    script = (
        "import pickle, sys\n"
        "import explorer.core.protocol as p\n"
        "assert 'trainer.finished' not in p.CATALOGUE\n"
        "print(pickle.loads(sys.stdin.buffer.read()))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        input=pickle.dumps(sent),
        capture_output=True,
        cwd=REPO,
        timeout=120,
        check=True,
    )
    assert out.stdout.decode().strip() == "variant 'a': finished: 3 epochs, 30 steps"


@pytest.mark.parametrize(
    "data, inner",
    [
        ({"optimizer": {"lr": -1}}, ("pydantic.greater_than", {"limit": 0})),
        ({"regularization": {"l2_lambda": 1e9}}, ("pydantic.less_than_equal", {"limit": 100})),
        ({"network": {"layers": [{"width": 0}]}}, ("pydantic.greater_than_equal", {"limit": 1})),
        ({"training": {"epochs": "abc"}}, ("pydantic.int_parsing", {})),
        ({"training": {"epochs": 1.5}}, ("pydantic.int_from_float", {})),
        ({"optimizer": {"lr": "x"}}, ("pydantic.float_parsing", {})),
        ({"early_stopping": {"enabled": "maybe"}}, ("pydantic.bool_parsing", {})),
        ({"meta": {"title": 3}}, ("pydantic.string_type", {})),
        ({"optimizer": {"betas": [0.5, 0.5, 0.5]}}, ("pydantic.tuple_too_long", {"n": 2, "m": 3})),
        ({"network": 3}, ("pydantic.model_type", {"model": "NetworkConfig"})),
        ({"variants": [{"name": ""}]}, ("pydantic.string_too_short_one", {"n": 1})),
    ],
)
def test_pydantic_error_types_map_to_ids_with_their_context(data, inner):
    from explorer.core.config import experiment_from_dict

    with pytest.raises(ConfigError) as info:
        experiment_from_dict(data)
    (problem,) = info.value.problem_messages
    assert problem.id == "config.invalid"
    assert (problem.params["msg"].id, dict(problem.params["msg"].params)) == inner
    assert " (got " in str(problem)


def test_a_literal_choice_and_a_validator_problem_are_messages_too():
    from explorer.core.config import experiment_from_dict

    with pytest.raises(ConfigError) as info:
        experiment_from_dict({"optimizer": {"kind": "sgdd", "nesterov": True, "momentum": 0}})
    ids = [p.id for p in info.value.problem_messages]
    assert ids == ["config.not_one_of"]
    choice = info.value.problem_messages[0]
    assert choice.params["choices"].id == "pydantic.one_of" and choice.params["value"] == "'sgdd'"
    with pytest.raises(ConfigError) as info:
        experiment_from_dict({"optimizer": {"nesterov": True, "momentum": 0}})
    (problem,) = info.value.problem_messages
    assert (problem.id, problem.params["where"], problem.params["problem"].id) == (
        "config.in_field",
        "optimizer",
        "config.nesterov_needs_momentum",
    )
    assert str(problem) == "optimizer: nesterov needs momentum > 0"
