"""Inzicht (issue 15): use, cost, coverage, overlap, upkeep and outcomes, computed in SQL.

Modules: `filter` (period, gemeente), `sql` (the engine adapter), `feiten` (per gesprek),
`gebruik`, `kosten`, `dekking`, `overlap`, `onderhoud`, `uitkomsten` (raw aggregates),
`onderdrukking` (small cells), `overzicht` (the shown tables), `export` (xlsx, pdf).
"""
