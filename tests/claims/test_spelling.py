"""The standard Persian spelling the extraction rules read (:mod:`shomar.claims.spelling`), and
the extractor's answers staying the same whatever spelling an article was typed in. Each case
uses wording of its own, not a corpus passage."""

from __future__ import annotations

import pytest

from shomar.claims import extract_claims
from shomar.claims.spelling import standard_spelling


@pytest.mark.parametrize(
    ("typed", "standard"),
    [
        ("كانون مدافعان حقوق بشر ايران", "کانون مدافعان حقوق بشر ایران"),
        ("گزارش ها حاکی است", "گزارش\u200cها حاکی است"),
        ("گروه های حقوق بشری", "گروه\u200cهای حقوق بشری"),
        ("این نهاد پیش تر گفته بود", "این نهاد پیش\u200cتر گفته بود"),
        ("بازداشت شدگان", "بازداشت\u200cشدگان"),
        ("او می گوید و آنها نمی دانند", "او می\u200cگوید و آنها نمی\u200cدانند"),
        ("بنا بر گزارش ها، ۲۰ نفر", "بنا بر گزارش\u200cها، ۲۰ نفر"),
    ],
)
def test_variants_become_the_standard_spelling(typed: str, standard: str) -> None:
    """Arabic letter forms become Persian ones; a space before «ها»، «تر»، «شدگان» or after
    «می» becomes a ZWNJ."""
    assert standard_spelling(typed) == standard


@pytest.mark.parametrize(
    "text",
    [
        "۱۵ می ۲۰۲۳",  # the month May
        "در ماه می گذشته",
        "تر و خشک",  # «تر» opening a phrase is a word
        "Amnesty said 12 people were killed.",
        "او گفت: «ها؟»",
    ],
)
def test_words_that_only_look_like_affixes_stay(text: str) -> None:
    """The month «می», a word «تر» with nothing before it and Latin text are left alone."""
    assert standard_spelling(text) == text


@pytest.mark.parametrize(
    "text",
    ["كانون مدافعان حقوق بشر گزارش داد که ۸۵ نفر كشته شدند.", "گزارش ها می گويند ۳ نفر مردند."],
)
def test_same_length_so_offsets_survive(text: str) -> None:
    """One character for one: an offset the rules report is an offset in the input."""
    assert len(standard_spelling(text)) == len(text)


_STANDARD = (
    "به گزارش رادیو فردا، شمار کشته‌شدگان به ۴۷ نفر رسیده است. "
    "این آمار را سازمان حقوق بشر ایران منتشر کرده است."
)


def _answers(text: str) -> list[tuple[object, ...]]:
    return [(c.quantity, c.counted, c.claimant_id, c.cites) for c in extract_claims(text)]


def test_arabic_letters_give_the_same_claims() -> None:
    """«این آمار را سازمان حقوق بشر ايران منتشر كرده است» typed with «ي» and «ك» still credits
    the figure to IHR, as the rule written with «ی» and «ک» does for the standard spelling."""
    arabic = _STANDARD.replace("ی", "ي").replace("ک", "ك")
    assert _answers(arabic) == _answers(_STANDARD)
    assert any(c.claimant_id == "ihr" for c in extract_claims(arabic))


def test_quotes_are_the_input_as_written() -> None:
    """The rules read the standard spelling, but a candidate quotes the article's own text."""
    text = "كانون مدافعان حقوق بشر اعلام كرد ۸۵ نفر كشته شدند."
    (claim,) = extract_claims(text)
    assert claim.quote == text[claim.start : claim.end] == text
    assert claim.claimant == "کانون مدافعان حقوق بشر"


def test_a_spaced_suffix_leaves_the_adverb_out_of_the_claimant() -> None:
    """«این گروه پیش تر …» (a space for the ZWNJ) is the group named before, as «پیش‌تر» is;
    without the standard spelling «این گروه پیش تر» came back as a claimant name."""
    standard = (
        "کمپین فعالان بلوچ اعلام کرد ۹۶ نفر کشته شدند. "
        "این گروه پیش‌تر شمار کشته‌ها را ۶۶ نفر اعلام کرده بود."
    )
    spaced = standard.replace("\u200c", " ")
    assert [c.claimant for c in extract_claims(spaced)] == [
        c.claimant for c in extract_claims(standard)
    ]
    assert {c.claimant for c in extract_claims(spaced)} == {"کمپین فعالان بلوچ"}


def test_a_spaced_plural_is_no_claimant() -> None:
    """«بنا بر گزارش ها» (reports, no one named) gives no claimant, like «گزارش‌ها»."""
    (claim,) = extract_claims("بنا بر گزارش ها، ۲۰ نفر در این تجمع بازداشت شدند.")
    assert claim.claimant is None
