"""Claims: who claimed what number, when, citing whom.

Extraction proposes claims from an article's text (:func:`extract_claims`), the relation rule
compares a claimed number with the documented count and an estimate (:func:`relate_claim`), and
the exports write claims as CSV and as schema.org ClaimReview JSON-LD. All of it is pure: the
ledger and its storage live in :mod:`shomar.services.claims`.
"""

from shomar.claims.candidate import ClaimCandidate
from shomar.claims.exports import claims_csv, claims_jsonld, csv_rows
from shomar.claims.extract import extract_claims, extract_from_file
from shomar.claims.quantity import Quantity
from shomar.claims.relation import Relation, relate, relate_claim

__all__ = [
    "ClaimCandidate",
    "Quantity",
    "Relation",
    "claims_csv",
    "claims_jsonld",
    "csv_rows",
    "extract_claims",
    "extract_from_file",
    "relate",
    "relate_claim",
]
