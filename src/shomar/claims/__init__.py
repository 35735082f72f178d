"""Claims: who claimed what number, when, citing whom — extraction, relation, exports."""

from shomar.claims.candidate import ClaimCandidate
from shomar.claims.extract import extract_claims, extract_from_file
from shomar.claims.quantity import Quantity

__all__ = ["ClaimCandidate", "Quantity", "extract_claims", "extract_from_file"]
