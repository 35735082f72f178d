"""What a list's own column names usually hold: suggestions for the upload page's mapping.

Lists from the field rarely use the canonical names: a Persian register says «نام», «نام
خانوادگی», «نام پدر», «تاریخ اعدام»; an English one "First name", "Surname", "Date of death".
:func:`suggested_column` offers the canonical column such a name usually holds. It is only a
suggestion, preselected on the page for the user to confirm: the import itself reads no
column by a guess (a column it does not know is kept in the raw row, and the report says so).
"""

from __future__ import annotations

from shomar.domain.names_key import match_key

#: canonical column → names lists give it (Persian and English; compared by match key, so
#: Arabic letter forms, ZWNJ, spaces and case do not matter)
USUAL_NAMES: dict[str, tuple[str, ...]] = {
    "record_id": ("شناسه", "کد", "ردیف", "شماره", "id", "no", "number", "#"),
    "full_name": ("نام و نام خانوادگی", "نام کامل", "اسم", "name", "full name", "victim",
                  "victim name", "name of victim", "نام قربانی"),
    "given_name": ("نام", "نام کوچک", "first name", "given name", "forename"),
    "family_name": ("نام خانوادگی", "فامیل", "فامیلی", "surname", "last name", "family name"),
    "father_name": ("نام پدر", "پدر", "father", "father's name", "fathers name", "father name"),
    "sex": ("جنسیت", "جنس", "gender", "sex"),
    "age": ("سن", "age", "age at death"),
    "birth_date": ("تاریخ تولد", "date of birth", "born", "dob"),
    "date": ("تاریخ", "تاریخ اعدام", "تاریخ فوت", "تاریخ مرگ", "تاریخ کشته شدن", "تاریخ جانباختن",
             "تاریخ بازداشت", "date of death", "date of execution", "date of arrest",
             "date of incident"),
    "place": ("محل", "مکان", "شهر", "زندان", "محل اعدام", "محل فوت", "place", "city", "town",
              "location", "prison", "place of death"),
    "province": ("استان", "province"),
    "violation": ("نوع نقض", "نوع", "violation", "type"),
    "event": ("رویداد", "event"),
    "notes": ("توضیحات", "یادداشت", "ملاحظات", "notes", "remarks", "comments", "description"),
}  # fmt: skip
_BY_KEY = {match_key(name): column for column, names in USUAL_NAMES.items() for name in names}


def suggested_column(header: str) -> str | None:
    """The canonical column a list's column named ``header`` usually holds, or ``None``."""
    return _BY_KEY.get(match_key(header))
