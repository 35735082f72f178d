"""The claims ledger: append-only versions, citations, and the comparison with the evidence."""

from __future__ import annotations

import pytest

from shomar.errors import InputError, NotFoundError
from shomar.services.claims import (
    ClaimCorrection,
    QuantityInput,
    add_claim,
    correct_claim,
    list_claims,
)
from shomar.services.comparison import compare_event
from shomar.services.events import add_event
from shomar.store.workspace import Workspace
from support.principals import ADMIN


def _event(ws: Workspace) -> str:
    add_event(ws, "Synthetic protests", start="2019-11-15", end="2019-11-30", principal=ADMIN)
    return "Synthetic protests"


def test_claim_with_citation_and_correction(workspace: Workspace) -> None:
    event = _event(workspace)
    first = add_claim(
        workspace,
        claimant="Group X (synthetic)",
        counted="killed",
        quantity=QuantityInput(1500),
        event=event,
        date_stated="2019-12-15",
        principal=ADMIN,
    )
    second = add_claim(
        workspace,
        claimant="Agency Y (synthetic)",
        counted="killed",
        quantity=QuantityInput(1500),
        event=event,
        cites=[first.uid, "Officials"],
        principal=ADMIN,
    )
    assert second.cites == [first.uid, "Officials"]
    fixed = correct_claim(
        workspace,
        first.uid,
        ClaimCorrection(quantity=QuantityInput(1450)),
        reason="typo in the figure",
        principal=ADMIN,
    )
    assert fixed.version == 2 and fixed.quantity["value"] == 1450
    current = {c.uid: c for c in list_claims(workspace, principal=ADMIN)}
    assert current[first.uid].version == 2 and len(current) == 2
    history = [
        c for c in list_claims(workspace, history=True, principal=ADMIN) if c.uid == first.uid
    ]
    assert [c.quantity["value"] for c in history] == [1500, 1450]


def test_quantities_are_checked(sqlite_workspace: Workspace) -> None:
    with pytest.raises(InputError, match="lower bound"):
        add_claim(
            sqlite_workspace,
            claimant="Z",
            counted="killed",
            quantity=QuantityInput(None, 300, 200, "range"),
            principal=ADMIN,
        )
    with pytest.raises(InputError, match="counted category"):
        add_claim(
            sqlite_workspace,
            claimant="Z",
            counted="cats",
            quantity=QuantityInput(3),
            principal=ADMIN,
        )
    with pytest.raises(NotFoundError, match="events add"):
        add_claim(
            sqlite_workspace,
            claimant="Z",
            counted="killed",
            quantity=QuantityInput(3),
            event="Nowhere",
            principal=ADMIN,
        )


def test_comparison_without_evidence_says_so(sqlite_workspace: Workspace) -> None:
    event = _event(sqlite_workspace)
    add_claim(
        sqlite_workspace,
        claimant="Group X (synthetic)",
        counted="killed",
        quantity=QuantityInput(300, qualifier="at_least"),
        event=event,
        principal=ADMIN,
    )
    (view,) = compare_event(sqlite_workspace, principal=ADMIN)
    assert view.documented is None and view.estimates == []
    assert view.claims[0].relation == "no estimate yet"
    assert view.claims[0].rule


def test_non_finite_numbers_are_refused(sqlite_workspace: Workspace) -> None:
    for bad in (float("nan"), float("inf")):
        with pytest.raises(InputError, match="finite"):
            add_claim(
                sqlite_workspace,
                claimant="Z",
                counted="killed",
                quantity=QuantityInput(bad),
                principal=ADMIN,
            )


def test_a_category_no_record_type_counts_has_no_documented_count(
    sqlite_workspace: Workspace,
) -> None:
    event = _event(sqlite_workspace)
    add_claim(
        sqlite_workspace,
        claimant="Z",
        counted="sentenced_to_death",
        quantity=QuantityInput(10),
        event=event,
        principal=ADMIN,
    )
    (view,) = compare_event(sqlite_workspace, principal=ADMIN)
    assert view.counted == "sentenced_to_death" and view.documented is None


def test_corrections_are_checked_like_new_claims(sqlite_workspace: Workspace) -> None:
    claim = add_claim(
        sqlite_workspace, claimant="Z (synthetic)", counted="killed",
        quantity=QuantityInput(10), principal=ADMIN,
    )  # fmt: skip
    bad = [
        (ClaimCorrection(counted="cats"), "counted category"),
        (ClaimCorrection(quantity=QuantityInput(-3)), "negative"),
        (ClaimCorrection(quantity=QuantityInput(5, 9, 2, "range")), "lower bound"),
        (ClaimCorrection(), "changes nothing"),
    ]
    for correction, message in bad:
        with pytest.raises(InputError, match=message):
            correct_claim(sqlite_workspace, claim.uid, correction, reason="r", principal=ADMIN)
    with pytest.raises(InputError, match="needs a reason"):
        correct_claim(
            sqlite_workspace, claim.uid, ClaimCorrection(quote="q"), reason=" ", principal=ADMIN
        )
    assert len(list_claims(sqlite_workspace, history=True, principal=ADMIN)) == 1
