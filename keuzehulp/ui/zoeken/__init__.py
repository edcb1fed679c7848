"""The search screen (Spreekkamer): three steps with live counts, results and details."""

from keuzehulp.ui.zoeken.zoek_scherm import ZoekScherm

__all__ = ["ZoekScherm"]
