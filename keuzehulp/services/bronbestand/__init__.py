"""The bronbestand: the Excel workbook the beheergroep keeps, imported and exported."""
