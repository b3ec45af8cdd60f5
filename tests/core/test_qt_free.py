"""explorer.core must never import Qt (or Qt helpers): it runs headless, in the trainer's child
process and on machines without a display."""
from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import explorer.core

QT_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph", "qasync", "superqt")
CORE = Path(explorer.core.__file__).resolve().parent
REPO = CORE.parents[1]

PROBE = r"""
import importlib, json, pkgutil, sys
import explorer.core
names = []
for info in pkgutil.walk_packages(explorer.core.__path__, "explorer.core."):
    importlib.import_module(info.name)
    names.append(info.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in QT)
# the same check after loading a stand-in: proves the probe can see a Qt module at all
import types
sys.modules["pyqtgraph"] = types.ModuleType("pyqtgraph")
control = sorted(m for m in sys.modules if m.split(".")[0] in QT)
print(json.dumps({"modules": names, "qt": qt, "control": control}))
"""


def test_importing_every_core_module_loads_no_qt() -> None:
    code = f"QT = {QT_PACKAGES!r}\n" + PROBE
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    expected = sorted(f"explorer.core.{p.stem}" for p in CORE.glob("*.py") if p.stem != "__init__")
    assert sorted(result["modules"]) == expected            # every module was really imported
    assert len(expected) >= 20
    assert result["qt"] == []
    assert result["control"] == ["pyqtgraph"]


IMPORT_LINE = re.compile(r"^\s*(?:from|import)\s+(" + "|".join(QT_PACKAGES) + r")\b", re.MULTILINE)


def test_no_core_file_has_a_qt_import_line() -> None:
    files = sorted(CORE.rglob("*.py"))
    assert len(files) >= 20
    offenders = []
    for path in files:
        text = path.read_text("utf-8")
        if IMPORT_LINE.search(text):                       # grep-like: any import line, even in a function
            offenders.append(str(path.relative_to(REPO)))
        for node in ast.walk(ast.parse(text)):             # and the parsed import statements
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in QT_PACKAGES for n in names):
                offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
        # importlib.import_module("PySide6...") would dodge both checks
        for pkg in QT_PACKAGES:
            if re.search(rf"import_module\(\s*['\"]{pkg}", text):
                offenders.append(f"{path.relative_to(REPO)} (import_module {pkg})")
    assert offenders == []


def test_the_static_check_would_notice() -> None:
    assert IMPORT_LINE.search("def f():\n    from PySide6.QtCore import QObject\n")
    assert IMPORT_LINE.search("import pyqtgraph as pg")
    assert not IMPORT_LINE.search("# see the PySide6 docs\nimport numpy")
