"""The file type filters of every file dialog, in Dutch (Qt shows them as written).

One place, so no dialog shows "Excel files" or "All Files (*)": a filter is a Dutch
description ending in "-bestanden", then its patterns. Join several with `samen`.
"""

from __future__ import annotations

EXCEL = "Excel-bestanden (*.xlsx)"
EXCEL_WERKMAP = "Excel-bestanden (*.xlsx *.xlsm)"  # what the bronbestand import reads
PDF = "PDF-bestanden (*.pdf)"
ALLE = "Alle bestanden (*)"


def samen(*filters: str) -> str:
    """Several filters for one dialog, the first one chosen: `samen(EXCEL, ALLE)`."""
    return ";;".join(filters)
