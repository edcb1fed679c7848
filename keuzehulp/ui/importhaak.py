"""PySide6's import hook, made cheap: it looks for "PySide6" in each new module's source.

Once PySide6 is loaded, every module imported after it is passed to
`shibokensupport.feature.feature_imported`, which asks `_mod_uses_pyside(module)` whether the
module uses PySide6 (to know whether `from __feature__ import ...` switching concerns it).
That function calls `inspect.getsource`, and `inspect.getmodule` inside it scans all of
`sys.modules` on every call: importing SQLAlchemy, pydantic and our services after PySide6
cost about a quarter more CPU than before it. The replacement gives the same answer (the
string "PySide6" in the module's source file) by reading the file itself; modules without a
.py file go to the original. Nothing changes when PySide6 has no such hook (another version).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType


def versnel_importhaak() -> bool:
    """Install the cheaper check (once); True when PySide6's hook was found and replaced."""
    feature = sys.modules.get("shibokensupport.feature")
    origineel: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or origineel is None or getattr(origineel, "_keuzehulp", False):
        return False

    def gebruikt_pyside(module: ModuleType) -> bool:
        spec = getattr(module, "__spec__", None)
        pad = getattr(spec, "origin", None)
        if isinstance(pad, str) and pad.endswith(".py") and getattr(spec, "has_location", False):
            try:
                return b"PySide6" in Path(pad).read_bytes()
            except OSError:
                return False
        return origineel(module)

    gebruikt_pyside._keuzehulp = True  # type: ignore[attr-defined]
    setattr(feature, "_mod_uses_pyside", gebruikt_pyside)  # noqa: B010  (private, checked above)
    return True
