"""Places outside Iran: large foreign cities and camps (countries come from Babel's CLDR data)."""
