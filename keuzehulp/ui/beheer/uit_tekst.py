"""'Uit de tekst halen': fill duration, hours and start from the free texts where they are sure.

The row under the structured fields shows, while the beheerder types, what the parser
(services/omvang.py) reads in "Omvang en duur" and "Beschikbaarheid", and a button that copies
it into the fields. Only what the parser is sure of is proposed; the rest stays as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

from keuzehulp.services.omvang import Omvang, lees_omvang
from keuzehulp.services.weergave import duur_tekst, uren_tekst

Omvangwaarden = tuple[int | None, float | None, str | None, str | None]
START_TEKST = {"doorlopend": "start doorlopend", "vaste_data": "start op vaste data"}


class Formulier(Protocol):
    """What this row needs from the instrument form."""

    @property
    def velden(self) -> Mapping[str, object]: ...

    def omvang(self) -> Omvangwaarden: ...

    def zet_omvang(
        self, duur: int | None, uren: float | None, start: str | None, startdata: str | None
    ) -> None: ...


def voorstel_tekst(o: Omvang) -> str:
    """'6 weken, 4 uur per week, start doorlopend' for what the parser is sure of."""
    delen = []
    if o.duur_weken is not None:
        delen.append(duur_tekst(o.duur_weken))
    if o.uren_per_week is not None:
        delen.append(uren_tekst(o.uren_per_week))
    if o.start_soort is not None:
        delen.append(START_TEKST[o.start_soort])
    if o.startdata:
        delen.append(f"{o.startdata.count(';') + 1} startdatum(s)")
    return ", ".join(delen)


class UitTekstRegel(QWidget):
    """The button 'Uit de tekst halen' and the live proposal next to it."""

    def __init__(self, formulier: Formulier) -> None:
        super().__init__()
        self.formulier = formulier
        self.knop = QPushButton("&Uit de tekst halen")
        self.knop.setAccessibleName("Duur, uren en start uit de tekst halen")
        self.knop.setToolTip(
            "Vult Duur, Uren per week en Start in uit ‘Omvang en duur’ en ‘Beschikbaarheid’, "
            "alleen waar de tekst duidelijk is."
        )
        self.voorstel = QLabel()
        self.voorstel.setWordWrap(True)
        self.voorstel.setAccessibleName("Voorstel uit de tekst")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.knop)
        lay.addWidget(self.voorstel, 1)
        self.knop.clicked.connect(self.neem_over)
        for veld in ("omvang_duur", "beschikbaarheid"):
            tekst = formulier.velden[veld]
            assert isinstance(tekst, QPlainTextEdit)
            tekst.textChanged.connect(self.ververs)
        self.ververs()

    def gelezen(self) -> Omvang:
        """What the parser is sure of in the two texts now."""
        teksten = []
        for veld in ("omvang_duur", "beschikbaarheid"):
            w = self.formulier.velden[veld]
            assert isinstance(w, QPlainTextEdit)
            teksten.append(w.toPlainText())
        return lees_omvang(*teksten)

    def _samen(self, o: Omvang) -> Omvangwaarden:
        """The form's values with the parser's sure ones laid over them."""
        duur, uren, start, datums = self.formulier.omvang()
        if o.start_soort is not None:
            start, datums = o.start_soort, o.startdata if o.start_soort == "vaste_data" else None
        return (
            o.duur_weken if o.duur_weken is not None else duur,
            o.uren_per_week if o.uren_per_week is not None else uren,
            start,
            datums,
        )

    def ververs(self) -> None:
        """Show what taking over the text would change, or why there is nothing to take."""
        o = self.gelezen()
        if not o.iets:
            self.voorstel.setText(
                "De tekst is niet duidelijk genoeg om duur, uren of start uit te halen. "
                "Vul ze zelf in, of laat ze op ‘onbekend’."
            )
            self.knop.setEnabled(False)
            return
        anders = self._samen(o) != self.formulier.omvang()
        self.knop.setEnabled(anders)
        self.voorstel.setText(
            f"Uit de tekst: {voorstel_tekst(o)}." + ("" if anders else " Dat staat er al.")
        )

    def neem_over(self) -> None:
        """Copy what the parser is sure of into the fields; the rest stays."""
        self.formulier.zet_omvang(*self._samen(self.gelezen()))
        self.ververs()
