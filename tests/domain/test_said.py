"""Messages made with ``said``: their English text is what an f-string gave, and another
language says them again from their template, values and all."""

from __future__ import annotations

import copy
import pickle

import pytest

from shomar.calendar import parse_partial_date
from shomar.domain.said import Said, said, say
from shomar.errors import DateParseError
from shomar.web.i18n import translations

PERSIAN = {
    "the row has %(cells)s cells but the header has %(header)s": (
        "سطر %(cells)s خانه، عنوان %(header)s"
    ),
    "Cannot read %(text)s as a date: %(reason)s.": "%(text)s تاریخ نیست: %(reason)s.",
    "there is no date in it": "تاریخی در آن نیست",
}


def _persian(template: str) -> str:
    return PERSIAN.get(template, template)


def _digits(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


def test_english_text_is_the_template_filled_with_counts_separated() -> None:
    message = said(
        "the row has %(cells)s cells but the header has %(header)s", cells=1200, header=3
    )
    assert message == "the row has 1,200 cells but the header has 3"
    assert isinstance(message, str) and message.upper().startswith("THE ROW")


def test_another_language_says_it_with_its_own_digits() -> None:
    message = said("the row has %(cells)s cells but the header has %(header)s", cells=12, header=3)
    assert say(message, _persian, lambda n: _digits(str(n))) == "سطر ۱۲ خانه، عنوان ۳"
    assert say("plain text", _persian) == "plain text" and say(None, _persian) == ""


def test_nested_messages_and_digit_only_values_are_said_too() -> None:
    inner = said("there is no date in it")
    outer = said("Cannot read %(text)s as a date: %(reason)s.", text="'1367'", reason=inner)
    assert outer == "Cannot read '1367' as a date: there is no date in it."
    # a quoted cell is the user's text and stays as written; a bare number takes the digits
    assert say(outer, _persian, digits=_digits) == "'1367' تاریخ نیست: تاریخی در آن نیست."
    row = said("this record_id already appears on row %(row)s of the file", row="1234")
    assert say(row, lambda t: "سطر %(row)s", digits=_digits) == "سطر ۱۲۳۴"


def test_a_broken_translation_falls_back_to_english() -> None:
    message = said("the row has %(cells)s cells but the header has %(header)s", cells=2, header=1)
    assert say(message, lambda t: "%(typo)s") == str(message)


def test_survives_pickling_and_copying_as_the_import_worker_and_asdict_do() -> None:
    message = said("the row has %(cells)s cells but the header has %(header)s", cells=2, header=1)
    for again in (pickle.loads(pickle.dumps(message)), copy.deepcopy(message)):
        assert isinstance(again, Said) and again == message
        assert again.template == message.template and again.values == message.values


def test_the_date_parser_says_why_in_a_form_another_language_can_use() -> None:
    try:
        parse_partial_date("not a date")
    except DateParseError as exc:
        message = exc.message
    else:  # pragma: no cover
        raise AssertionError("parsed 'not a date'")
    assert isinstance(message, Said)
    assert message.startswith("Cannot read 'not a date' as a date")
    persian = say(message, translations("fa").gettext)  # the web's own catalog
    assert persian.startswith("'not a date' را نمی‌توان تاریخ خواند")
    assert "'not' نام ماه، فصل یا تقویم نیست" in persian


def test_values_can_be_isolated_for_a_page_of_the_other_direction() -> None:
    message = said("Cannot read %(text)s as a date: %(reason)s.", text="'x'", reason=said("r"))
    shown = say(message, _persian, isolate=lambda t: f"<{t}>")
    assert shown == "<'x'> تاریخ نیست: r."  # the nested message is said, not isolated


def test_a_month_name_and_numbers_inside_a_date_problem_are_said_in_persian() -> None:
    from shomar.web.i18n import Locale

    with pytest.raises(DateParseError) as raised:
        parse_partial_date("31 Esfand 1367")
    persian = Locale("fa")
    shown = say(raised.value.message, translations("fa").gettext, persian.number, persian.digits)
    assert "روز ۳۱ وجود ندارد: اسفند ۱۳۶۷" in shown, shown
    assert "day 31 does not exist: Esfand 1367" in raised.value.message  # English as before
