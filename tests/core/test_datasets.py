"""Datasets: the synthetic sets, the bundled digits, CSV files, normalisation."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from explorer.core.config import DatasetConfig
from explorer.core.data import GRID_2D, GRID_POINTS, QUADRATIC_Y, Dataset, build_dataset, read_numeric_csv
from explorer.core.protocol import DatasetError
from explorer.core.util import resources_dir

SYNTHETIC = ["linear", "sine", "quadratic", "highdim", "circles", "xor", "gaussians", "spiral", "moons"]
CLASSIFICATION_2D = ["circles", "xor", "gaussians", "spiral", "moons"]


def build(**kw) -> Dataset:
    return build_dataset(DatasetConfig(**kw))


def tensors(d: Dataset) -> list[torch.Tensor]:
    return [d.x_train, d.y_train, d.x_val, d.y_val, d.x_test, d.y_test, d.grid_inputs]


# -- all synthetic sets -------------------------------------------------------------


@pytest.mark.parametrize("kind", SYNTHETIC)
def test_synthetic_deterministic_per_seed(kind):
    kw = dict(kind=kind, n_train=30, n_val=12, n_test=40, input_dim=7)
    a, b, c = build(seed=3, **kw), build(seed=3, **kw), build(seed=4, **kw)
    for ta, tb in zip(tensors(a), tensors(b)):
        assert torch.equal(ta, tb)
    np.testing.assert_array_equal(a.view.x_train, b.view.x_train)
    if kind != "quadratic":  # quadratic is fixed data: no randomness at all
        assert not torch.equal(a.y_train.float(), c.y_train.float()) or not torch.equal(a.x_train, c.x_train)
        assert not torch.equal(a.x_test, c.x_test) or not torch.equal(a.y_test.float(), c.y_test.float())


@pytest.mark.parametrize("kind", SYNTHETIC)
def test_synthetic_shapes_and_dtypes(kind):
    d = build(kind=kind, n_train=30, n_val=12, n_test=40, input_dim=7)
    n_train = 10 if kind == "quadratic" else 30
    assert d.x_train.dtype == torch.float32 and d.x_test.dtype == torch.float32
    assert d.grid_inputs.dtype == torch.float32
    assert d.x_train.shape == (n_train, d.input_dim)
    assert d.x_val.shape == (12, d.input_dim) and d.x_test.shape == (40, d.input_dim)
    assert d.view.input_dim == d.input_dim and d.view.output_dim == d.output_dim
    assert d.description.startswith(kind)
    if kind in CLASSIFICATION_2D:
        assert d.task == "classification" and d.input_dim == 2 and d.output_dim == 2
        assert d.y_train.dtype == torch.int64 and d.y_train.shape == (30,)
        assert d.grid_shape == (GRID_2D, GRID_2D) and d.grid_inputs.shape == (GRID_2D * GRID_2D, 2)
        assert d.view.x_train.shape == (30, 2) and d.view.grid_extent is not None
    else:
        assert d.task == "regression" and d.output_dim == 1
        assert d.y_train.dtype == torch.float32 and d.y_train.shape == (n_train, 1)
        assert d.y_val.shape == (12, 1) and d.y_test.shape == (40, 1)
    if kind in ("linear", "sine", "quadratic"):
        assert d.input_dim == 1 and d.grid_shape == (GRID_POINTS,)
        assert d.grid_inputs.shape == (GRID_POINTS, 1)
        assert d.view.grid_x.shape == (GRID_POINTS,) and d.view.true_curve.shape == (GRID_POINTS,)
        assert d.view.x_train.shape == (n_train,) and d.view.y_test.shape == (40,)


def test_zero_val_and_test_rows():
    d = build(kind="circles", n_train=20, n_val=0, n_test=0)
    assert d.x_val.shape == (0, 2) and d.y_test.shape == (0,)
    r = build(kind="linear", n_val=0, n_test=0)
    assert r.x_val.shape == (0, 1) and r.y_val.shape == (0, 1) and r.x_test.shape == (0, 1)


def test_to_device_moves_tensors_keeps_view():
    d = build(kind="linear").to("cpu")
    assert d.x_train.device.type == "cpu" and isinstance(d.view.x_train, np.ndarray)


# -- regression sets -------------------------------------------------------------------


def test_linear_is_experiment_one():
    d = build(kind="linear", n_train=10, n_val=10, n_test=10, noise=0.5, test_noise=0.3, normalize=False)
    x = np.linspace(-1, 1, 10)
    np.testing.assert_array_equal(d.view.x_train, x)
    np.testing.assert_array_equal(d.view.x_test, x)
    np.testing.assert_allclose(d.x_train[:, 0].numpy(), x.astype(np.float32))
    np.testing.assert_allclose(d.x_test[:, 0].numpy(), x.astype(np.float32))
    assert not np.allclose(d.view.y_train, d.view.y_test)  # independent draws
    np.testing.assert_allclose(d.view.grid_x[[0, -1]], [-1.1, 1.1])
    np.testing.assert_allclose(d.view.true_curve, 1.5 * d.view.grid_x)
    assert "10 train / 10 val / 10 test" in d.description and "noise 0.5" in d.description


def test_linear_noise_levels():
    d = build(kind="linear", n_train=20000, n_val=0, n_test=20000, noise=0.5, test_noise=0.3, normalize=False)
    x = d.x_train[:, 0].double().numpy()
    res_train = d.y_train[:, 0].double().numpy() - 1.5 * x
    res_test = d.y_test[:, 0].double().numpy() - 1.5 * d.x_test[:, 0].double().numpy()
    assert abs(res_train.std() - 0.5) < 0.01 and abs(res_train.mean()) < 0.015
    assert abs(res_test.std() - 0.3) < 0.01


def test_linear_normalised_inputs_map_back_to_linspace():
    d = build(kind="linear", n_train=10)
    raw = d.x_train[:, 0].numpy() * d.input_std[0] + d.input_mean[0]
    np.testing.assert_allclose(raw, np.linspace(-1, 1, 10), atol=1e-6)
    assert abs(float(d.x_train.mean())) < 1e-6 and abs(float(d.x_train.std(unbiased=False)) - 1) < 1e-5


def test_sine():
    d = build(kind="sine", n_train=5000, n_test=50, noise=0.1, normalize=False)
    x = d.view.x_train
    assert np.all(np.diff(x) >= 0) and x.min() >= -3 and x.max() <= 3
    assert abs(np.std(d.view.y_train - np.sin(x)) - 0.1) < 0.005
    np.testing.assert_allclose(d.view.grid_x[[0, -1]], [-3.3, 3.3])
    np.testing.assert_allclose(d.view.true_curve, np.sin(d.view.grid_x))


def test_quadratic_exact_values():
    d = build(kind="quadratic", n_train=55, noise=3.0, n_val=5, n_test=100, normalize=False)
    np.testing.assert_array_equal(d.view.x_train, np.arange(1.0, 11.0))
    np.testing.assert_array_equal(d.view.y_train, QUADRATIC_Y)
    np.testing.assert_allclose(
        d.y_train[:, 0].numpy(), np.float32([0.52, 8.54, 6.94, 20.76, 32.17, 30.65, 40.46, 80.12, 75.12, 98.83])
    )
    xt = d.x_test[:, 0].numpy()
    np.testing.assert_allclose(xt, np.arange(100) / 10.0, atol=1e-6)  # evenly over [0, 10)
    np.testing.assert_allclose(d.y_test[:, 0].numpy(), xt**2, rtol=1e-6)
    np.testing.assert_allclose(d.x_val[:, 0].numpy(), [0, 2, 4, 6, 8])
    np.testing.assert_allclose(d.y_val[:, 0].numpy(), [0, 4, 16, 36, 64])
    assert d.view.grid_x[0] == 0.0 and d.view.grid_x[-1] < 10.0
    np.testing.assert_allclose(d.view.true_curve, d.view.grid_x**2)
    assert "ignored" in d.description


def test_highdim_shapes_and_parity_view():
    d = build(kind="highdim", n_train=20, n_val=0, n_test=100, noise=0.01, input_dim=200)
    assert d.x_train.shape == (20, 200) and d.x_test.shape == (100, 200) and d.input_dim == 200
    assert d.y_train.shape == (20, 1) and d.y_test.shape == (100, 1)
    assert d.grid_shape == (100,) and torch.equal(d.grid_inputs, d.x_test)
    np.testing.assert_allclose(d.view.x_test, d.y_test[:, 0].numpy(), rtol=1e-6)
    np.testing.assert_allclose(d.view.x_train, d.y_train[:, 0].numpy(), rtol=1e-6)
    assert d.view.grid_x is None


def test_highdim_least_squares_recovers_w_star():
    d = build(kind="highdim", n_train=1000, n_val=0, n_test=0, noise=0.0, input_dim=50, normalize=False)
    X = np.c_[d.x_train.double().numpy(), np.ones(1000)]
    coef, *_ = np.linalg.lstsq(X, d.y_train[:, 0].double().numpy(), rcond=None)
    np.testing.assert_allclose(coef[:50], 0.01, atol=1e-6)
    assert abs(coef[50] - 0.05) < 1e-6
    assert abs(float(d.x_train.std()) - 1.0) < 0.02  # X ~ N(0, 1)


def test_highdim_refuses_huge_draws():
    with pytest.raises(DatasetError, match="highdim: 300000 samples x 10000 inputs"):
        build(kind="highdim", n_train=100_000, n_val=100_000, n_test=100_000, input_dim=10_000)


# -- 2-D classification -------------------------------------------------------------------


@pytest.mark.parametrize("kind", CLASSIFICATION_2D)
def test_classification_balanced_and_grid_covers_points(kind):
    d = build(kind=kind, n_train=201, n_val=50, n_test=300, noise=0.8)
    for y in (d.y_train, d.y_val, d.y_test):
        counts = np.bincount(y.numpy(), minlength=2)
        assert set(np.unique(y.numpy())) == {0, 1} and abs(int(counts[0]) - int(counts[1])) <= 1
    assert not torch.equal(d.y_train[:100], torch.sort(d.y_train[:100])[0])  # shuffled
    xmin, xmax, ymin, ymax = d.view.grid_extent
    for x in (d.view.x_train, d.view.x_test):
        assert x[:, 0].min() >= xmin and x[:, 0].max() <= xmax
        assert x[:, 1].min() >= ymin and x[:, 1].max() <= ymax
    # the normalised grid is the raw meshgrid, row-major: y rows, x columns
    g = d.grid_inputs.double().numpy() * d.input_std + d.input_mean
    g = g.reshape(GRID_2D, GRID_2D, 2)
    np.testing.assert_allclose(g[0, :, 0], np.linspace(xmin, xmax, GRID_2D), atol=1e-4)
    np.testing.assert_allclose(g[:, 0, 1], np.linspace(ymin, ymax, GRID_2D), atol=1e-4)
    # the same points, normalised with the training statistics
    np.testing.assert_allclose((d.view.x_train - d.input_mean) / d.input_std, d.x_train.numpy(), atol=1e-5)


def test_classification_geometry():
    xor = build(kind="xor", n_train=1000, noise=0.0, normalize=False)
    x, y = xor.x_train.numpy(), xor.y_train.numpy()
    np.testing.assert_array_equal(y, (x[:, 0] * x[:, 1] > 0).astype(np.int64))
    circ = build(kind="circles", n_train=1000, noise=0.0, normalize=False)
    r = np.linalg.norm(circ.x_train.numpy(), axis=1)
    assert r[circ.y_train.numpy() == 0].max() < r[circ.y_train.numpy() == 1].min()
    g = build(kind="gaussians", n_train=2000, noise=0.0, normalize=False)
    means = [g.x_train.numpy()[g.y_train.numpy() == c].mean(axis=0) for c in (0, 1)]
    np.testing.assert_allclose(means, [[-2, -2], [2, 2]], atol=0.15)


# -- digits ------------------------------------------------------------------------------------


def test_digits():
    d = build(kind="digits", normalize=False)
    assert d.n_train + d.n_val + d.n_test == 1797
    assert (d.n_test, d.n_val) == (round(1797 * 0.2), round(1797 * 0.1))
    assert d.task == "image" and d.input_dim == 64 and d.output_dim == 10 and d.image_shape == (8, 8)
    allx = torch.cat([d.x_train, d.x_val, d.x_test])
    assert float(allx.min()) == 0.0 and float(allx.max()) == 1.0
    ally = torch.cat([d.y_train, d.y_val, d.y_test])
    assert ally.dtype == torch.int64 and sorted(ally.unique().tolist()) == list(range(10))
    assert np.bincount(ally.numpy()).min() > 170
    assert d.view.x_train.shape == (16, 8, 8) and d.grid_shape == (16,)
    np.testing.assert_array_equal(d.view.x_train.reshape(16, 64), d.grid_inputs.numpy())
    np.testing.assert_array_equal(d.view.sample_labels, d.y_test[:16].numpy())
    assert d.view.class_names == tuple("0123456789") and d.class_names == d.view.class_names
    assert (resources_dir() / "data" / "digits.csv.gz").is_file()


def test_digits_split_seeded_and_capped():
    a, b = build(kind="digits", seed=1), build(kind="digits", seed=2)
    assert not torch.equal(a.y_test, b.y_test)
    c = build(kind="digits", max_samples=100, validation_fraction=0.2, test_fraction=0.3)
    assert (c.n_train, c.n_val, c.n_test) == (50, 20, 30)


# -- normalisation --------------------------------------------------------------------------


def test_normalisation_uses_training_statistics_only():
    d = build(kind="sine", n_train=50, n_test=200, seed=5)
    assert abs(float(d.x_train.mean())) < 1e-5 and abs(float(d.x_train.std(unbiased=False)) - 1) < 1e-4
    raw_test = d.view.x_test
    expected = (raw_test - d.view.x_train.mean()) / d.view.x_train.std()
    np.testing.assert_allclose(d.x_test[:, 0].numpy(), expected, atol=1e-5)
    assert abs(float(d.x_test.mean())) > 1e-3  # not re-centred on its own statistics
    img = build(kind="digits")
    assert img.input_mean.shape == (1,)  # one scalar for all pixels
    assert abs(float(img.x_train.mean())) < 1e-4 and abs(float(img.x_train.std(unbiased=False)) - 1) < 1e-3
    assert float(img.x_test.mean()) != 0.0
    assert float(img.x_train.mean(dim=0).abs().max()) > 0.1  # per-pixel means are not forced to 0


def test_constant_input_column_is_only_centred(tmp_path):
    p = tmp_path / "const.csv"
    p.write_text("".join(f"1,{i},{i * 0.37:.3f}\n" for i in range(40)))
    d = build(kind="csv", path=str(p), test_fraction=0.2)
    assert torch.all(d.x_train[:, 0] == 0) and torch.all(d.x_test[:, 0] == 0)
    assert float(d.input_std[0]) == 1.0


# -- CSV -----------------------------------------------------------------------------------------


def test_csv_reader_with_and_without_header(tmp_path):
    p = tmp_path / "h.csv"
    p.write_text("a, b,target\n1,2,3\n\n4,5,6.5\n")
    x, y, names = read_numeric_csv(p)
    np.testing.assert_array_equal(x, [[1, 2], [4, 5]])
    np.testing.assert_array_equal(y, [3, 6.5])
    assert names == ["a", "b", "target"]
    q = tmp_path / "n.csv"
    q.write_text("1;2\n3;4\n-5e-1;6\n")
    x, y, names = read_numeric_csv(q)
    np.testing.assert_array_equal(x[:, 0], [1, 3, -0.5]) and np.testing.assert_array_equal(y, [2, 4, 6])
    assert names == ["column 1", "column 2"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("x,y\n1,2\n3,abc\n", "row 3, column 2 ('y'): 'abc' is not a number"),
        ("1,2\n3,4\n5,6,7\n", "row 3 has 3 cells, expected 2"),
        ("x,y\n1,2\n,4\n", "row 3, column 1 ('x'): missing value"),
        ("x,y\n1,2\n3,NA\n", "row 3, column 2 ('y'): missing value"),
        ("x\n1\n2\n", "only one column"),
        ("", "empty"),
        ("\n\n", "empty"),
        ("x,y\n", "no data rows"),
    ],
)
def test_csv_errors_name_row_and_column(tmp_path, text, expected):
    p = tmp_path / "bad.csv"
    p.write_text(text)
    with pytest.raises(DatasetError) as exc:
        read_numeric_csv(p)
    assert expected in str(exc.value) and "bad.csv" in str(exc.value)
    assert "\n" not in str(exc.value)


def test_csv_not_utf8(tmp_path):
    p = tmp_path / "latin.csv"
    p.write_bytes("x,y\n1,2\ncaf\u00e9,3\n".encode("latin-1"))
    with pytest.raises(DatasetError, match=r"latin.csv: not UTF-8 .*row 3"):
        read_numeric_csv(p)


def test_csv_missing_file():
    with pytest.raises(DatasetError, match="not a file"):
        build(kind="csv", path="/nonexistent/nothing.csv")


def test_csv_classification_2d(tmp_path):
    rng = np.random.default_rng(0)
    pts = rng.normal(0, 3, (200, 2)) + 10
    labels = np.where(pts[:, 0] > 10, 5, -1)
    p = tmp_path / "cls.csv"
    p.write_text("u,v,label\n" + "".join(f"{a},{b},{c}\n" for (a, b), c in zip(pts, labels)))
    d = build(kind="csv", path=str(p))
    assert d.task == "classification" and d.output_dim == 2 and d.class_names == ("-1", "5")
    assert d.grid_shape == (GRID_2D, GRID_2D) and d.view.grid_extent is not None
    assert (d.n_train, d.n_val, d.n_test) == (140, 20, 40)
    xmin, xmax, ymin, ymax = d.view.grid_extent
    assert xmin <= pts[:, 0].min() and xmax >= pts[:, 0].max()
    assert ymin <= pts[:, 1].min() and ymax >= pts[:, 1].max()
    # labels follow the raw first coordinate
    np.testing.assert_array_equal(d.view.y_train, (d.view.x_train[:, 0] > 10).astype(np.int64))


def test_csv_regression_1d_and_nd(tmp_path):
    p = tmp_path / "r1.csv"
    p.write_text("x,y\n" + "".join(f"{i / 10},{(i / 10) ** 2 + 0.05}\n" for i in range(50)))
    d = build(kind="csv", path=str(p), normalize=False)
    assert d.task == "regression" and d.input_dim == 1 and d.grid_shape == (GRID_POINTS,)
    assert d.view.true_curve is None and d.view.grid_x.min() < 0 and d.view.grid_x.max() > 4.9
    np.testing.assert_allclose(d.y_train[:, 0].numpy(), d.x_train[:, 0].numpy() ** 2 + 0.05, rtol=1e-5)
    q = tmp_path / "r3.csv"
    q.write_text("".join(f"{i},{i % 7},{i % 3},{i * 0.5 + 0.25}\n" for i in range(30)))
    e = build(kind="csv", path=str(q), test_fraction=0.5, validation_fraction=0.0)
    assert e.input_dim == 3 and e.grid_shape == (15,) and e.task == "regression"
    np.testing.assert_allclose(e.view.x_test, e.y_test[:, 0].numpy())


def test_csv_classification_nd(tmp_path):
    p = tmp_path / "c3.csv"
    p.write_text("".join(f"{i},{i % 5},{i % 2},{i % 3}\n" for i in range(60)))
    d = build(kind="csv", path=str(p))
    assert d.task == "classification" and d.output_dim == 3 and d.input_dim == 3
    assert d.grid_shape == (12,) and d.view.grid_extent is None
    np.testing.assert_array_equal(d.view.sample_labels, d.y_test[:12].numpy())
    assert d.view.x_train.shape == (12, 3)
