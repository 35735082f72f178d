"""Display forms and keys: examples and the invariants every key must keep."""

from __future__ import annotations

import string

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from shomar.text import (
    detect_script,
    latin_key,
    name_key,
    persian_display,
    persian_key,
)

# Persian and Arabic letters, marks, digits, ZWNJ/ZWJ, bidi controls, tatweel, spaces
PERSIAN_ALPHABET = (
    "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآأإئؤءةۀكيى"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0654\u0670\u0640"
    "\u200c\u200d\u200e\u200f\u202b\u202c\ufeff ۰۱۲٣٤-"
)
persian_text = st.text(alphabet=PERSIAN_ALPHABET, max_size=20)
latin_text = st.text(alphabet=string.ascii_letters + " -'āūīéüöçşğ", max_size=20)

ARABIC_TO_PERSIAN = {"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه"}


@settings(max_examples=300, deadline=None)
@given(persian_text)
def test_persian_display_is_idempotent(s: str) -> None:
    once = persian_display(s)
    assert persian_display(once) == once


@settings(max_examples=300, deadline=None)
@given(persian_text)
def test_persian_key_is_idempotent(s: str) -> None:
    once = persian_key(s)
    assert persian_key(once) == once


@settings(max_examples=300, deadline=None)
@given(st.one_of(latin_text, st.text(max_size=15)))
def test_latin_key_is_idempotent(s: str) -> None:
    once = latin_key(s)
    assert latin_key(once) == once


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(alphabet=PERSIAN_ALPHABET + "abcAé º", max_size=20), st.text(max_size=15)))
@example("´¸")  # NFKC: space + acute, space + cedilla; dropping the spaces joined the marks
@example("ʱ")  # a modifier letter that NFKC turns into a Latin letter (ɦ)
@example("㏒")  # a symbol that NFKC turns into Latin letters (log)
@example("ɦ٣")  # the Latin key kept an Arabic-Indic digit that the Persian key makes ASCII
def test_name_key_is_idempotent_on_any_text(s: str) -> None:
    once = name_key(s)
    assert name_key(once) == once


@pytest.mark.slow
def test_name_key_is_idempotent_on_every_single_character() -> None:
    not_idempotent = [
        hex(cp)
        for cp in range(0x110000)
        if not 0xD800 <= cp < 0xE000 and name_key(name_key(chr(cp))) != name_key(chr(cp))
    ]
    assert not_idempotent == []


@settings(max_examples=300, deadline=None)
@given(persian_text)
@example("یٔ")  # Persian yeh + hamza mark: NFKC composes only the Arabic ي + ٔ into ئ
@example("ىٔ")  # alef maksura + hamza mark
@example("علیٔ یٔ")
@example("یًٔ")  # a tanween between: NFC reorders the marks and still composes ئ
def test_arabic_and_persian_letter_forms_share_a_key(s: str) -> None:
    persian_form = "".join(ARABIC_TO_PERSIAN.get(ch, ch) for ch in s)
    arabic_form = s.replace("ی", "ي").replace("ک", "ك")
    assert persian_key(arabic_form) == persian_key(persian_form) == persian_key(s)


@pytest.mark.parametrize(
    ("raw", "display"),
    [
        ("علي", "علی"),
        ("كاظم", "کاظم"),
        ("فاطمة", "فاطمه"),
        ("محمّد", "محمد"),  # shadda
        ("مـــحمد", "محمد"),  # tatweel
        ("حسين\u200cزاده", "حسین\u200cزاده"),  # ZWNJ kept in the display form
        ("  رضا\u200f  احمدی ", "رضا احمدی"),  # RLM and spaces
        ("۱۳۶۷", "1367"),
        ("رضائی", "رضایی"),
        ("أحمد", "احمد"),
    ],
)
def test_persian_display(raw: str, display: str) -> None:
    assert persian_display(raw) == display


def test_persian_key_treats_zwnj_space_and_nothing_alike() -> None:
    assert persian_key("حسین‌زاده") == persian_key("حسین زاده") == persian_key("حسینزاده")
    assert persian_key("آزاده") == persian_key("ازاده")


@pytest.mark.parametrize(
    "group",
    [
        ("Mohammad", "Muhammad", "Mohammed", "MOHAMMAD", "Mohamad"),
        ("Hossein", "Hosein", "Hosseyn", "Hussein"),
        ("Rezaei", "Rezaee", "Rezayi", "Rezaie", "Rezai"),
        ("Hosseinzadeh", "Hoseinzade", "Hossein-zadeh", "Hossein Zadeh"),
        ("Ghasem", "Qasem"),
        ("Khuzestan", "Khūzestān", "Xuzestan"),
        ("Mahmoud", "Mahmood", "Mahmud"),
        ("Mahdieh", "Mahdiyeh", "Mahdie"),
    ],
)
def test_latin_key_folds_spelling_variants(group: tuple[str, ...]) -> None:
    assert len({latin_key(s) for s in group}) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hamid", "Hamed"),
        ("Zahra", "Zohreh"),
        ("Mahdi", "Mahdieh"),
        ("Amin", "Amini"),
        ("Hassan", "Hossein"),
        ("Mohammad", "Mahmoud"),
        ("Taher", "Tahereh"),
    ],
)
def test_latin_key_keeps_different_names_apart(a: str, b: str) -> None:
    assert latin_key(a) != latin_key(b)


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("محمد", "persian"),
        ("Mohammad", "latin"),
        ("محمد Reza", "mixed"),
        ("123 -", "none"),
        ("Khūzestān", "latin"),
    ],
)
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text) == script


def test_name_key_dispatches_on_script() -> None:
    assert name_key("علي") == persian_key("علی")
    assert name_key("Ali") == latin_key("Ali")
