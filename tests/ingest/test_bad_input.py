"""Bad input: each case gives a clear error naming where, and leaves the store unchanged."""

from __future__ import annotations

import pytest

from shomar.errors import ImportValidationError, InputError
from shomar.services.imports import import_file
from shomar.store.workspace import Workspace
from support.principals import ADMIN
from support.store_snapshot import HEADER, ROWS, snapshot


def _fails(ws: Workspace, path, match: str, error: type[Exception] = InputError) -> str:  # type: ignore[no-untyped-def]
    before = snapshot(ws)
    with pytest.raises(error) as info:
        import_file(ws, path, "Bad", principal=ADMIN)
    assert snapshot(ws) == before, "a failed import must change nothing"
    message = str(info.value)
    assert match in message, message
    return message


def test_unbalanced_quotes(workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "q.csv", HEADER + '1,"Ali Rezaei,m,20,1367,Tehran,killing,E\n2,Sara,f,3,1367,x,y,E\n'
    )
    message = _fails(workspace, path, "row 2")
    assert "unbalanced quotes" in message and "q.csv" in message


def test_undecodable_bytes(sqlite_workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    path = write("u.csv", HEADER.encode() + b"1,\xff\xfe\xfd\x80 abc,m,1,1367,x,y,E\n")
    message = _fails(sqlite_workspace, path, "not valid UTF-8")
    assert "line 2" in message and "--encoding" in message


def test_wrong_delimiter_names_the_cause(sqlite_workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    text = '"record_id;full_name;date"\n"1;Ali;1367"\n'
    message = _fails(
        sqlite_workspace, write("w.csv", text), "missing required column", ImportValidationError
    )
    assert "delimited" in message


def test_missing_required_column(workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    message = _fails(
        workspace,
        write("m.csv", "record_id,date\n1,1367\n"),
        "missing required column",
        ImportValidationError,
    )
    assert "row 1" in message and "--mapping" in message


def test_impossible_and_unparseable_dates_all_reported(workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    text = "record_id,full_name,date\n1,Ali,30 Esfand 1398\n2,Sara,sometime\n3,Reza,1367\n"
    with pytest.raises(ImportValidationError) as info:
        before = snapshot(workspace)
        import_file(workspace, write("d.csv", text), "Bad", principal=ADMIN)
    assert snapshot(workspace) == before
    problems = info.value.problems
    assert [(p.row, p.column) for p in problems] == [(2, "date"), (3, "date")]  # type: ignore[attr-defined]
    assert "not a leap year" in str(problems[0])


def test_empty_file(sqlite_workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    _fails(sqlite_workspace, write("e.csv", b""), "empty")


def test_header_only(sqlite_workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    _fails(sqlite_workspace, write("h.csv", HEADER), "no data rows", ImportValidationError)


def test_duplicate_import(workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    path = write("dup.csv", HEADER + ROWS)
    import_file(workspace, path, "Once", principal=ADMIN)
    message = _fails(workspace, path, "already imported")
    assert "nothing was added" in message


def test_ten_megabyte_cell(sqlite_workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    big = "x" * (10 * 1024 * 1024)
    path = write("big.csv", f"record_id,full_name,notes\n1,Ali,{big}\n")
    message = _fails(sqlite_workspace, path, "the limit is", ImportValidationError)
    assert "row 2" in message and "'notes'" in message


def test_file_that_is_not_what_its_extension_says(sqlite_workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    _fails(sqlite_workspace, write("list.xlsx", HEADER + ROWS), "not a workbook")
    _fails(sqlite_workspace, write("list.csv", b"%PDF-1.7 binary"), "PDF")


def test_bad_cells_reported_together(sqlite_workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    text = "record_id,full_name,sex,age\n1,Ali,robot,200\n1,,m,3\n"
    with pytest.raises(ImportValidationError) as info:
        import_file(sqlite_workspace, write("c.csv", text), "Bad", principal=ADMIN)
    where = {(p.row, p.column) for p in info.value.problems}  # type: ignore[attr-defined]
    assert where == {(2, "sex"), (2, "age"), (3, "record_id"), (3, "full_name")}


def test_a_file_cut_off_in_the_middle_of_a_row_is_refused(workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    path = write("cut.csv", HEADER + "1,Ali Rezaei,m,20,1367,Tehran,killing,E\n2,Sara Kar")
    message = _fails(workspace, path, "cut.csv, row 3: the file ends in the middle of this row")
    assert "2 of " in message and "line break" in message


def test_a_complete_last_row_without_a_line_break_is_read(workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    complete = write("end.csv", HEADER + "1,Ali Rezaei,m,20,1367,Tehran,killing,E")
    assert import_file(workspace, complete, "S", principal=ADMIN).records_added == 1
    short = write("short.csv", HEADER + "1,Ali Rezaei,m,20,1367,Tehran\n")
    assert import_file(workspace, short, "T", principal=ADMIN).records_added == 1
