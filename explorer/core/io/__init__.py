"""Files a run leaves: checkpoints, metrics (CSV/JSON), TensorBoard logs, animations, headless runs and the benchmark."""

from typing import TYPE_CHECKING

from explorer.core.util import lazy_exports

if TYPE_CHECKING:  # the names, for type checkers; at run time each loads on first use
    from explorer.core.io import _bench as bench
    from explorer.core.io._animation import (
        AnimationWriter,
        animation_format,
        count_frames,
        even_size,
        open_animation_writer,
    )
    from explorer.core.io._bench import CEILINGS, TARGETS, table
    from explorer.core.io._checkpoint import (
        FORMAT_VERSION,
        checkpoint_payload,
        load_checkpoint,
        restore_trainer,
        save_checkpoint,
    )
    from explorer.core.io._headless import run_headless
    from explorer.core.io._lessons import ClaimOutcome, LessonReport, check_lesson, judge_claims, lesson_seeds
    from explorer.core.io._metrics import (
        SCALAR_KEYS,
        VariantSeries,
        build_table,
        history_table,
        history_table_from_snapshot,
        write_metrics_csv,
        write_metrics_json,
    )
    from explorer.core.io._tensorboard import INSTALL_HINT, TensorBoardLogger, run_folder_name

__getattr__ = lazy_exports(
    __name__,
    {
        "_animation": ("AnimationWriter", "animation_format", "count_frames", "even_size", "open_animation_writer"),
        "_bench": ("CEILINGS", "TARGETS", "table"),
        "_checkpoint": (
            "FORMAT_VERSION",
            "checkpoint_payload",
            "load_checkpoint",
            "restore_trainer",
            "save_checkpoint",
        ),
        "_headless": ("run_headless",),
        "_lessons": ("ClaimOutcome", "LessonReport", "check_lesson", "judge_claims", "lesson_seeds"),
        "_metrics": (
            "SCALAR_KEYS",
            "VariantSeries",
            "build_table",
            "history_table",
            "history_table_from_snapshot",
            "write_metrics_csv",
            "write_metrics_json",
        ),
        "_tensorboard": ("INSTALL_HINT", "TensorBoardLogger", "run_folder_name"),
    },
    modules={"bench": "_bench"},
)

__all__ = [
    "ClaimOutcome",
    "LessonReport",
    "check_lesson",
    "judge_claims",
    "lesson_seeds",
    "AnimationWriter",
    "CEILINGS",
    "FORMAT_VERSION",
    "INSTALL_HINT",
    "SCALAR_KEYS",
    "TARGETS",
    "TensorBoardLogger",
    "VariantSeries",
    "animation_format",
    "bench",
    "build_table",
    "checkpoint_payload",
    "count_frames",
    "even_size",
    "history_table",
    "history_table_from_snapshot",
    "load_checkpoint",
    "open_animation_writer",
    "restore_trainer",
    "run_folder_name",
    "run_headless",
    "save_checkpoint",
    "table",
    "write_metrics_csv",
    "write_metrics_json",
]
