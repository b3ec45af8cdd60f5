"""The MLP: shapes from the config, live dropout changes, and the export to a plain nn.Sequential."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from explorer.core.config import Experiment, NetworkConfig
from explorer.core.io import save_checkpoint
from explorer.core.nn import (
    MLP,
    DropConnectLinear,
    GaussianDropout,
    InvertedDropout,
    NoDropout,
    VanillaDropout,
    plain_sequential,
)
from explorer.core.training import Trainer


def net(*layers: dict, **kw) -> NetworkConfig:  # type: ignore[no-untyped-def]
    return NetworkConfig.model_validate({"layers": list(layers), **kw})


def seeded_mlp(input_dim: int, output_dim: int, cfg: NetworkConfig, seed: int = 0) -> MLP:
    torch.manual_seed(seed)
    model = MLP(input_dim, output_dim, cfg)
    model.set_generator(torch.Generator().manual_seed(seed))
    return model


def test_layer_shapes_follow_the_config() -> None:
    cfg = net(
        {"width": 7, "activation": "tanh"},
        {"width": 5, "activation": "gelu"},
        {"width": 3, "activation": "linear"},
        output_activation="sigmoid",
    )
    model = seeded_mlp(4, 2, cfg)
    assert [tuple(lin.weight.shape) for lin in model.linears] == [(7, 4), (5, 7), (3, 5), (2, 3)]
    assert [tuple(lin.bias.shape) for lin in model.linears] == [(7,), (5,), (3,), (2,)]
    assert all(isinstance(lin, DropConnectLinear) for lin in model.linears)
    assert [type(a) for a in model.activations] == [nn.Tanh, nn.GELU, nn.Identity]
    assert isinstance(model.output_activation, nn.Sigmoid)
    assert model.n_hidden == 3
    assert sum(p.numel() for p in model.parameters()) == (4 * 7 + 7) + (7 * 5 + 5) + (5 * 3 + 3) + (3 * 2 + 2)
    assert model(torch.zeros(6, 4)).shape == (6, 2)


def test_no_hidden_layers_is_a_linear_model() -> None:
    model = seeded_mlp(200, 1, net())
    assert len(model.linears) == 1 and model.n_hidden == 0
    x = torch.randn(3, 200)
    model.eval()
    expected = x @ model.linears[0].weight.T + model.linears[0].bias
    assert torch.allclose(model(x), expected, atol=1e-6)
    assert model.plain_layers() == ["Linear(200, 1)"]


@pytest.mark.parametrize("scheme", ["xavier", "kaiming"])
def test_init_schemes_zero_the_biases(scheme: str) -> None:
    model = MLP(3, 2, net({"width": 4}, init=scheme))
    assert all(torch.count_nonzero(lin.bias) == 0 for lin in model.linears)


def test_dropout_kinds_from_the_config() -> None:
    cfg = net(
        {"width": 4, "dropout_p": 0.1, "dropout_kind": "inverted"},
        {"width": 4, "dropout_p": 0.2, "dropout_kind": "vanilla"},
        {"width": 4, "dropout_p": 0.3, "dropout_kind": "gaussian"},
        {"width": 4, "dropout_p": 0.4, "dropout_kind": "dropconnect"},
    )
    model = seeded_mlp(2, 1, cfg)
    assert [type(d) for d in model.dropouts] == [InvertedDropout, VanillaDropout, GaussianDropout, NoDropout]
    assert [model.dropout_p(i) for i in range(4)] == [0.1, 0.2, 0.3, 0.4]
    assert [lin.p for lin in model.linears] == [0.0, 0.0, 0.0, 0.0, 0.4]  # DropConnect of layer 3 -> linears[4]
    assert model.kinds == ["inverted", "vanilla", "gaussian", "dropconnect"]


def test_set_dropout_changes_kind_and_p_and_keeps_weights() -> None:
    model = seeded_mlp(3, 2, net({"width": 6}, {"width": 5}))
    before = {k: v.clone() for k, v in model.state_dict().items()}
    model.set_dropout(0, "vanilla", 0.3)
    assert isinstance(model.dropouts[0], VanillaDropout) and model.dropout_p(0) == 0.3
    model.set_dropout(0, "inverted", 0.6)
    assert isinstance(model.dropouts[0], InvertedDropout) and model.dropout_p(0) == 0.6
    assert model.dropouts[0].generator is model.generator
    # DropConnect on layer i puts p on linears[i + 1], nowhere else
    model.set_dropout(1, "dropconnect", 0.25)
    assert isinstance(model.dropouts[1], NoDropout)
    assert [lin.p for lin in model.linears] == [0.0, 0.0, 0.25]
    assert model.dropout_p(1) == 0.25 and model.kinds == ["inverted", "dropconnect"]
    model.set_dropout(0, "dropconnect", 0.5)
    assert [lin.p for lin in model.linears] == [0.0, 0.5, 0.25]
    # and back: the Linear's p goes back to 0
    model.set_dropout(1, "gaussian", 0.2)
    assert [lin.p for lin in model.linears] == [0.0, 0.5, 0.0]
    assert isinstance(model.dropouts[1], GaussianDropout) and model.dropout_p(1) == 0.2
    after = model.state_dict()
    assert before.keys() == after.keys()
    assert all(torch.equal(before[k], after[k]) for k in before)


def test_set_dropout_p_zero_is_the_identity_in_training() -> None:
    model = seeded_mlp(3, 2, net({"width": 6, "dropout_p": 0.5}))
    x = torch.randn(4, 3)
    model.eval()
    eval_out = model(x)
    model.set_dropout(0, "inverted", 0.0)
    model.train()
    assert torch.equal(model(x), eval_out)
    assert model.unit_mask(0) is None


def test_unit_mask_values_and_hidden_outputs() -> None:
    model = seeded_mlp(
        3, 2, net({"width": 50, "dropout_p": 0.2}, {"width": 40, "dropout_p": 0.2, "dropout_kind": "dropconnect"})
    )
    x = torch.randn(8, 3)
    model.train()
    model(x)
    mask = model.unit_mask(0)
    assert mask.shape == (8, 50)
    assert set(torch.unique(mask).tolist()) <= {0.0, 1.25}
    assert model.unit_mask(1) is None
    dc = model.dropconnect_mask(2)
    assert dc.shape == (2, 40) and set(torch.unique(dc).tolist()) <= {0.0, 1.25}
    assert model.dropconnect_mask(1) is None
    h0 = model.activations[0](model.linears[0](x))
    assert torch.allclose(model.hidden_outputs[0], h0)
    model.eval()
    stored = model.hidden_outputs[0]
    model(torch.randn(2, 3))  # eval forwards do not overwrite the training record
    assert model.hidden_outputs[0] is stored


# -- plain export ---------------------------------------------------------------------------

ACT = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid, "gelu": nn.GELU, "linear": nn.Identity}


def by_hand(dims: list[int], acts: list[str], ps: list[float], out_act: str) -> nn.Sequential:
    """The nn.Sequential written out with plain torch.nn, independently of plain_sequential."""
    modules: list[nn.Module] = []
    for i, (act, p) in enumerate(zip(acts, ps)):
        modules += [nn.Linear(dims[i], dims[i + 1]), ACT[act](), nn.Dropout(p)]
    modules.append(nn.Linear(dims[-2], dims[-1]))
    if out_act != "linear":
        modules.append(ACT[out_act]())
    return nn.Sequential(*modules)


@pytest.mark.parametrize(
    "kind, p", [("inverted", 0.5), ("vanilla", 0.3), ("dropconnect", 0.4), ("gaussian", 0.2), ("vanilla", 1.0)]
)
@pytest.mark.parametrize("out_act", ["linear", "relu"])
def test_plain_export_gives_the_same_eval_outputs(kind: str, p: float, out_act: str) -> None:
    acts = ["relu", "tanh", "sigmoid"]
    dims = [3, 16, 12, 8, 2]
    cfg = net(
        *({"width": w, "activation": a, "dropout_p": p, "dropout_kind": kind} for w, a in zip(dims[1:-1], acts)),
        output_activation=out_act,
    )
    model = seeded_mlp(3, 2, cfg, seed=3)
    with torch.no_grad():  # biases away from 0 so the relu output is not all zero
        model.linears[-1].bias.add_(1.0)
    # a few training forwards first: masks drawn, but the eval output must not depend on them
    model.train()
    for _ in range(3):
        model(torch.randn(4, 3))
    model.eval()
    x = torch.randn(64, 3, generator=torch.Generator().manual_seed(1))
    expected = model(x)

    layers = model.plain_layers()
    dropout_text = f"Dropout(p={p:g})"
    assert layers[:3] == ["Linear(3, 16)", "ReLU()", dropout_text]
    assert layers[3:9] == ["Linear(16, 12)", "Tanh()", dropout_text, "Linear(12, 8)", "Sigmoid()", dropout_text]
    assert layers[9] == "Linear(8, 2)"
    assert layers[10:] == ([] if out_act == "linear" else ["ReLU()"])

    state = model.plain_state_dict()
    assert sorted(state) == sorted(f"{3 * i}.{n}" for i in range(4) for n in ("weight", "bias"))
    for seq in (plain_sequential(layers), by_hand(dims, acts, [p] * 3, out_act)):
        seq.load_state_dict(state)  # strict: keys and shapes match exactly
        seq.eval()
        with torch.no_grad():
            got = seq(x)
        assert torch.allclose(got, expected, atol=1e-6), (kind, p, (got - expected).abs().max())
    assert repr(plain_sequential(layers)) == repr(by_hand(dims, acts, [p] * 3, out_act))


def test_vanilla_export_folds_one_minus_p_into_the_next_linear() -> None:
    p = 0.3
    model = seeded_mlp(
        2,
        1,
        net(
            {"width": 8, "dropout_p": p, "dropout_kind": "vanilla"},
            {"width": 4, "dropout_p": 0.0, "dropout_kind": "vanilla"},
        ),
    )
    state = model.plain_state_dict()
    w = [lin.weight.detach() for lin in model.linears]
    assert torch.equal(state["0.weight"], w[0])  # before the dropout: untouched
    assert torch.equal(state["3.weight"], w[1] * (1 - p))  # after layer 0's vanilla dropout: scaled
    assert torch.equal(state["6.weight"], w[2])  # p = 0: factor 1
    assert torch.equal(state["3.bias"], model.linears[1].bias.detach())  # biases never scaled
    # without the folding a plain nn.Dropout would give different outputs: the (1-p) matters
    seq = plain_sequential(model.plain_layers())
    raw = {}
    for i, lin in enumerate(model.linears):
        raw[f"{3 * i}.weight"], raw[f"{3 * i}.bias"] = lin.weight.detach(), lin.bias.detach()
    seq.load_state_dict(raw)
    seq.eval()
    model.eval()
    x = torch.randn(16, 2)
    with torch.no_grad():
        assert not torch.allclose(seq(x), model(x), atol=1e-4)
    # eval of vanilla dropout on its own: exactly x * (1 - p)
    h = torch.randn(5, 8)
    assert torch.equal(model.dropouts[0](h), h * (1 - p))


def test_plain_state_dict_is_a_detached_cpu_copy() -> None:
    model = seeded_mlp(2, 1, net({"width": 4}))
    state = model.plain_state_dict()
    assert not any(t.requires_grad for t in state.values())
    state["0.weight"].zero_()
    assert torch.count_nonzero(model.linears[0].weight) > 0


def test_readme_style_load_from_a_checkpoint(tmp_path) -> None:
    exp = Experiment().with_values(
        {
            "dataset.kind": "sine",
            "dataset.n_train": 16,
            "dataset.n_test": 20,
            "dataset.n_val": 4,
            "network.layers": [{"width": 12, "dropout_p": 0.5}, {"width": 10, "dropout_p": 0.5}],
            "training.epochs": 5,
            "training.device": "cpu",
            "variants": [
                {
                    "name": "vanilla",
                    "set": {
                        "network.layers.0.dropout_kind": "vanilla",
                        "network.layers.1.dropout_kind": "vanilla",
                        "network.layers.1.dropout_p": 0.3,
                    },
                },
                {"name": "inverted", "set": {}},
            ],
        }
    )
    trainer = Trainer(exp)
    while not trainer.finished:
        trainer.step()
    path = save_checkpoint(trainer, tmp_path / "checkpoint.pt")
    ckpt = torch.load(path, weights_only=True)
    for index, ps in ((0, (0.5, 0.3)), (1, (0.5, 0.5))):
        plain = ckpt["variants"][index]["plain"]
        assert plain["layers"] == [
            "Linear(1, 12)",
            "ReLU()",
            f"Dropout(p={ps[0]:g})",
            "Linear(12, 10)",
            "ReLU()",
            f"Dropout(p={ps[1]:g})",
            "Linear(10, 1)",
        ]
        model = nn.Sequential(
            nn.Linear(1, 12),
            nn.ReLU(),
            nn.Dropout(ps[0]),
            nn.Linear(12, 10),
            nn.ReLU(),
            nn.Dropout(ps[1]),
            nn.Linear(10, 1),
        )
        model.load_state_dict(plain["state_dict"])
        model.eval()
        ours = trainer.variants[index].model
        ours.eval()
        x = trainer.dataset.x_test
        with torch.no_grad():
            assert torch.allclose(model(x), ours(x), atol=1e-6)
            assert torch.allclose(model(torch.tensor([[0.5]])), ours(torch.tensor([[0.5]])), atol=1e-6)
