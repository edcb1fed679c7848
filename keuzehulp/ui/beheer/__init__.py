"""The Beheer tab: editors, the mutation log, versions, beheerders and upkeep."""
