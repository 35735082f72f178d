"""Words the pages show from data (roles, tiers, violation types, field names, relations,
service messages): translated with the ``tr`` filter, and listed here so the catalog test
checks each has a Persian translation."""

from __future__ import annotations

from shomar.calendar.names import GREGORIAN_MONTH_NAMES, JALALI_MONTH_NAMES
from shomar.claims.lexicon import COUNTED_CATEGORIES
from shomar.claims.relation import LABELS
from shomar.domain.columns import SENSITIVE_COLUMNS
from shomar.domain.vocabulary import VIOLATIONS
from shomar.security.principal import Role
from shomar.store.tables import SOURCE_KINDS, TIERS

FIELDS = (
    "full_name", "given_name", "family_name", "father_name", "sex", "age", "date_text",
    "date_start", "date_end", "date_precision", "place", "province", "violation",
    "event_text", "source", "record_id", "birth_date", "date", "event", "aliases",
)  # fmt: skip
JOB_WORDS = ("import", "link", "estimate", "report", "backup",
             "queued", "running", "done", "failed", "cancelled")  # fmt: skip
QUALIFIERS = ("exact", "at_least", "at_most", "about", "approximately", "range", "vague")
#: a document's status and the steps of its custody log
DOCUMENT_WORDS = ("active", "withdrawn", "replaced", "received", "copied", "exported")
#: the review evidence's comparisons and levels (``shomar.linkage.comparisons`` and the rules
#: after the model), as :func:`evidence_word` names them
EVIDENCE_WORDS = (
    "violation_date", "birth", "birth_day", "sibling_rule", "conflict_rule", "missing",
    "same key", "same name across scripts", "same name parts in another order",
    "gender or affix ending differs", "same signature", "same consonant skeleton",
    "part of a compound name", "a rare spelling one letter from the other's name",
    "two different attested given names", "close spelling",
    "close consonant skeleton", "same loose skeleton", "swapped with the family name",
    "swapped with the given name", "same day", "intervals overlap", "within a few days",
    "within a month",
    "within a year", "same birth years", "birth years consistent (age ±1)", "within two years",
    "one typo", "same year", "within ten years", "same city", "same place",
    "same place skeleton", "a detention site against another place", "same province",
    "same", "different", "different given names, same family (two persons)",
    "fathers' names, birth years or dates that cannot be one person's",
)  # fmt: skip
MESSAGES = (
    "Wrong user name or password.",
    "This account is locked after repeated failed sign-ins.",
    "Too many failed sign-ins from this address.",
    "That code is not valid (or was used already).",
    "That code is not valid.",
    "No second factor is set up for this account.",
)


#: English labels for data words that are identifiers (the Persian catalog translates the keys)
ENGLISH_LABELS = {
    "full_name": "Full name", "given_name": "Given name", "family_name": "Family name",
    "father_name": "Father's name", "sex": "Sex", "age": "Age", "date_text": "Date (as written)",
    "date_start": "Date from", "date_end": "Date to", "date_precision": "Date precision",
    "place": "Place", "province": "Province", "violation": "Violation",
    "event_text": "Event (as written)", "source": "Source", "record_id": "Record id",
    "birth_date": "Birth date", "date": "Date", "event": "Event", "aliases": "Aliases",
    "ngo": "NGO", "un": "UN body", "at_least": "at least", "at_most": "at most",
    "sentenced_to_death": "sentenced to death",
    "witness_name": "Witness", "witness_contact": "Witness's contact", "informant": "Informant",
    "confidential_notes": "Confidential notes",
    "violation_date": "Violation date", "birth": "Birth year", "birth_day": "Birth date",
    "sibling_rule": "Sibling rule", "conflict_rule": "Conflicting facts",
}  # fmt: skip


def vocabulary() -> tuple[str, ...]:
    relations = tuple(label.format(level="95%") for label in LABELS)
    return (
        *(role.value for role in Role),
        *TIERS,
        *SOURCE_KINDS,
        *VIOLATIONS,
        *COUNTED_CATEGORIES,
        *FIELDS,
        *SENSITIVE_COLUMNS,
        *EVIDENCE_WORDS,
        *QUALIFIERS,
        *DOCUMENT_WORDS,
        *JOB_WORDS,
        *relations,
        *MESSAGES,
        *JALALI_MONTH_NAMES,  # inside an import's date problems ("day 31 does not exist: …")
        *GREGORIAN_MONTH_NAMES,
    )


#: data words the HTML report shows (``shomar report --lang fa`` translates them)
REPORT_WORDS = (
    "day", "month", "season", "year", "same", "different", "unsure",
    "wald", "equal-tailed posterior", "profile (model-conditional)",
    "lognormal (model-conditional)", "bca-bootstrap (model selection repeated)",
)  # fmt: skip


def report_vocabulary() -> tuple[str, ...]:
    return REPORT_WORDS


__all__ = ["report_vocabulary", "vocabulary"]
