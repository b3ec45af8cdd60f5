"""The lesson: what the experiment shows and what to watch, next to the plots."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from explorer.core.config import Experiment


class LessonPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(True)
        self.document().setDocumentMargin(8)
        self.language: str | None = None

    def set_experiment(self, experiment: Experiment) -> None:
        meta = experiment.meta
        zh = (self.language or "").lower().startswith("zh")
        title = (meta.title_zh if zh and meta.title_zh else meta.title) or self.tr("Custom experiment")
        description = meta.description_zh if zh and meta.description_zh else meta.description
        lesson = meta.lesson_zh if zh and meta.lesson_zh else meta.lesson
        parts = [f"<h3>{html.escape(title)}</h3>"]
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

    def plain_text(self) -> str:
        return self.toPlainText()


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n") if p.strip())
