"""Persian outlets and rights groups outside the claimant registry, known by the noun of their
kind («خبرگزاری آوا»، «نهاد مستقل …»; :func:`shomar.claims.outlets.named_by_kind`). Rules gated
on a registry lookup lost such parties; each case uses invented names and wording of its own."""

from __future__ import annotations

import pytest

from shomar.claims import extract_claims
from shomar.claims.outlets import known_organisation, named_by_kind


@pytest.mark.parametrize(
    "name",
    [
        "خبرگزاری آوا",
        "روزنامه سپیده",
        "وب‌سایت آزادنیوز",
        "نهاد مستقل حقوق بشر زاگرس",
        "کانون دادخواهان",
    ],
)
def test_a_kind_noun_and_a_name_make_an_organisation(name: str) -> None:
    assert named_by_kind(name)
    assert known_organisation(name)


@pytest.mark.parametrize("name", ["خبرگزاری", "خبرنگاران", "رسانه‌ها", "یک مقام محلی", "خانواده او"])
def test_no_name_or_no_kind_noun_is_no_organisation(name: str) -> None:
    """«به خبرنگاران گفت» ("told reporters") and a kind noun with no name name no one."""
    assert not named_by_kind(name)


def test_registry_entries_are_not_named_by_kind() -> None:
    """A registry name keeps its own kind (the UN is no outlet), the lookup decides it."""
    assert not named_by_kind("سازمان ملل")
    assert known_organisation("سازمان ملل")


def _chain(text: str) -> list[tuple[str | None, str | None]]:
    return [(c.claimant, c.cites) for c in extract_claims(text)]


def test_told_an_unlisted_outlet() -> None:
    """«X به خبرگزاری آوا گفت»: the outlet reports it, citing X, as «X به رویترز گفت» does."""
    got = _chain("یک پزشک به خبرگزاری دماوند گفت ۱۴ نفر کشته شدند.")
    assert got == [("خبرگزاری دماوند", "یک پزشک"), ("یک پزشک", None)]


def test_told_reporters_stays_the_speaker() -> None:
    """«به خبرنگاران گفت» names no outlet: the speaker alone claims the figure."""
    assert _chain("یک پزشک به خبرنگاران گفت ۱۴ نفر کشته شدند.") == [("یک پزشک", None)]


def test_interview_with_an_unlisted_outlet() -> None:
    """«X در گفت‌وگو با روزنامه سپیده گفت» is like «X به روزنامه سپیده گفت»."""
    got = _chain("یک وکیل در گفت‌وگو با روزنامه سپهر گفت ۹ نفر بازداشت شده‌اند.")
    assert got[0] == ("روزنامه سپهر", "یک وکیل")


def test_this_was_told_to_an_unlisted_outlet() -> None:
    """«…؛ این را X به روزنامه سپهر گفت» credits the outlet citing X."""
    got = _chain("شش نفر زخمی شدند؛ این را یک مقام محلی به روزنامه سپهر گفت.")
    assert ("روزنامه سپهر", "مقام محلی") in got or ("روزنامه سپهر", "یک مقام محلی") in got


def test_an_unlisted_group_before_a_colon() -> None:
    """«کانون دادخواهان: …» in the body names its source, as «رادیو فردا: …» does."""
    text = "گزارش روز\n\nشمار اعدام‌ها بالا رفت. کانون دادخواهان: دست‌کم ۲۳ زندانی اعدام شدند."
    assert [c.claimant for c in extract_claims(text)] == ["کانون دادخواهان"]


def test_a_joint_report_of_unlisted_groups() -> None:
    """«هم X و هم Y … خبر داده‌اند» gives the figure to each group."""
    got = _chain("هم کانون دادخواهان و هم نهاد مستقل حقوق بشر زاگرس از بازداشت ۱۸ نفر خبر داده‌اند.")
    assert {c for c, _ in got} == {"کانون دادخواهان", "نهاد مستقل حقوق بشر زاگرس"}
