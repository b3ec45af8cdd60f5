"""The formulas of the lessons: dropout kinds and their masks, the network, L1/L2 penalties and weight decay.

Where is a dropout mask made? nn/_dropout.py (the modules a reader knows: InvertedDropout, VanillaDropout,
GaussianDropout, DropConnectLinear) and nn/_masks.py (the one mask function both those modules and the stacked
engine call). Where is it drawn? explorer/gui/views/network_diagram.py.
"""

from explorer.core.nn._dropout import (
    DROPOUT_KINDS,
    DropConnectLinear,
    GaussianDropout,
    InvertedDropout,
    NoDropout,
    VanillaDropout,
    make_dropout,
)
from explorer.core.nn._masks import DrawSharing, MaskPlan, fill_mask, mask_plan
from explorer.core.nn._mc_forward import eval_forward, inverted_and_vanilla_masks, mc_forward
from explorer.core.nn._model import MLP, plain_sequential
from explorer.core.nn._penalties import apply_decoupled_weight_decay, penalized_parameters, penalty

__all__ = [
    "DROPOUT_KINDS",
    "DrawSharing",
    "DropConnectLinear",
    "GaussianDropout",
    "InvertedDropout",
    "MLP",
    "MaskPlan",
    "NoDropout",
    "VanillaDropout",
    "apply_decoupled_weight_decay",
    "eval_forward",
    "inverted_and_vanilla_masks",
    "mc_forward",
    "fill_mask",
    "make_dropout",
    "mask_plan",
    "penalized_parameters",
    "penalty",
    "plain_sequential",
]
