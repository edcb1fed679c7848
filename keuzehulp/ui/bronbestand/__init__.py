"""Import and export of the bronbestand in the window (menu Bestand)."""
