"""Lesson contracts: every preset states machine-checkable claims, and they hold over its seeds.

The slow test trains every preset headless at each of its lesson seeds (CI runs it);
the fast tests check the claim language, the judging and that no preset is without claims.
"""

from __future__ import annotations

import pytest

from explorer.core.config import (
    ClaimSyntaxError,
    Metric,
    compare_values,
    evaluate_expression,
    experiment_from_dict,
    list_presets,
    load_preset,
    parse_claim,
)
from explorer.core.io import check_lesson, judge_claims
from explorer.core.io._lessons import summary_lookup
from explorer.core.protocol import ConfigError

PRESETS = [p.name for p in list_presets()]


# -- every preset states its lesson ------------------------------------------------------------


@pytest.mark.parametrize("name", PRESETS)
def test_every_preset_states_claims_that_name_its_variants(name):
    exp = load_preset(name)
    assert exp.lesson is not None and exp.lesson.claims, (
        f"preset {name!r} states no [lesson] claims: every lesson must be checkable (see CLAIMS in README)"
    )
    names = {"inverted", "vanilla"} if exp.kind == "dropout-scaling" else set(exp.variant_names())
    for cfg in exp.lesson.claims:
        for m in parse_claim(cfg.claim).metrics():
            assert m.variant is None or m.variant in names, f"{name}: {cfg.claim!r} names no variant {m.variant!r}"


def test_a_preset_without_claims_fails_the_check():
    exp = load_preset("weight-decay-highdim").model_copy(update={"lesson": None})
    report = check_lesson(exp, "new-preset")
    assert not report.held
    assert report.failures() == [report.failures()[0]]
    assert "new-preset" in report.failures()[0] and "no claims" in report.failures()[0]


# -- the claim language ------------------------------------------------------------------------


def test_claims_parse_into_comparisons_of_metrics():
    c = parse_claim("final_test_loss of 'L2 lambda = 0.002' < 0.9 * final_test_loss of \"no penalty\"")
    assert c.op == "<"
    assert [m.text() for m in c.metrics()] == [
        "final_test_loss of 'L2 lambda = 0.002'",
        "final_test_loss of 'no penalty'",
    ]
    values = {"L2 lambda = 0.002": 30.0, "no penalty": 40.0}
    assert evaluate_expression(c.left, lambda m: values[m.variant]) == 30.0
    assert evaluate_expression(c.right, lambda m: values[m.variant]) == pytest.approx(36.0)
    d = parse_claim("stop_epoch - best_epoch == 200")
    assert evaluate_expression(d.left, lambda m: {"stop_epoch": 580, "best_epoch": 380}[m.name]) == 200
    assert evaluate_expression(parse_claim("-(2 + 3) * 4 / 2 < 0").left, lambda m: 0) == -10
    assert evaluate_expression(parse_claim("all_even of 'inverted' == true").right, lambda m: 0) == 1.0


@pytest.mark.parametrize(
    "text, where",
    [
        ("final_test_loss of 'a'", "a comparison"),
        ("final_test_loss of a < 1", "quoted variant name"),
        ("1 < 2 < 3", "one comparison per claim"),
        ("__import__('os').system('true') == 0", "unexpected"),
        ("(1 < 2", "')'"),
        ("", "a claim is a comparison"),
        ("x < 1 ; y > 2", "unexpected ';'"),
    ],
)
def test_bad_claims_are_refused_with_where_and_what(text, where):
    with pytest.raises(ClaimSyntaxError, match=None) as info:
        parse_claim(text)
    assert where in str(info.value)


def test_a_bad_claim_in_a_file_is_refused_naming_the_field():
    data = load_preset("weight-decay-highdim").to_dict()
    data["lesson"]["claims"][1]["claim"] = "final_test_loss of 'x' <"
    with pytest.raises(ConfigError) as info:
        experiment_from_dict(data)
    assert "lesson.claims.1.claim" in str(info.value)


def test_nan_satisfies_no_claim():
    nan = float("nan")
    assert not any(compare_values(nan, op, 1.0) for op in ("<", "<=", ">", ">=", "==", "!="))


# -- judging: the numbers in the verdict ---------------------------------------------------------


def _summary(a_test: float, b_test: float) -> dict:
    return {
        "steps": 10,
        "epochs": 5,
        "variants": {
            "A": {"final_test_loss": a_test, "stop_epoch": None, "restored_best": True},
            "B": {"final_test_loss": b_test, "stop_epoch": None, "restored_best": False},
        },
    }


def _with_claims(*claims: dict):
    data = load_preset("weight-decay-highdim").to_dict()
    data["variants"] = [{"name": "A", "set": {}}, {"name": "B", "set": {"regularization.l2_lambda": 1.0}}]
    data["lesson"] = {"seeds": [0, 1, 2], "claims": list(claims)}
    return experiment_from_dict(data)


def test_each_fails_on_one_seed_and_names_that_seed_and_its_numbers():
    exp = _with_claims({"claim": "final_test_loss of 'A' < final_test_loss of 'B'"})
    out = judge_claims(exp, [_summary(1, 2), _summary(3, 2), _summary(1, 2)], [0, 1, 2])
    assert not out[0].held
    assert "seed 1" in out[0].detail and "final_test_loss of 'A' = 3" in out[0].detail
    assert "final_test_loss of 'B' = 2" in out[0].detail and "seed 0" not in out[0].detail


def test_mean_compares_the_means_over_seeds():
    exp = _with_claims({"claim": "final_test_loss of 'A' < final_test_loss of 'B'", "over": "mean"})
    out = judge_claims(exp, [_summary(1, 2), _summary(3, 2), _summary(1, 2)], [0, 1, 2])
    assert out[0].held, out[0].detail  # 5/3 < 2
    out = judge_claims(exp, [_summary(1, 2), _summary(5, 2), _summary(1, 2)], [0, 1, 2])
    assert not out[0].held and "final_test_loss of 'A' = 2.33333" in out[0].detail


def test_missing_values_and_unknown_names_fail_with_a_reason():
    exp = _with_claims(
        {"claim": "stop_epoch of 'A' > 0"},
        {"claim": "final_test_loss of 'C' > 0"},
        {"claim": "restored_best of 'A' == true"},
        {"claim": "typo_loss of 'A' > 0"},
    )
    out = judge_claims(exp, [_summary(1, 2)] * 3, [0, 1, 2])
    assert [o.held for o in out] == [False, False, True, False]
    assert "has no value" in out[0].detail
    assert "no variant 'C'" in out[1].detail and "'A', 'B'" in out[1].detail
    assert "no such metric" in out[3].detail and "final_test_loss" in out[3].detail


def test_run_wide_metrics_and_the_only_variant():
    look = summary_lookup({"steps": 7, "variants": {"model": {"best_epoch": 3}}})
    assert look(Metric("steps", None)) == 7 and look(Metric("best_epoch", None)) == 3


# -- the lessons hold (trains every preset: slow) ---------------------------------------------------


@pytest.mark.slow
@pytest.mark.timeout(1200)  # weight-decay-quadratic: 5 seeds x 30,000 steps, about 90 s on an idle 2-core box
@pytest.mark.parametrize("name", PRESETS)
def test_the_preset_lesson_holds_over_its_seeds(name, one_torch_thread):
    report = check_lesson(load_preset(name), name)
    assert report.held, "\n".join(report.failures())
