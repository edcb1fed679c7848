"""Dutch for the few Qt texts that Qt's own qtbase_nl translation leaves in English.

Qt's file dialog (used on Linux without a desktop portal) builds two labels from its .ui
file with a mnemonic, "&Look in:" and "Files of &type:", and qtbase_nl only translates them
without one; the Type column's "Folder" is asked under a context qtbase_nl does not have.
Installed after qtbase_nl, so Qt's own translations are asked first.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTranslator

AANVULLING: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "&Zoeken in:",
    ("QFileDialog", "Files of &type:"): "Bestanden van &type:",
    # The Type column of the file dialog: qtbase_nl has these under an older context name.
    ("QAbstractFileIconProvider", "Folder"): "Map",
    ("QAbstractFileIconProvider", "File Folder"): "Bestandsmap",
    ("QAbstractFileIconProvider", "Drive"): "Station",
    ("QAbstractFileIconProvider", "Alias"): "Alias",
}


class AanvullendeVertaling(QTranslator):
    """A translator for exactly the texts in AANVULLING; every other text is left to Qt."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def isEmpty(self) -> bool:  # noqa: N802
        return False

    def translate(
        self,
        context: str,
        sourceText: str,  # noqa: N803
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None, not "": PySide turns "" into an empty translation, None into "none here".
        return AANVULLING.get((context, sourceText))
