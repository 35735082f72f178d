"""Claim-extraction benchmark on the hand-labeled articles in ``tests/data/articles``."""
