"""Months as a Dutch reader writes them: moved to `keuzehulp.services.inzicht.voorbereid`
(Qt-free, used by the worker process, the xlsx and the PDF as well)."""

from keuzehulp.services.inzicht.voorbereid import MAANDEN, MET_MAAND, maand_nl, met_maandnamen

__all__ = ["MAANDEN", "MET_MAAND", "maand_nl", "met_maandnamen"]
