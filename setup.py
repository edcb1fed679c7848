"""Build hook: the handleiding (docs/) ships inside the package as keuzehulp/handleiding/.

Help > Handleiding reads it from there when the keuzehulp is installed from a wheel; in a
source checkout it reads docs/ itself (keuzehulp/ui/hulp.py). Everything else is configured
in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DOCS = Path(__file__).resolve().parent / "docs"


class BouwMetHandleiding(build_py):
    """The normal build, plus docs/handleiding.md and its images under keuzehulp/handleiding."""

    def run(self) -> None:
        super().run()
        if not (DOCS / "handleiding.md").is_file():
            raise SystemExit("docs/handleiding.md ontbreekt: de handleiding hoort in het pakket.")
        doel = Path(self.build_lib) / "keuzehulp" / "handleiding"
        (doel / "afbeeldingen").mkdir(parents=True, exist_ok=True)
        shutil.copy2(DOCS / "handleiding.md", doel / "handleiding.md")
        for beeld in sorted((DOCS / "afbeeldingen").glob("*.png")):
            shutil.copy2(beeld, doel / "afbeeldingen" / beeld.name)


setup(cmdclass={"build_py": BouwMetHandleiding})
