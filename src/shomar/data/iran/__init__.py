"""Iran gazetteer and name data (origin and licenses in README.md)."""
