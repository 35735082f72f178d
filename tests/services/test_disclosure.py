"""Small-cell suppression (DESIGN §6): counts over every record, small cells with hidden
records shown as "< 5" to a role that cannot see them, and never to one that can."""

from __future__ import annotations

from pathlib import Path

from shomar.services.comparison import compare_event
from shomar.services.events import add_event, get_event
from shomar.services.imports import import_file
from shomar.services.linkage import link_workspace
from shomar.services.stats import workspace_stats
from shomar.store.workspace import Workspace
from support.principals import ADMIN, ANALYST, DOCUMENTER, VIEWER

HEADER = "record_id,full_name,age,violation,event,confidentiality\n"


def _rows(prefix: str, event: str, tiers: list[str]) -> str:
    return "".join(
        f"{prefix}{i},Synthetic {prefix} Person {i},{20 + i},killing,{event},{tier}\n"
        for i, tier in enumerate(tiers)
    )


def test_a_stratum_of_three_confidential_records(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    ws = sqlite_workspace
    add_event(ws, "Hidden episode (synthetic)", principal=ADMIN)
    add_event(ws, "Mixed episode (synthetic)", principal=ADMIN)
    add_event(ws, "Open episode (synthetic)", principal=ADMIN)
    path = tmp_path / "list.csv"
    path.write_text(
        HEADER
        + _rows("h", "Hidden episode (synthetic)", ["confidential"] * 3)
        + _rows("m", "Mixed episode (synthetic)", ["public"] * 8 + ["confidential"] * 2)
        + _rows("o", "Open episode (synthetic)", ["public"] * 3),
        encoding="utf-8",
    )
    import_file(ws, path, "Synthetic NGO", principal=ADMIN)
    link_workspace(ws, principal=ADMIN)

    def records(event: str, who: object) -> object:
        return get_event(ws, event, principal=who).records  # type: ignore[arg-type]

    for partial in (DOCUMENTER, VIEWER):
        assert records("Hidden episode (synthetic)", partial) == "< 5"
        assert records("Mixed episode (synthetic)", partial) == 10  # big enough: all counted
        assert records("Open episode (synthetic)", partial) == 3  # nothing hidden in it
        documented = {v.event: v.documented for v in compare_event(ws, principal=partial)}
        assert documented["Hidden episode (synthetic)"] == "< 5"
        assert documented["Open episode (synthetic)"] == 3
        assert workspace_stats(ws, principal=partial)["records"] == 16
    for full in (ADMIN, ANALYST):
        assert records("Hidden episode (synthetic)", full) == 3
        documented = {v.event: v.documented for v in compare_event(ws, principal=full)}
        assert documented["Hidden episode (synthetic)"] == 3
