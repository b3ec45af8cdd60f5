"""Only what pyproject.toml cannot say: resources/ (top level in the source tree) ships inside the wheel
as the package `explorer._resources`, read through importlib.resources (explorer/core/util/_resources.py)."""
from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["explorer", "explorer.*"]) + ["explorer._resources"],
    package_dir={"explorer._resources": "resources"},
    package_data={"explorer._resources": ["presets/*.toml", "data/*", "translations/*.qm", "icons/*"]},
)
