"""Legend rows above the plots wrap between entries only, in Chinese too (Qt's rich text would
break a Chinese label between any two characters: "测" at a line's end and "试" on the next)."""

from __future__ import annotations

import pyqtgraph as pg
import pytest

from explorer.gui.views import palette
from explorer.gui.views.base import legend_row

ENTRIES = {
    "zh_CN": [
        ("#000000", "solid", "训练"),
        ("#000000", "dash", "验证"),
        ("#000000", "dot", "测试"),
        ("#000000", "★", "最佳"),
        ("#0072B2", "solid", "无正则化"),
        ("#E69F00", "solid", "dropout + L2"),
    ],
    "en": [
        ("#000000", "solid", "train"),
        ("#000000", "dash", "validation"),
        ("#000000", "dot", "test"),
        ("#000000", "★", "best"),
        ("#0072B2", "solid", "no regularization"),
        ("#E69F00", "solid", "dropout + L2"),
    ],
}


def laid_out_lines(label) -> list[str]:
    doc = label.item.document()
    doc.size()  # lays the text out
    lines, block = [], doc.begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            lines.append(block.text()[line.textStart() : line.textStart() + line.textLength()])
        block = block.next()
    return [line.replace("\xa0", " ").strip() for line in lines]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("width", [180, 260, 420, 900])
def test_legend_lines_break_only_between_entries(qtbot, language, width):
    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    label = legend_row(widget.ci, row=0)
    widget.ci.addPlot(row=1, col=0)
    widget.resize(width, 300)
    widget.show()
    qtbot.waitExposed(widget)
    palette.style_label(label, palette.legend_html(ENTRIES[language]), 0.9)
    qtbot.wait(20)
    lines = laid_out_lines(label)
    texts = [text for _, _, text in ENTRIES[language]]
    for text in texts:  # every entry whole, on one line
        assert any(text in line for line in lines), (text, lines)
    assert len(lines) <= len(texts)
    if width >= 900:
        assert len(lines) == 1  # all side by side when there is room
    elif width <= 180:
        assert len(lines) > 2  # narrow: several lines, still whole entries
