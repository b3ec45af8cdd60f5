"""The Sweep window's "Where it runs" box and workers table: the three places, the address and
count remembered across sessions, a bad address said in one line (also in Chinese), and the
cells each worker has done."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from explorer.core.sweep import SweepPlace
from explorer.gui import i18n
from explorer.gui.settings import Settings
from explorer.gui.sweep_place import SETTINGS_KEY, SweepPlaceBox, WorkersTable


def test_the_three_places_and_the_choice_remembered(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(tmp_path / "settings.json")
    box = SweepPlaceBox(settings)
    qtbot.addWidget(box)
    assert box.place() == SweepPlace("here") and box.problem() == ""
    assert not box.count.isEnabled() and not box.address.isEnabled() and not box.send_data.isEnabled()
    box.processes.setChecked(True)
    box.count.setValue(3)
    assert box.place() == SweepPlace("processes", workers=3) and box.count.isEnabled()
    box.scheduler.setChecked(True)
    assert box.problem() == "--scheduler: '' is not a scheduler address; use tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786"
    box.address.setText("tcp://lab-head:8786")
    box.send_data.setChecked(True)
    assert box.problem() == ""
    assert box.place() == SweepPlace("scheduler", workers=3, address="tcp://lab-head:8786", worker_data="send")
    # the next session (a new settings object reads the file) opens on the same choice
    again = SweepPlaceBox(Settings(tmp_path / "settings.json"))
    qtbot.addWidget(again)
    assert again.place() == box.place() and again.address.isEnabled()
    # the address stays remembered while another place is used
    again.here.setChecked(True)
    assert Settings(tmp_path / "settings.json").get(SETTINGS_KEY)["address"] == "tcp://lab-head:8786"
    assert SweepPlaceBox(Settings(tmp_path / "settings.json")).place() == SweepPlace(
        "here", 3, "tcp://lab-head:8786", "send"
    )


def test_a_bad_address_is_said_in_the_window_language(qtbot, qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    box = SweepPlaceBox(Settings(tmp_path / "s.json"))
    qtbot.addWidget(box)
    box.scheduler.setChecked(True)
    box.address.setText("lab-head")
    try:
        assert i18n.install_language(qapp, "zh_CN") == "zh_CN"
        qapp.processEvents()  # LanguageChange is posted
        assert box.title() == "在哪里运行" and box.here.text() == "本机"
        assert "lab-head" in box.problem() and "tcp://HOST:PORT" in box.problem()  # CoreMessages catalogue
    finally:
        i18n.install_language(qapp, "en")
        qapp.processEvents()
    assert box.title() == "Where it runs"


def test_workers_table_counts_cells_per_worker(qtbot) -> None:  # type: ignore[no-untyped-def]
    table = WorkersTable()
    qtbot.addWidget(table)
    table.show_workers(["tcp://b:2", "tcp://a:1"], {"tcp://a:1": 4})
    assert table.counts() == {"tcp://a:1": 4, "tcp://b:2": 0}
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["tcp://a:1", "tcp://b:2"]
    # a worker that died keeps its finished cells in the table
    table.show_workers(["tcp://b:2"], {"tcp://a:1": 4, "tcp://b:2": 2})
    assert table.counts() == {"tcp://b:2": 2, "tcp://a:1": 4}
    assert table.horizontalHeaderItem(1).text() == "Cells done"
