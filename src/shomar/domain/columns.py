"""The canonical columns of a list (DESIGN §7): imports need no mapping when they use them."""

from __future__ import annotations

CANONICAL_COLUMNS: tuple[str, ...] = (
    "record_id", "full_name", "given_name", "family_name", "father_name", "sex", "age",
    "birth_date", "date", "place", "province", "violation", "event", "notes",
)  # fmt: skip

#: sensitive columns: stored encrypted (shomar.store.keyring), never exported or shown in review
SENSITIVE_COLUMNS: tuple[str, ...] = (
    "witness_name", "witness_contact", "informant", "confidential_notes",
)  # fmt: skip

#: also read by the importer, beyond DESIGN §7's list
EXTRA_COLUMNS: tuple[str, ...] = ("aliases", "perpetrator", "confidentiality", *SENSITIVE_COLUMNS)

#: a record needs a name in at least one of these
NAME_COLUMNS: tuple[str, ...] = ("full_name", "given_name", "family_name")
