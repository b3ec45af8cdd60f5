"""The multilayer perceptron built from a NetworkConfig.

Each hidden layer is  h = act(W x + b)  followed by its dropout. A layer whose
dropout kind is DropConnect drops *weights* instead of units: its mask lives
on the next Linear map (the connections leaving the layer), which is the exact
weight-level counterpart of dropping that layer's outputs.
"""

from __future__ import annotations

from typing import Optional

import torch
from torch import nn

from explorer.core.config import NetworkConfig
from explorer.core.nn._dropout import DropConnectLinear, NoDropout, make_dropout

ACTIVATIONS: dict[str, type[nn.Module]] = {
    "relu": nn.ReLU,
    "tanh": nn.Tanh,
    "sigmoid": nn.Sigmoid,
    "gelu": nn.GELU,
    "linear": nn.Identity,
}
PLAIN_NAMES = {"relu": "ReLU", "tanh": "Tanh", "sigmoid": "Sigmoid", "gelu": "GELU", "linear": "Identity"}


class MLP(nn.Module):
    def __init__(self, input_dim: int, output_dim: int, net: NetworkConfig):
        super().__init__()
        dims = [input_dim] + [layer.width for layer in net.layers] + [output_dim]
        self.linears = nn.ModuleList(DropConnectLinear(dims[i], dims[i + 1]) for i in range(len(dims) - 1))
        self.activations = nn.ModuleList(ACTIVATIONS[layer.activation]() for layer in net.layers)
        self.dropouts = nn.ModuleList(NoDropout() for _ in net.layers)
        self.activation_names = [layer.activation for layer in net.layers]
        self.output_activation_name = net.output_activation
        self.output_activation = ACTIVATIONS[net.output_activation]()
        self.kinds = ["inverted"] * len(net.layers)
        self.generator: Optional[torch.Generator] = None
        # h = act(Wx + b) of each hidden layer in the last *training* forward, before
        # dropout: references only (no copy), read when a snapshot is taken.
        self.hidden_outputs: list[Optional[torch.Tensor]] = [None] * len(net.layers)
        self._init(net.init)
        for i, layer in enumerate(net.layers):
            self.set_dropout(i, layer.dropout_kind, layer.dropout_p)

    def _init(self, scheme: str) -> None:
        if scheme == "default":
            return
        for lin in self.linears:
            if scheme == "xavier":
                nn.init.xavier_uniform_(lin.weight)
            else:
                nn.init.kaiming_uniform_(lin.weight, nonlinearity="relu")
            nn.init.zeros_(lin.bias)

    @property
    def n_hidden(self) -> int:
        return len(self.dropouts)

    def set_generator(self, generator: Optional[torch.Generator]) -> None:
        """All masks and noise are drawn from this generator (reproducible runs)."""
        self.generator = generator
        for module in list(self.dropouts) + list(self.linears):
            module.generator = generator

    def set_dropout(self, layer: int, kind: str, p: float) -> None:
        """Change a hidden layer's dropout between steps; weights and optimizer state stay."""
        self.kinds[layer] = kind
        if kind == "dropconnect":
            self.dropouts[layer] = NoDropout()
            self.linears[layer + 1].p = p
        else:
            self.dropouts[layer] = make_dropout(kind, p)
            self.linears[layer + 1].p = 0.0
        self.dropouts[layer].generator = self.generator
        self.linears[layer + 1].generator = self.generator

    def dropout_p(self, layer: int) -> float:
        if self.kinds[layer] == "dropconnect":
            return float(self.linears[layer + 1].p)
        return float(getattr(self.dropouts[layer], "p", 0.0))

    def unit_mask(self, layer: int) -> Optional[torch.Tensor]:
        """The multiplier the layer's units got in the last training step (None: no unit dropout)."""
        if self.kinds[layer] == "dropconnect":
            return None
        return getattr(self.dropouts[layer], "last_mask", None)

    def dropconnect_mask(self, linear: int) -> Optional[torch.Tensor]:
        lin = self.linears[linear]
        return lin.last_mask if lin.p > 0 else None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        record = self.training
        for i in range(len(self.dropouts)):
            h = self.activations[i](self.linears[i](x))
            if record:
                self.hidden_outputs[i] = h
            x = self.dropouts[i](h)
        return self.output_activation(self.linears[-1](x))

    @torch.no_grad()
    def hidden_activations(self, x: torch.Tensor) -> list[torch.Tensor]:
        """Eval-mode activations of every hidden layer (for the neuron maps of 2-D data)."""
        out = []
        for i in range(len(self.dropouts)):
            h = self.activations[i](self.linears[i](x))
            out.append(h)
            x = self.dropouts[i](h)
        return out

    # -- export to a plain torch.nn.Sequential ------------------------------------
    def plain_layers(self) -> list[str]:
        """The nn.Sequential this model equals at eval time, one module per entry."""
        layers = []
        for i in range(self.n_hidden):
            lin = self.linears[i]
            layers.append(f"Linear({lin.in_features}, {lin.out_features})")
            layers.append(f"{PLAIN_NAMES[self.activation_names[i]]}()")
            layers.append(f"Dropout(p={self.dropout_p(i):g})")
        lin = self.linears[-1]
        layers.append(f"Linear({lin.in_features}, {lin.out_features})")
        if self.output_activation_name != "linear":
            layers.append(f"{PLAIN_NAMES[self.output_activation_name]}()")
        return layers

    def plain_state_dict(self) -> dict[str, torch.Tensor]:
        """Weights keyed for nn.Sequential(Linear, Act, Dropout, ..., Linear).

        Inverted, Gaussian and DropConnect layers are the identity at eval time,
        so their weights are copied as they are. Vanilla dropout multiplies its
        units by (1-p) at eval; that factor is folded into the next Linear's
        weight (W (h (1-p)) = (W (1-p)) h), so a plain nn.Dropout, which is the
        identity at eval, gives exactly the same outputs.
        """
        out: dict[str, torch.Tensor] = {}
        for i, lin in enumerate(self.linears):
            weight = lin.weight.detach().clone().cpu()
            if i > 0 and self.kinds[i - 1] == "vanilla":
                weight = weight * (1.0 - self.dropout_p(i - 1))
            out[f"{3 * i}.weight"] = weight
            out[f"{3 * i}.bias"] = lin.bias.detach().clone().cpu()
        return out


def plain_sequential(layers: list[str]) -> nn.Sequential:
    """Build the nn.Sequential described by MLP.plain_layers() (used by tests and the README)."""
    modules: list[nn.Module] = []
    for spec in layers:
        name, _, args = spec.partition("(")
        args = args.rstrip(")")
        if name == "Linear":
            i, o = (int(a) for a in args.split(","))
            modules.append(nn.Linear(i, o))
        elif name == "Dropout":
            modules.append(nn.Dropout(float(args.split("=")[1])))
        else:
            modules.append(getattr(nn, name)())
    return nn.Sequential(*modules)
