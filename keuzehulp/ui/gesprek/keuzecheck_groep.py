"""The decision check after choosing: four yes/no SURE questions in B1, and the teach-back.

The questions, the score and the advice come from services/keuzecheck.py (Légaré 2010: a
score of 3 or less signals doubt). The widget only shows them and keeps the answers.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.services.keuzecheck import (
    DIMENSIES,
    MAX_SCORE,
    TEACH_BACK_VRAAG,
    VRAGEN,
    Antwoorden,
    keuzecheck,
)

TITEL = "Weet je het zeker?"
EERST_KIEZEN = "Kies eerst een optie. Daarna kijk je samen of je zeker bent."
TEACH_BACK_GEDAAN = (
    "&Gedaan: de klant vertelde het in eigen woorden",
    "&Gedaan: je hebt het in je eigen woorden verteld",
)  # the coach's wording, the client's (B1, "je")
NOG_NIET_KLAAR = "Beantwoord alle vier de vragen met ja of nee."
JA, NEE = 1, 0


class KeuzeCheckGroep(QGroupBox):
    """The four questions (ja/nee), the outcome with advice, and the teach-back "gedaan"."""

    gewijzigd = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(TITEL, parent)
        self.setAccessibleName("Keuzecheck: " + TITEL)
        self.hint = QLabel(EERST_KIEZEN)
        self.hint.setWordWrap(True)
        vragen_laag = QVBoxLayout()
        vragen_laag.setSpacing(2)
        self.groepen: list[QButtonGroup] = []
        self.ja: list[QRadioButton] = []
        self.nee: list[QRadioButton] = []
        for dimensie in DIMENSIES:
            vraag = QLabel(VRAGEN[dimensie])
            vraag.setWordWrap(True)
            ja, nee = QRadioButton("Ja"), QRadioButton("Nee")
            ja.setAccessibleName(f"{VRAGEN[dimensie]} Ja")
            nee.setAccessibleName(f"{VRAGEN[dimensie]} Nee")
            vraag.setBuddy(ja)
            groep = QButtonGroup(self)
            groep.addButton(ja, JA)
            groep.addButton(nee, NEE)
            groep.idToggled.connect(self._op_antwoord)
            # The question on its own line: a wrapped label beside buttons gets squeezed.
            knoppen = QHBoxLayout()
            knoppen.setContentsMargins(12, 0, 0, 6)
            knoppen.addWidget(ja)
            knoppen.addWidget(nee)
            knoppen.addStretch(1)
            vragen_laag.addWidget(vraag)
            vragen_laag.addLayout(knoppen)
            self.groepen.append(groep)
            self.ja.append(ja)
            self.nee.append(nee)
        self.uitkomst = QLabel()
        self.uitkomst.setWordWrap(True)
        self.uitkomst.setAccessibleName("Uitkomst van de keuzecheck")
        self.teach_back_vraag = QLabel(f"<b>{TEACH_BACK_VRAAG}</b>")
        self.teach_back_vraag.setWordWrap(True)
        self.teach_back = QCheckBox(TEACH_BACK_GEDAAN[0])
        self.teach_back.setAccessibleName("Terugvertellen gedaan")
        self._teach_back: bool | None = None  # None: never asked; False: skipped
        self.teach_back.toggled.connect(self._op_teach_back)
        laag = QVBoxLayout(self)
        laag.addWidget(self.hint)
        laag.addLayout(vragen_laag)
        laag.addWidget(self.uitkomst)
        laag.addWidget(self.teach_back_vraag)
        laag.addWidget(self.teach_back)
        self.zet_actief(False)
        self._werk_bij()

    def zet_klantweergave(self, klant: bool) -> None:
        """The teach-back box in the coach's or the client's words."""
        self.teach_back.setText(TEACH_BACK_GEDAAN[1] if klant else TEACH_BACK_GEDAAN[0])

    def zet_actief(self, aan: bool) -> None:
        """Only after a choice: without one there is nothing to be sure of."""
        for knop in (*self.ja, *self.nee, self.teach_back):
            knop.setEnabled(aan)
        self.hint.setVisible(not aan)

    def antwoorden(self) -> Antwoorden | None:
        """The four answers, or None while any is open."""
        ids = [g.checkedId() for g in self.groepen]
        if any(i < 0 for i in ids):
            return None
        a, b, c, d = (i == JA for i in ids)
        return (a, b, c, d)

    def zet_antwoorden(self, antwoorden: Antwoorden | None) -> None:
        """Show stored answers (None: all open)."""
        for nummer, groep in enumerate(self.groepen):
            groep.blockSignals(True)
            groep.setExclusive(False)  # an exclusive group cannot uncheck its last button
            for knop in groep.buttons():
                knop.setChecked(False)
            if antwoorden is not None:
                (self.ja if antwoorden[nummer] else self.nee)[nummer].setChecked(True)
            groep.setExclusive(True)
            groep.blockSignals(False)
        self._werk_bij()

    def teach_back_waarde(self) -> bool | None:
        """True done, False asked but not done (skipped), None never asked."""
        return self._teach_back

    def zet_teach_back(self, gedaan: bool | None) -> None:
        self._teach_back = gedaan
        self.teach_back.blockSignals(True)
        self.teach_back.setChecked(bool(gedaan))
        self.teach_back.blockSignals(False)
        self.gewijzigd.emit()

    def _op_teach_back(self, aan: bool) -> None:
        self._teach_back = aan
        self.gewijzigd.emit()

    def _op_antwoord(self, _id: int, aan: bool) -> None:
        if aan:
            self._werk_bij()
            self.gewijzigd.emit()

    def _werk_bij(self) -> None:
        antwoorden = self.antwoorden()
        if antwoorden is None:
            beantwoord = sum(g.checkedId() >= 0 for g in self.groepen)
            self.uitkomst.setText(NOG_NIET_KLAAR if beantwoord else "")
            self.uitkomst.setStyleSheet("")
            return
        check = keuzecheck(antwoorden)
        regels = [f"<b>{check.score} van de {MAX_SCORE} keer ja.</b> {check.samenvatting_klant}"]
        regels += [f"• {advies}" for advies in check.advies_klant]
        self.uitkomst.setText("<br>".join(regels))
        # Doubt is not an error: a calm blue frame, not red.
        kleur = "#1f4e79" if check.twijfel else "#2e6b30"
        self.uitkomst.setStyleSheet(
            f"border-left: 4px solid {kleur}; padding-left: 6px; color: {kleur};"
        )
