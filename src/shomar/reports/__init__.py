"""Reports: figures and one self-contained HTML (optionally PDF) report from a ReportData.

The services layer builds a :class:`ReportData` from the store; :func:`render_report` turns it
into HTML and :func:`write_report` writes it (and, with ``pdf=True``, prints it to PDF with
headless Chromium).
"""

from shomar.reports.data import (
    CategoryComparison,
    Claim,
    DateInterval,
    DocumentedCount,
    DocumentInfo,
    Estimate,
    EventReport,
    LinkageSummary,
    PersonMembership,
    ProvinceCount,
    Quantity,
    ReportData,
    SourceInfo,
)
from shomar.reports.html import render_report, write_report

__all__ = [
    "CategoryComparison",
    "Claim",
    "DateInterval",
    "DocumentInfo",
    "DocumentedCount",
    "Estimate",
    "EventReport",
    "LinkageSummary",
    "PersonMembership",
    "ProvinceCount",
    "Quantity",
    "ReportData",
    "SourceInfo",
    "render_report",
    "write_report",
]
