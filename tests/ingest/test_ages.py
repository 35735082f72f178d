"""Ages as lists write them (SYNTHETIC): units and approximations read, ranges refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from shomar.ingest.ages import Age, AgeProblem, read_age
from shomar.services.imports import import_file
from shomar.store.tables import Record
from shomar.store.workspace import Workspace
from support.hostile import refused
from support.principals import ADMIN


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("23", Age(23, False)),
        ("۲۳", Age(23, False)),
        ("٢٣", Age(23, False)),
        ("23.0", Age(23, False)),
        ("۲۳ سال", Age(23, False)),
        ("۲۳ ساله", Age(23, False)),
        ("23 years old", Age(23, False)),
        ("23 yrs", Age(23, False)),
        ("23 y/o", Age(23, False)),
        ("0", Age(0, False)),
        ("about 30", Age(30, True)),
        ("c. 30", Age(30, True)),
        ("حدود ۳۰ سال", Age(30, True)),
        ("حدوداً ۳۰", Age(30, True)),
        ("تقریبا ۳۰ ساله", Age(30, True)),
        ("30?", Age(30, True)),
    ],
)
def test_an_age_with_its_unit_or_approximation_is_read(text: str, age: Age) -> None:
    assert read_age(text) == age


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("16-17", "range or a decade"),
        ("۱۶ تا ۱۷", "range or a decade"),
        ("30s", "range or a decade"),
        ("دهه ۳۰", "range or a decade"),
        ("23.5", "whole number"),
        ("131", "whole number"),
        ("43789", "whole number"),
        ("young", "whole number"),
        ("-3", "whole number"),
    ],
)
def test_what_is_not_one_age_is_refused_with_a_hint(text: str, says: str) -> None:
    with pytest.raises(AgeProblem) as info:
        read_age(text)
    assert says in str(info.value)
    assert info.value.hint


def test_an_import_reads_the_ages_and_says_how_many_were_approximate(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "ages.csv"
    path.write_text(
        "full_name,age\nAli Testname,۲۳ ساله\nReza Testname,حدود ۳۰\nSara Testname,about 30\n"
        "Mina Testname,حدود ۳۰\n",
        encoding="utf-8",
    )
    report = import_file(workspace, path, "Ages (SYNTHETIC)", principal=ADMIN)
    with workspace.read_session() as session:
        ages = session.scalars(select(Record.age).order_by(Record.id)).all()
    assert ages == [23, 30, 30, 30]
    said = " ".join(report.warnings)
    assert "3 age(s) were written as approximate ('about 30' ×1, 'حدود ۳۰' ×2)" in said


def test_a_range_of_ages_is_refused_at_its_cell(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "range.csv"
    path.write_text("full_name,age\nAli Testname,23\nReza Testname,16-17\n", encoding="utf-8")
    from shomar.errors import ImportValidationError

    refused(workspace, path, "row 3, column 'age'", "range", error=ImportValidationError)
