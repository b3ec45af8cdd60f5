"""One or two sentences per concept, each with its formula: what a control's tooltip says.

Kept in one place so the wording (and the conventions: λ·Σw², no ½) is
consistent across panels and translatable in one context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# Called by this name, with the context spelled out, so pyside6-lupdate finds every text.
translate = QCoreApplication.translate


def tip(key: str) -> str:
    texts = {
        "dropout_p": translate(
            "Tooltips",
            "Dropout probability p: during training each unit of this layer is "
            "dropped (set to 0) with probability p; p = 0 turns dropout off. Kept "
            "units: m_i ~ Bernoulli(1−p).",
        ),
        "inverted": translate(
            "Tooltips",
            "Inverted dropout: during training each unit is kept with probability 1−p "
            "and scaled by 1/(1−p), so nothing changes at test time. m_i ~ "
            "Bernoulli(1−p)/(1−p).",
        ),
        "vanilla": translate(
            "Tooltips",
            "Vanilla dropout (the original paper): units are kept with probability 1−p "
            "without scaling during training; at test time outputs are multiplied by "
            "(1−p). Train: h·m, m_i ~ Bernoulli(1−p); test: h·(1−p).",
        ),
        "dropconnect": translate(
            "Tooltips",
            "DropConnect: drops individual weights instead of units, W̃ = W ⊙ M "
            "with M_ij ~ Bernoulli(1−p)/(1−p), a new mask every step.",
        ),
        "gaussian": translate(
            "Tooltips",
            "Gaussian dropout: multiplies each unit by Gaussian noise of mean 1 "
            "instead of a 0/1 mask, m_i ~ N(1, p/(1−p)); same mean and variance as "
            "inverted dropout.",
        ),
        "dropout_kind": translate(
            "Tooltips",
            "How this layer drops: inverted (scale 1/(1−p) while training), "
            "vanilla (scale by 1−p at test time), DropConnect (drop weights W_ij) "
            "or Gaussian noise m ~ N(1, p/(1−p)).",
        ),
        "l1": translate(
            "Tooltips",
            "L1 penalty: adds λ·Σ|w| to the loss; its gradient λ·sign(w) pushes small "
            "weights to exactly zero, so the weight histogram gets a spike at 0 (sparse "
            "weights).",
        ),
        "l2": translate(
            "Tooltips",
            "L2 penalty: adds λ·Σw² to the loss (no ½); its gradient 2λw pulls every weight "
            "towards zero and the weight histogram narrows.",
        ),
        "weight_decay": translate(
            "Tooltips",
            "Decoupled weight decay (AdamW): after each step w ← w − η·wd·w, "
            "outside the loss. With plain SGD it equals an L2 penalty with λ = "
            "wd/2; with Adam it does not.",
        ),
        "penalize_biases": translate(
            "Tooltips",
            "Also penalise (and decay) the bias vectors b, not only the weights "
            "W: Σ runs over W and b. Usually only weights are penalised.",
        ),
        "penalty_convention": translate(
            "Tooltips", "Conventions used here: L1 = λ·Σ|w|, L2 = λ·Σw² (no ½), total loss = data loss + L1 + L2."
        ),
        "es_enabled": translate(
            "Tooltips",
            "Early stopping: stop training when the validation loss has not improved "
            "by more than δ for P evaluations in a row (stop when wait ≥ P).",
        ),
        "es_patience": translate(
            "Tooltips",
            "Patience P: how many evaluations without improvement are tolerated; training stops when wait ≥ P.",
        ),
        "es_min_delta": translate(
            "Tooltips", "Minimum improvement δ: an evaluation counts as better only if val_loss < best − δ."
        ),
        "es_restore": translate(
            "Tooltips",
            "Restore best: when stopping, put back the weights of the best "
            "evaluation, w ← w_best (otherwise the last weights are kept).",
        ),
        "variant_target": translate(
            "Tooltips",
            "Which variant the controls edit in compare mode. \"All variants\" "
            "sets a value in every variant: v_k ← x for all k.",
        ),
        "lr": translate(
            "Tooltips",
            "Learning rate η: the size of each gradient step, w ← w − η·∇L. Too large diverges, too small crawls.",
        ),
        "momentum": translate(
            "Tooltips",
            "Momentum μ (SGD): keeps a running velocity v ← μ·v + ∇L and steps w ← w − "
            "η·v; μ = 0.9 averages about 1/(1−μ) = 10 gradients.",
        ),
        "optimizer": translate(
            "Tooltips",
            "Optimiser: SGD w ← w − η·∇L; Adam scales each step by running moments, w "
            "← w − η·m̂/(√v̂ + ε); AdamW is Adam with decoupled weight decay.",
        ),
        "batch_size": translate(
            "Tooltips",
            "Batch size B: samples per gradient step; the gradient is the batch mean "
            "(1/B)·Σ∇ℓ_i. Full batch: B = N, one step per epoch.",
        ),
        "epochs": translate("Tooltips", "Epochs: passes over the training set; one epoch is ⌈N/B⌉ steps."),
        "seed": translate(
            "Tooltips",
            "Training seed: fixes the initial weights, the batch order and the dropout "
            "masks; the same seed gives the same run (w₀ = f(seed)).",
        ),
        "replicates": translate(
            "Tooltips",
            "Seeds per variant N: every variant trains N times, with seeds s, s+1, …, s+N−1 (other initial "
            "weights, batch order and masks; the same data), all in lockstep. The curves show the mean and a "
            "band over the seeds, so a difference can be weighed against seed noise.",
        ),
        "eval_every": translate(
            "Tooltips",
            "Evaluate train/validation/test loss every k epochs; early-stopping "
            "patience counts these evaluations (P evaluations = P·k epochs).",
        ),
        "device": translate(
            "Tooltips",
            "Where the trainer runs: auto uses a CUDA GPU when present, else the CPU. If "
            "CUDA is chosen but not available the trainer falls back to the CPU and says "
            "so.",
        ),
        "dataset": translate(
            "Tooltips",
            "The data: regression curves y = f(x) + ε, 2-D classification sets, small "
            "images (digits, IDX files such as MNIST) or a CSV file.",
        ),
        "noise": translate(
            "Tooltips",
            "Noise σ of the training targets: y = f(x) + ε with ε ~ N(0, σ²). More noise "
            "gives the network more to overfit.",
        ),
        "test_noise": translate(
            "Tooltips", "Noise σ of the validation and test draws (empty: the same as the training noise)."
        ),
        "n_train": translate(
            "Tooltips", "Training points N. Few points and a big network make overfitting easy to see: parameters ≫ N."
        ),
        "n_val": translate(
            "Tooltips", "Validation points: held out, never trained on; early stopping watches their loss."
        ),
        "n_test": translate("Tooltips", "Test points: held out, measure how well the model generalises (test loss)."),
        "input_dim": translate(
            "Tooltips", "Number of inputs d of the high-dimensional linear set: y = w*·x + b* + ε, x ∈ ℝ^d."
        ),
        "validation_fraction": translate(
            "Tooltips", "Share of the samples held out for validation: n_val = fraction · N."
        ),
        "test_fraction": translate("Tooltips", "Share of the samples held out for testing: n_test = fraction · N."),
        "max_samples": translate(
            "Tooltips", "Use at most this many samples of a file or image set (0: all); fewer samples overfit sooner."
        ),
        "path": translate(
            "Tooltips",
            "The file (CSV: features…, label per row) or folder (IDX: "
            "*-images-idx3-ubyte[.gz] and *-labels-idx1-ubyte[.gz]) to read.",
        ),
        "regenerate": translate(
            "Tooltips", "Draw a new dataset: the same recipe with a new data seed (data seed + 1)."
        ),
        "width": translate("Tooltips", "Neurons n in this hidden layer: h = act(W·x + b), where W has n rows."),
        "activation": translate(
            "Tooltips",
            "Nonlinearity after the layer: relu(z) = max(0, z), tanh(z), sigmoid "
            "σ(z) = 1/(1 + e^−z), gelu(z) = z·Φ(z), linear(z) = z.",
        ),
        "compare": translate(
            "Tooltips",
            "Compare mode: train several variants in lockstep from the same data and "
            "the same initial weights w₀, so their curves share axes; only "
            "regularization and optimiser settings differ.",
        ),
        "variant_list": translate(
            "Tooltips",
            "The variants trained side by side; double-click to rename. Each variant starts from the same w₀.",
        ),
        "demo_p": translate(
            "Tooltips",
            "Dropout p of the demonstration Dropout(p) → Linear(n, 1) with every weight "
            "1, on n ones. Inverted: train outputs scatter around n, eval = n; vanilla: "
            "train ≈ n·(1−p), eval = n·(1−p).",
        ),
        "demo_inputs": translate(
            "Tooltips", "Number of inputs n (all ones): the eval output of inverted dropout is exactly n."
        ),
        "demo_samples": translate(
            "Tooltips",
            "How many train-mode forward passes are drawn for the histogram; their "
            "mean approaches the eval output, E[m_i] = 1.",
        ),
        "demo_note": translate(
            "Tooltips",
            "This demonstration trains no network: Dropout(p) → Linear(n, 1), all "
            "weights 1, on n ones. Its settings (p, n) are in the Data panel.",
        ),
        "add_layer": translate(
            "Tooltips",
            "Add a hidden layer at the output side (a copy of the last one): h_{k+1} = act(W_{k+1}·h_k + b_{k+1}).",
        ),
    }
    return texts[key]
