"""`python -m explorer data list|fetch|import` against a loopback mirror (no internet)."""

from __future__ import annotations

import pytest

from explorer.cli import main
from explorer.core.data import REGISTRY, is_cached, set_folder
from tests.idx_server import NAMES, closed_port_url, registry_for


@pytest.fixture
def test_registry(files, monkeypatch):
    """fashion-mnist's registry entry with the md5s of this test's files; its mirror comes from --mirror."""
    rs = registry_for(files, (closed_port_url(),))
    monkeypatch.setitem(REGISTRY, "fashion-mnist", rs)
    return rs


def test_fetch_with_mirror_then_list(test_registry, mirror, capsys):
    assert main(["data", "fetch", "fashion-mnist", "--mirror", mirror.url]) == 0
    out, err = capsys.readouterr()
    assert f"fashion-mnist: the four files are in {set_folder('fashion-mnist')}, checksums match" in out
    assert "it/s" not in err and "%" not in err  # not a terminal: no progress bar
    assert is_cached("fashion-mnist") and sorted(mirror.requests) == sorted(NAMES)

    assert main(["data", "list"]) == 0
    out, _ = capsys.readouterr()
    assert "fashion-mnist  Fashion-MNIST  complete" in out and "checksums match" in out
    assert str(set_folder("fashion-mnist")) in out
    assert "mnist          MNIST          not downloaded (python -m explorer data fetch mnist" in out


def test_mirror_from_the_environment(test_registry, mirror, monkeypatch, capsys):
    monkeypatch.setenv("EXPLORER_DATA_MIRROR", mirror.url)
    assert main(["data", "fetch", "fashion-mnist", "--quiet"]) == 0
    assert is_cached("fashion-mnist")


def test_fetch_offline_is_one_clear_line(test_registry, capsys):
    assert main(["data", "fetch", "fashion-mnist"]) == 1
    _, err = capsys.readouterr()
    error = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(error) == 1 and "connection refused" in error[0]
    assert "data import fashion-mnist FOLDER" in error[0] and str(set_folder("fashion-mnist")) in error[0]
    assert "Traceback" not in err


def test_fetch_reports_a_refused_file(test_registry, mirror, capsys):
    mirror.corrupt = {NAMES[1]}
    assert main(["data", "fetch", "fashion-mnist", "--mirror", mirror.url]) == 1
    _, err = capsys.readouterr()
    assert f"warning: {mirror.url}{NAMES[1]}: checksum does not match the published md5" in err
    assert not (set_folder("fashion-mnist") / NAMES[1]).exists()


def test_import_folder(test_registry, files, tmp_path, capsys):
    usb = tmp_path / "usb"
    usb.mkdir()
    for name, data in files.items():
        (usb / name).write_bytes(data)
    assert main(["data", "import", "fashion-mnist", str(usb)]) == 0
    assert "imported 4 files" in capsys.readouterr().out
    (usb / NAMES[0]).unlink()
    assert main(["data", "import", "fashion-mnist", str(usb / "nowhere")]) == 1
    assert "is not a folder" in capsys.readouterr().err


def test_unknown_set_is_refused_by_the_parser(capsys):
    with pytest.raises(SystemExit) as info:
        main(["data", "fetch", "cifar10"])
    assert info.value.code == 2


def test_progress_bar_on_a_terminal(capsys):
    from explorer.cli_data import _Bars
    from explorer.core.data import FetchProgress

    bars = _Bars(enabled=True)
    for done in (0, 4096, 8192):
        bars(FetchProgress("Fashion-MNIST", NAMES[0], 0, 4, done, 8192))
    bars(FetchProgress("Fashion-MNIST", NAMES[1], 1, 4, 60, 60))
    bars.close()
    err = capsys.readouterr().err
    assert f"1/4 {NAMES[0]}" in err and "100%" in err and f"2/4 {NAMES[1]}" in err
