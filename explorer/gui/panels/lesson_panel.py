"""The lesson: what the experiment shows and what to watch, next to the plots."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from explorer.core.config import Experiment

USE_DATA_SCHEME = "explorer-use-data"  # the lesson's one-click link: explorer-use-data:fashion-mnist


class LessonPanel(QTextBrowser):
    """Signal: dataRequested(kind): the user clicked the lesson's offer of its downloadable set."""

    dataRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # web links open in the browser, the one-click link here (_on_link)
        self.anchorClicked.connect(self._on_link)
        self.document().setDocumentMargin(8)
        self.language: str | None = None
        self.offered_data: str | None = None

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == USE_DATA_SCHEME:
            self.dataRequested.emit(url.path())
        else:
            QDesktopServices.openUrl(url)

    def set_experiment(self, experiment: Experiment) -> None:
        meta = experiment.meta
        zh = (self.language or "").lower().startswith("zh")
        title = (meta.title_zh if zh and meta.title_zh else meta.title) or self.tr("Custom experiment")
        description = meta.description_zh if zh and meta.description_zh else meta.description
        lesson = meta.lesson_zh if zh and meta.lesson_zh else meta.lesson
        parts = [f"<h3>{html.escape(title)}</h3>", self._data_html(experiment)]  # which data set, first
        if description:
            parts.append(_paragraphs(description))
        if lesson:
            heading = self.tr("What to watch")  # outside the f-string: lupdate does not look inside
            parts.append(f"<h4>{html.escape(heading)}</h4>")
            parts.append(_paragraphs(lesson))
        if not description and not lesson:
            parts.append(
                "<p>"
                + html.escape(
                    self.tr(
                        "Press play (Space) and watch the training and validation losses: when validation "
                        "turns up while training keeps falling, the network is overfitting. Then add dropout or "
                        "a weight penalty on the right."
                    )
                )
                + "</p>"
            )
        self.setHtml("\n".join(parts))

    def _data_html(self, experiment: Experiment) -> str:
        """Which data set is in use, for a lesson written for a downloadable set, with its one-click offer."""
        from explorer.core.data import data_note, remote_set

        self.offered_data = None
        note = data_note(experiment)
        if note is None:
            return ""
        text = note.render(lambda t: QCoreApplication.translate("CoreMessages", t))
        out = f"<p><i>{html.escape(text)}</i></p>"
        wanted = experiment.meta.real_data
        if wanted and experiment.dataset.kind != wanted:
            self.offered_data = wanted
            link = self.tr("Use {0}").format(remote_set(wanted).title)
            size = self.tr("(downloads about {0} MB once)").format(f"{remote_set(wanted).size_mb:g}")
            out += f'<p><a href="{USE_DATA_SCHEME}:{wanted}"><b>{html.escape(link)}</b></a> {html.escape(size)}</p>'
        return out

    def plain_text(self) -> str:
        return self.toPlainText()


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n") if p.strip())
