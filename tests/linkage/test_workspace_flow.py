"""The workspace flow: link, review decisions as hard constraints, stable ids, incremental runs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from shomar.errors import ConflictError, LinkageError, NotFoundError
from shomar.linkage.spec import LinkageSpec
from shomar.services.imports import import_file
from shomar.services.linkage import (
    decide,
    link_workspace,
    linkage_samples,
    list_decisions,
    list_persons,
    review_items,
)
from shomar.simulation import SimulationSpec, simulate
from shomar.store.workspace import Workspace
from support.principals import ADMIN


@pytest.fixture(scope="module")
def small_lists(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("small")
    result = simulate(folder, SimulationSpec(seed=11, size=150, lists=4))
    return list(result.list_files)


def _person_of(ws: Workspace) -> dict[str, str]:
    return {uid: p.person_id for p in list_persons(ws, principal=ADMIN) for uid in p.record_uids}


def test_link_review_relink_and_import_more(
    sqlite_workspace: Workspace, small_lists: list[Path]
) -> None:
    ws = sqlite_workspace
    for path in small_lists[:3]:
        import_file(ws, path, path.stem, principal=ADMIN)
    first = link_workspace(ws, principal=ADMIN)
    assert first.mode == "full"
    before = _person_of(ws)
    assert len(before) == first.records
    assert first.persons == len(set(before.values()))
    assert all(pid.startswith("P-") for pid in before.values())

    # a human joins two records the model kept apart, and splits two it joined
    uids = sorted(before)
    apart = next((a, b) for a in uids for b in uids if a < b and before[a] != before[b])
    together = next(
        (a, b) for a in uids for b in uids if a < b and before[a] == before[b] and (a, b) != apart
    )
    decide(ws, *apart, "same", reason="same father and village", principal=ADMIN)
    decide(ws, *together, "different", reason="different ages", principal=ADMIN)

    second = link_workspace(ws, principal=ADMIN)
    assert second.mode == "incremental" and second.new_records == 0
    assert second.decisions_applied == 2
    after = _person_of(ws)
    assert after[apart[0]] == after[apart[1]]
    assert after[together[0]] != after[together[1]]
    untouched = [u for u in uids if before[u] not in {before[x] for x in (*apart, *together)}]
    assert all(after[u] == before[u] for u in untouched)  # ids stable where records stayed

    # a full re-run (retrained) still honours every decision
    link_workspace(ws, full=True, principal=ADMIN)
    full = _person_of(ws)
    assert full[apart[0]] == full[apart[1]]
    assert full[together[0]] != full[together[1]]

    # a new list is scored against the existing records only
    import_file(ws, small_lists[3], small_lists[3].stem, principal=ADMIN)
    third = link_workspace(ws, principal=ADMIN)
    assert third.mode == "incremental"
    assert 0 < third.new_records < third.records
    final = _person_of(ws)
    assert final[apart[0]] == final[apart[1]]
    kept = sum(final[u] == full[u] for u in full)
    assert kept >= 0.9 * len(full)

    decisions = list_decisions(ws, principal=ADMIN)
    assert {d.verdict for d in decisions} == {"same", "different"}
    samples = linkage_samples(ws, 3, np.random.default_rng(0), principal=ADMIN)
    assert len(samples) == 3 and len(samples[0]) == third.records
    assert all(s[apart[0]] == s[apart[1]] for s in samples)


def test_review_queue_and_decisions(sqlite_workspace: Workspace, small_lists: list[Path]) -> None:
    ws = sqlite_workspace
    for path in small_lists[:2]:
        import_file(ws, path, path.stem, principal=ADMIN)
    with pytest.raises(NotFoundError):
        review_items(ws, principal=ADMIN)
    # a wide band, so that these small lists surely leave pairs to review
    link_workspace(ws, spec=LinkageSpec(review_low=0.01, review_high=0.99999), principal=ADMIN)
    items = review_items(ws, limit=5, principal=ADMIN)
    assert items
    assert [i.value for i in items] == sorted((i.value for i in items), reverse=True)
    for item in items:
        assert 0.01 <= item.match_probability <= 0.99999
        assert item.record_a["uid"] == item.uid_a
        assert item.evidence and {"comparison", "level", "match_weight"} <= set(item.evidence[0])
        father = next(e for e in item.evidence if e["comparison"] == "father_name")
        both = bool(item.record_a.get("father_name")) and bool(item.record_b.get("father_name"))
        assert (father["level"] == "missing") == (not both), (item.record_a, item.record_b)
    if items:
        first = items[0]
        decide(ws, first.uid_a, first.uid_b, "unsure", principal=ADMIN)
        assert (first.uid_a, first.uid_b) not in {
            (i.uid_a, i.uid_b) for i in review_items(ws, principal=ADMIN)
        }


def test_contradicting_decisions_are_refused(
    sqlite_workspace: Workspace, small_lists: list[Path]
) -> None:
    ws = sqlite_workspace
    import_file(ws, small_lists[0], "listA", principal=ADMIN)
    a, b, c = "listA/A-0000001", "listA/A-0000002", "listA/A-0000003"
    decide(ws, a, b, "same", principal=ADMIN)
    decide(ws, b, c, "same", principal=ADMIN)
    with pytest.raises(ConflictError, match="already one person"):
        decide(ws, a, c, "different", principal=ADMIN)
    # changing the decision on the pair itself is how a verdict is revoked
    result = decide(ws, b, c, "different", reason="second look", principal=ADMIN)
    assert result.replaces == "same"
    with pytest.raises(NotFoundError, match="No record"):
        decide(ws, a, "listA/nope", "same", principal=ADMIN)


def test_empty_workspace(sqlite_workspace: Workspace) -> None:
    with pytest.raises(LinkageError, match="no records"):
        link_workspace(sqlite_workspace, principal=ADMIN)


def test_decisions_arriving_during_every_rebase_are_still_honoured(
    sqlite_workspace: Workspace, small_lists: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Decisions keep arriving while a run clusters: the lock-free rebases never catch up, so
    the last attempt holds decisions back, clusters once more and stores (no ConflictError,
    scores not recomputed), honouring every decision recorded before it."""
    from sqlalchemy import func, select

    import shomar.services.linkage as linkage
    from shomar.store.tables import LinkageRun, MatchDecision

    ws = sqlite_workspace
    for path in small_lists[:2]:
        import_file(ws, path, path.stem, principal=ADMIN)
    link_workspace(ws, principal=ADMIN)
    person = _person_of(ws)
    uids = sorted(person)
    together = [(a, b) for a in uids for b in uids if a < b and person[a] == person[b]]
    assert len(together) > linkage.REBASES + 1
    original = linkage._cluster
    calls: list[int] = []

    def cluster_while_reviewing(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) <= linkage.REBASES + 1:  # every lock-free clustering meets a decision
            decide(ws, *together[len(calls)], "different", principal=ADMIN)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(linkage, "_cluster", cluster_while_reviewing)
    summary = link_workspace(ws, principal=ADMIN)
    assert len(calls) == linkage.REBASES + 2  # the first clustering, the rebases, the last
    after = _person_of(ws)
    for a, b in together[1 : linkage.REBASES + 2]:
        assert after[a] != after[b], f"{a} and {b} were called different during the run"
    with ws.read_session() as session:
        run = session.get(LinkageRun, summary.run_id)
        assert run is not None
        assert run.last_decision_id == session.scalar(select(func.max(MatchDecision.id)))


def test_the_review_queue_keeps_the_most_informative_pairs_up_to_its_limit(
    sqlite_workspace: Workspace, small_lists: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a queue is for people and each item carries its evidence: a run on a huge workspace
    # once built millions of them (18 GB in the eight-writer test)
    ws = sqlite_workspace
    for path in small_lists[:2]:
        import_file(ws, path, path.stem, principal=ADMIN)
    wide = LinkageSpec(review_low=0.01, review_high=0.99999)
    full = link_workspace(ws, spec=wide, principal=ADMIN).review_queue
    assert full > 3
    monkeypatch.setenv("SHOMAR_REVIEW_QUEUE_MAX", "3")
    capped = link_workspace(ws, spec=wide, principal=ADMIN)
    assert capped.review_queue == 3
    values = [i.value for i in review_items(ws, principal=ADMIN)]
    assert len(values) == 3 and values == sorted(values, reverse=True)
