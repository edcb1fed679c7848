"""Build hook: files outside keuzehulp/ that an installed keuzehulp needs ship inside it.

- the handleiding (docs/) as keuzehulp/handleiding/: Help > Handleiding reads it from there;
- the Alembic migrations (migrations/) as keuzehulp/migrations/: a new database is made and
  an old one upgraded with them (keuzehulp/model/migratie.py);
- the sample workbook (seed/instrumenten.xlsx) as keuzehulp/voorbeeld/: `keuzehulp voorbeeld`
  and the first-run question load it (keuzehulp/services/bronbestand/voorbeeld.py).

In a source checkout the code reads the originals. Everything else is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

REPO = Path(__file__).resolve().parent
DOCS = REPO / "docs"


class BouwMetHandleiding(build_py):
    """The normal build, plus the handleiding, the migrations and the sample workbook."""

    def run(self) -> None:
        super().run()
        if not (DOCS / "handleiding.md").is_file():
            raise SystemExit("docs/handleiding.md ontbreekt: de handleiding hoort in het pakket.")
        doel = Path(self.build_lib) / "keuzehulp" / "handleiding"
        (doel / "afbeeldingen").mkdir(parents=True, exist_ok=True)
        shutil.copy2(DOCS / "handleiding.md", doel / "handleiding.md")
        for beeld in sorted((DOCS / "afbeeldingen").glob("*.png")):
            shutil.copy2(beeld, doel / "afbeeldingen" / beeld.name)
        pakket = Path(self.build_lib) / "keuzehulp"
        migraties = pakket / "migrations"
        shutil.rmtree(migraties, ignore_errors=True)
        shutil.copytree(
            REPO / "migrations",
            migraties,
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
        )
        if not (migraties / "env.py").is_file():
            raise SystemExit("migrations/env.py ontbreekt: de migraties horen in het pakket.")
        voorbeeld = REPO / "seed" / "instrumenten.xlsx"
        if not voorbeeld.is_file():
            raise SystemExit("seed/instrumenten.xlsx ontbreekt: het voorbeeld hoort in het pakket.")
        (pakket / "voorbeeld").mkdir(exist_ok=True)
        shutil.copy2(voorbeeld, pakket / "voorbeeld" / voorbeeld.name)


setup(cmdclass={"build_py": BouwMetHandleiding})
