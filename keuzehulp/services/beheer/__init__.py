"""Beheer use cases: editing the catalogue, the mutation log, versions, roles and upkeep."""
