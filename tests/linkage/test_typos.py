"""A rare spelling one letter from a common name (:mod:`shomar.linkage.typos`)."""

from __future__ import annotations

from shomar.linkage.typos import FAMILY, GIVEN, typo_neighbour, typo_of
from shomar.text.normalize import name_key


def test_a_rare_spelling_is_a_slip_of_its_only_common_neighbour() -> None:
    assert typo_neighbour(name_key("مجتب")) == name_key("مجتبی")  # a letter dropped
    assert typo_neighbour(name_key("فریذ")) == name_key("فرید")  # a dot more
    assert typo_neighbour(name_key("حیدژی"), FAMILY) == name_key("حیدری")
    assert typo_neighbour(name_key("Shalha")) == name_key("Shahla")  # two letters swapped
    # a common name is no slip; a slip of two common names («حسین», «حسن») decides nothing
    assert typo_neighbour(name_key("بهمن")) is None
    assert typo_neighbour(name_key("حسبن")) is None


def test_a_slip_is_read_across_scripts_and_an_added_ending_is_a_name() -> None:
    assert typo_of(name_key("مطفی"), name_key("Mostafa"), GIVEN)
    assert typo_of(name_key("Shalha"), name_key("شهلا"), GIVEN)
    assert not typo_of(name_key("مجیده"), name_key("مجید"), GIVEN)  # Majideh, a sister
    assert not typo_of(name_key("Bahram"), name_key("Bahman"), GIVEN)
