"""Importing a list: the raw bytes kept, every row validated, all or nothing stored.

An import has two phases. The read phase (:func:`shomar.ingest.prepare.prepare`) reads, parses
and checks the whole file with no write lock held; every problem is collected (file, sheet,
row, column, value, what is wrong, how to fix it), and if there is any,
:class:`~shomar.errors.ImportValidationError` lists them all and nothing was written. The write
phase then stores the checked rows in one transaction. The same bytes imported twice are
recognised by their SHA-256 and refused (checked again inside the write transaction), so
nothing is added twice; the raw bytes are moved into place only after the commit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import json
import operator
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from shomar.domain.names_key import event_key
from shomar.domain.said import said
from shomar.domain.wording import quoted
from shomar.errors import AlreadyImportedError, ImportValidationError, InputError
from shomar.ingest import packed
from shomar.ingest.cells import is_invisible
from shomar.ingest.column_words import suggested_column
from shomar.ingest.detect import (
    WORKBOOK_FORMATS,
    check_named_encoding,
    detect_encoding,
    scan_file,
    sniff_format,
)
from shomar.ingest.files import check_text_codec, display_name, printable
from shomar.ingest.header import header_hint
from shomar.ingest.mapping import NAME_COLUMNS, Mapping, load_mapping
from shomar.ingest.prepare import Prepared, prepare
from shomar.ingest.problems import Problem
from shomar.ingest.readers import Table as ListTable
from shomar.ingest.readers import open_table
from shomar.ingest.spool import Spool
from shomar.readable import check_readable_file
from shomar.security.principal import Principal
from shomar.services.access import authorize
from shomar.services.documents import find_document, find_source
from shomar.store.audit import append_audit
from shomar.store.bulk import insert_values
from shomar.store.dialects import serialize
from shomar.store.integrity import DIGEST_KEY, Attestation, hash_piece, record_hash_of
from shomar.store.keyring import KeyRing
from shomar.store.tables import (
    SOURCE_KINDS,
    CustodyEntry,
    Document,
    Event,
    Record,
    RecordNameKey,
    Source,
    utcnow,
)
from shomar.store.workspace import Workspace

RECORDS = cast(Table, Record.__table__)
#: the records' JSON columns that the read phase hands over as JSON text (``raw_row_texts``)
_JSON_TEXTS = frozenset({"raw_row"})
MEDIA_TYPES = {
    "csv": "text/csv",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xls": "application/vnd.ms-excel",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}


@dataclass
class ImportReport:
    """What an import did (or, with ``dry_run``, would do)."""

    file: str
    source: str
    sha256: str
    size: int
    format: str
    encoding: str | None
    sheet: str | None
    delimiter: str | None
    rows: int
    records_added: int
    dry_run: bool
    document_id: int | None = None
    source_kind: str = "other"
    versions_added: int = 0
    columns_used: dict[str, str] = field(default_factory=dict)
    columns_ignored: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    mapping: str | None = None
    replaces_document_id: int | None = None
    rows_skipped: int = 0
    #: whether the full names are written family name first (``detect_name_order``'s vote)
    name_order: dict[str, Any] | None = None
    #: two-digit years read with an inferred century: ``{"dates", "read_as", "hint"}`` each
    two_digit_years: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@contextlib.contextmanager
def _gc_paused(pause: bool) -> Iterator[None]:
    """Pause the cyclic garbage collector while rows stream through.

    An import allocates millions of small acyclic objects; the collector's repeated full passes
    over them cost more than the import itself. Memory stays bounded by the batch size.
    """
    if not pause:
        yield
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _DryRunRollback(Exception):
    """Raised inside the transaction to undo a dry run."""


#: the longest source name the store keeps (``sources.name`` is VARCHAR(200) on PostgreSQL)
MAX_SOURCE_NAME = 200


def _check_source_name(source_name: str) -> None:
    """Refuse a source name that is not text a person can read back: bytes that are not
    UTF-8, nothing visible (spaces, ZWNJ), control characters such as NUL, or too long."""
    if printable(source_name) != source_name:
        raise InputError(
            said(
                "The source name %(name)s is not valid text (bytes that are not UTF-8).",
                name=f"'{printable(source_name)}'",
            ),
            hint=said("Name the source in UTF-8 text: --source NAME."),
        )
    if not source_name.strip() or is_invisible(source_name):
        raise InputError(
            said("The source name is empty."),
            hint=said("Name who reported the list: --source NAME."),
        )
    if any(unicodedata.category(c) == "Cc" for c in source_name):
        raise InputError(
            said(
                "The source name %(name)s holds a control character (such as NUL or a line break).",
                name=repr(source_name),
            ),
            hint=said("Name the source in one line of text: --source NAME."),
        )
    if len(source_name) > MAX_SOURCE_NAME:
        raise InputError(
            said(
                "The source name is %(length)s characters; at most %(most)s are kept.",
                length=len(source_name),
                most=MAX_SOURCE_NAME,
            ),
            hint=said("Give a shorter name: --source NAME."),
        )


def import_file(
    ws: Workspace,
    path: str | Path,
    source_name: str,
    *,
    mapping_path: str | Path | None = None,
    dry_run: bool = False,
    sheet: str | None = None,
    encoding: str | None = None,
    source_kind: str = "other",
    principal: Principal,
    progress: Callable[[int], None] | None = None,
    header_row: int | None = None,
    replace: str | None = None,
    pause_gc: bool = False,
) -> ImportReport:
    """Import one CSV, XLSX, XLS, ODS or JSON list from ``source_name``; all or nothing.

    ``header_row`` is the row holding the column names (as a spreadsheet numbers it; default
    the first non-empty row). ``replace`` names a document (its id, or a unique SHA-256 prefix
    of 8+ hex characters) that this import supersedes: the file may then be the same bytes read
    with another mapping or source; the old document's records leave every count (they are
    kept).

    ``pause_gc`` pauses the cyclic garbage collector during the import (much faster on large
    files). Only a one-command process (the CLI) may ask for it: the collector is process-wide
    state, so a server or a job worker leaves it running.
    """
    authorize(ws, principal, "records.import", f"file:{display_name(path)}")
    file = Path(path)
    check_readable_file(file)
    _check_source_name(source_name)
    actor = principal.name
    if source_kind not in SOURCE_KINDS:
        raise InputError(
            said("Unknown source kind %(kind)s.", kind=quoted(source_kind)),
            hint=said("Use one of: %(values)s.", values=", ".join(SOURCE_KINDS)),
        )
    mapping = load_mapping(Path(mapping_path) if mapping_path else None)
    scan = scan_file(file)
    if scan.size == 0:
        raise InputError(
            said("%(file)s: the file is empty.", file=display_name(file)),
            hint=said("Expected a header row and data rows."),
        )
    replaced_id = None
    with ws.read_session() as session:
        if replace is not None:
            old = find_document(session, replace)
            if old.status != "active":
                raise InputError(
                    said("Document %(doc)s is %(status)s; only an active document can be "
                         "replaced.", doc=str(old.id), status=old.status),
                    hint=said("See `shomar documents list`."),
                )  # fmt: skip
            replaced_id = old.id
        _refuse_duplicate(session, file, scan.sha256, replaced_id)
    fmt = sniff_format(file, scan.head)
    if sheet is not None and fmt not in WORKBOOK_FORMATS:
        raise InputError(
            said("%(file)s: --sheet %(sheet)s, but a %(format)s file has no sheets.",
                 file=display_name(file), sheet=quoted(sheet), format=fmt.upper()),
            hint=said("Leave --sheet out: the whole file is one list."),
        )  # fmt: skip
    chosen_encoding = None
    if encoding is not None:
        check_text_codec(encoding, "--encoding")
    if mapping.encoding is not None:
        check_text_codec(mapping.encoding, "the mapping's `encoding`")
    if fmt in ("csv", "json"):
        chosen_encoding = encoding or mapping.encoding or detect_encoding(file, scan)
        check_named_encoding(file, chosen_encoding, scan.head)
    table = open_table(
        file, fmt, chosen_encoding, sheet or mapping.sheet, header_row or mapping.header_row
    )
    with _columns_on_refusal(table, mapping):
        _check_mapping_keys(file, table.header, mapping)
    fields = mapping.resolve(table.header)
    sealed = mapping.sensitive_indexes(table.header)  # kept encrypted, not "ignored"
    report = ImportReport(
        file=display_name(file),
        source=source_name,
        sha256=scan.sha256,
        size=scan.size,
        format=fmt,
        encoding=chosen_encoding,
        sheet=table.sheet,
        delimiter=table.delimiter,
        rows=0,
        records_added=0,
        dry_run=dry_run,
        source_kind=source_kind,
        columns_used={table.header[i]: name for i, name in fields.items()},
        columns_ignored=[
            h or f"(column {i + 1}, no header)"
            for i, h in enumerate(table.header)
            if i not in fields and not mapping.ignored(h) and i not in sealed
        ],
        mapping=mapping.name or None,
        replaces_document_id=replaced_id,
    )
    with _columns_on_refusal(table, mapping):
        _check_header(file, table.header, fields, table.delimiter, mapping, table)
    with _gc_paused(pause_gc), ws.read_session() as session:
        windows = _event_windows(session)
    with Spool() as spool:
        with _gc_paused(pause_gc), _columns_on_refusal(table, mapping):
            # read, parse and check it all, outside any write lock
            prepared = prepare(report.file, table, fields, mapping, windows, spool, progress)
        report.rows, report.rows_skipped = prepared.rows, prepared.rows_skipped
        report.name_order = prepared.name_order.to_dict() if prepared.name_order else None
        report.two_digit_years = prepared.two_digit_years()
        report.warnings += prepared.notes()
        report.warnings += table.notes
        if _hooks.before_write is not None:
            _hooks.before_write(report)
        staged: list[Path] = []  # the encrypted raw bytes, moved into place after the commit
        try:
            with prepared.spool, ws.session() as session, _gc_paused(pause_gc):
                _store(
                    ws, session, file, scan.sha256, scan.size, prepared, mapping, report, actor,
                    staged,
                )  # fmt: skip
                if dry_run:
                    raise _DryRunRollback
        except _DryRunRollback:
            pass
        except BaseException:
            for pending in staged:
                ws.discard_blob(pending)
            raise
    for pending in staged:
        ws.publish_blob(scan.sha256, pending)
    return report


@contextlib.contextmanager
def _columns_on_refusal(table: ListTable, mapping: Mapping) -> Iterator[None]:
    """A refused import says which of the file's columns fed which field: what a mapping (on
    the upload page: its "Read as" choices) would change."""
    try:
        yield
    except ImportValidationError as exc:
        fields = mapping.resolve(table.header)
        exc.columns = {h: fields.get(i) for i, h in enumerate(table.header) if h}
        raise


class _Hooks:
    """Test seams: ``before_write(report)`` runs after the file is read and checked, before
    the write transaction opens (a test pauses an import there to show that other writers
    are not blocked while a file is parsed)."""

    before_write: Callable[[ImportReport], None] | None = None


_hooks = _Hooks()


def _refuse_duplicate(
    session: Session, file: Path, sha256: str, replaced_id: int | None = None
) -> None:
    """Refuse bytes already imported as an active document (unless this import replaces it)."""
    existing = session.scalars(
        select(Document).where(
            Document.sha256 == sha256,
            Document.status == "active",
            *([Document.id != replaced_id] if replaced_id is not None else []),
        )
    ).first()
    if existing is None:
        return
    source = session.get(Source, existing.source_id)
    raise AlreadyImportedError(
        said(
            "%(file)s: these exact bytes (SHA-256 %(sha)s…) were already imported as document "
            "%(doc)s (%(name)s, source %(source)s, %(when)s); nothing was added.",
            file=display_name(file),
            sha=sha256[:12],
            doc=str(existing.id),
            name=quoted(existing.original_name),
            source=quoted(source.name if source else "?"),
            when=f"{existing.received_at:%Y-%m-%d %H:%M}",
        ),
        hint=f"To read them again with another mapping or source: shomar import {file.name} "
        f"--replace {existing.id} ...; to take them out: shomar documents withdraw "
        f"{existing.id} --reason TEXT. To correct records, import a corrected file.",
        document_id=existing.id,
    )


def _check_mapping_keys(file: Path, header: tuple[str, ...], mapping: Mapping) -> None:
    """Every ``[columns]`` key must name a column: a typo must not drop a field silently."""
    problems = []
    for key, close in mapping.unmatched(header):
        problems.append(
            Problem(
                file.name,
                said(
                    "the mapping names the column %(column)s, which the file does not have "
                    "(closest: %(closest)s)",
                    column=quoted(key),
                    closest=", ".join(quoted(c) for c in close),
                )
                if close
                else said(
                    "the mapping names the column %(column)s, which the file does not have",
                    column=quoted(key),
                ),
                said(
                    "Correct the name in the mapping (letter forms, spaces and case do not "
                    "matter), or move it to [optional_columns]"
                ),
                row=1,
                column=key,
            )
        )
    if problems:
        summary = "\n".join(f"  - {p}" for p in problems)
        raise ImportValidationError(
            f"{len(problems)} problem(s) found; nothing was imported:\n{summary}", problems
        )


def _check_header(
    file: Path,
    header: tuple[str, ...],
    fields: dict[int, str],
    delimiter: str | None,
    mapping: Mapping,
    table: Any = None,
) -> None:
    clashes = [
        Problem(
            display_name(file),
            said(
                "columns %(first)s and %(second)s both give %(field)s",
                first=quoted(first),
                second=quoted(second),
                field=field,
            ),
            said("Rename or map one of them (--mapping), or remove it"),
            row=1,
            column=second,
        )
        for first, second, field in mapping.conflicts(header)
    ]
    if clashes:
        summary = "\n".join(f"  - {p}" for p in clashes)
        raise ImportValidationError(
            f"{len(clashes)} problem(s) found; nothing was imported:\n{summary}", clashes
        )
    if any(name in fields.values() for name in NAME_COLUMNS):
        return
    hint: str = said(
        "Name the columns as in the canonical list (record_id, full_name, given_name, "
        "family_name, father_name, sex, age, birth_date, date, place, province, violation, "
        "event, notes), or map yours with --mapping FILE."
    )
    usual = [(h, c) for h in header if (c := suggested_column(h)) is not None]
    if any(c in NAME_COLUMNS for _, c in usual):
        hint = said(
            "Map your columns with --mapping FILE: a TOML file whose [columns] table says, for "
            "these, %(pairs)s (check each: these are only the fields such names usually hold).",
            pairs=", ".join(f"{json.dumps(h, ensure_ascii=False)} = {json.dumps(c)}"
                            for h, c in usual),
        )  # fmt: skip
    if len(header) == 1 and any(d in header[0] for d in ",;\t|"):
        hint = said(
            "The header is one single column %(header)s: the file is probably delimited by "
            "another character than the one detected, or the header is quoted as one cell.",
            header=quoted(header[0]),
        )
    if table is not None:
        hint = header_hint(table, mapping, NAME_COLUMNS) or hint
    found = ", ".join(repr(h[:60]) for h in header[:30]) + (", ..." if len(header) > 30 else "")
    problem = Problem(
        display_name(file),
        said(
            "missing required column: one of full_name, given_name or family_name "
            "(found: %(found)s)",
            found=found or "nothing",
        ),
        hint,
        row=table.header_row if table is not None else 1,
        sheet=table.sheet if table is not None else None,
    )
    raise ImportValidationError(f"1 problem found; nothing was imported:\n  - {problem}", [problem])


def _event_windows(session: Session) -> dict[str, tuple[dt.date, dt.date, str]]:
    """Events with a time window, by the match key of each of their names: the century hint of
    a two-digit year in a row naming the event."""
    out: dict[str, tuple[dt.date, dt.date, str]] = {}
    for name, name_fa, start, end in session.execute(
        select(Event.name, Event.name_fa, Event.start_date, Event.end_date)
    ):
        if start is None or end is None:
            start = end = start or end
        if start is None or end is None:
            continue
        window = (start, end, name)
        for text in (name, name_fa):
            if text:
                out[event_key(text)] = window
    return out


def _store(
    ws: Workspace,
    session: Session,
    file: Path,
    sha256: str,
    size: int,
    prepared: Prepared,
    mapping: Mapping,
    report: ImportReport,
    actor: str,
    staged: list[Path],
) -> None:
    """The write phase: the rows read and checked before are stored in one transaction."""
    serialize(session, "sources")  # looked up, then maybe added: one writer at a time
    _refuse_duplicate(session, file, sha256, report.replaces_document_id)  # again, serialised
    if report.replaces_document_id is not None:
        old = session.get(Document, report.replaces_document_id)
        if old is None or old.status != "active":
            raise InputError(
                said(
                    "Document %(doc)s was withdrawn or replaced while this file was read; "
                    "nothing was imported.",
                    doc=str(report.replaces_document_id),
                ),
                hint=said("See `shomar documents list`."),
            )
    ring = ws.keyring()
    attestation = Attestation()
    source = find_source(session, report.source)
    known_source = source is not None  # a new source has no earlier versions to look up
    if source is None:
        source = Source(name=report.source, kind=report.source_kind, created_by=actor)
        session.add(source)
        session.flush()
    elif source.kind != report.source_kind and report.source_kind != "other":
        report.warnings.append(
            f"the source {quoted(source.name)} already exists with kind {quoted(source.kind)}; "
            f"--kind {report.source_kind} was not applied"
        )
    report.source = source.name
    report.source_kind = source.kind
    document = Document(
        source_id=source.id,
        sha256=sha256,
        size=size,
        media_type=MEDIA_TYPES[report.format],
        original_name=display_name(file),
        encoding=report.encoding,
        sheet=report.sheet,
        received_by=actor,
    )
    session.add(document)
    session.flush()
    events = {
        event_key(name): event_id
        for event_id, name, name_fa in session.execute(select(Event.id, Event.name, Event.name_fa))
        for name in (name, name_fa)
        if name
    }
    unmatched: dict[str, int] = {}
    # by distinct value: a list names few events, and keying one is far dearer than a lookup
    event_of = functools.lru_cache(maxsize=4096)(lambda text: events.get(event_key(text)))
    now = utcnow()
    constants = {
        "version": 1,
        "source_id": source.id,
        "document_id": document.id,
        "created": now,
        "created_by": actor,
    }
    from shomar.services.records import refresh_name_index

    # the search index, in the import's own transaction: records no one indexed yet (almost
    # always none), then each batch's records as they are written
    refresh_name_index(session)
    writer = _BatchWriter(
        session, ring, attestation, report, constants, event_of, unmatched, known_source
    )
    for batch in prepared.spool:
        writer.write(batch)
    if report.rows_skipped:
        report.warnings.append(
            f"{report.rows_skipped:,} row(s) of another kind than {', '.join(mapping.row_keep)} "
            f"(column {quoted(mapping.row_column)}) were not imported"
        )
    for text, count in sorted(unmatched.items(), key=lambda item: -item[1])[:5]:
        report.warnings.append(
            f"{count:,} record(s) name the event {quoted(text)}, which is not defined: they count "
            "toward no event until it is (shomar events add NAME, or --name-fa)"
        )
    if report.versions_added:
        report.warnings.append(
            f"{report.versions_added} record_id(s) were already known from this source: the new "
            "rows are stored as new versions of those records (the old versions are kept)"
        )
    document.rows = report.rows
    report.records_added = report.rows - report.rows_skipped
    report.document_id = document.id
    if report.replaces_document_id is not None:
        _supersede(session, report.replaces_document_id, document.id, actor)
    session.add(
        CustodyEntry(
            document_id=document.id,
            action="received",
            actor=actor,
            note=f"imported from {display_name(file)}",
        )
    )
    append_audit(
        session,
        actor,
        "import",
        f"document:{document.id}",
        {
            "file": display_name(file),
            "sha256": sha256,
            "records": report.rows,
            "source": report.source,
            DIGEST_KEY: attestation.payload(),
        },
    )
    if not report.dry_run:
        staged.append(_stage_bytes(ws, file, sha256))


#: the columns the write phase adds to a packed row's FIELDS, in this order
_ADDED = ("uid", "version", "supersedes_id", "event_id", "sensitive", "witness_index", "reason",
          "content_hash")  # fmt: skip


class _BatchWriter:
    """The write phase of one import: packed rows (:mod:`shomar.ingest.packed`) finished with
    what the store decides (identity, version, event, sealed fields, content hash) and
    inserted a batch at a time.

    A record's identity across versions is the source's record_id (in ASCII digits, so «۷»
    and "7" name the same record and ``review decide 1:7`` finds it) or, without one, its row:
    rows without a record_id can never be versions of another file's rows, their identity
    includes the document. A record_id the source reported before becomes that record's next
    version. The rows were checked before the transaction opened (a record_id twice in one
    file among them), so nothing here can find a problem with the file.
    """

    def __init__(
        self,
        session: Session,
        ring: KeyRing,
        attestation: Attestation,
        report: ImportReport,
        constants: dict[str, Any],
        event_of: Callable[[str], int | None],
        unmatched: dict[str, int],
        known_source: bool,
    ) -> None:
        self.session, self.ring, self.attestation, self.report = session, ring, attestation, report
        self.event_of, self.unmatched, self.known_source = event_of, unmatched, known_source
        source_id, document_id = constants["source_id"], constants["document_id"]
        self.prefixes = (f"{source_id}:", f"{source_id}:doc{document_id}:")
        self.source_id, self.document_id = source_id, document_id
        rest = {
            name: value
            for name, value in {**_row_template(), **constants}.items()
            if name not in packed.FIELDS and name not in _ADDED
        }
        self.names = (*packed.FIELDS, *_ADDED, *rest)
        self.rest = tuple(rest.values())
        self.tails = {
            reason: hash_piece((constants["created"], constants["created_by"], reason))
            for reason in ("", _REPORTED_AGAIN)
        }

    def write(self, batch: list[tuple[Any, ...]]) -> None:
        if not batch:
            return
        prefixes, event_of, unmatched = self.prefixes, self.event_of, self.unmatched
        uids = [prefixes[row[packed.IN_DOCUMENT]] + row[packed.UID_TAIL] for row in batch]
        previous = _latest_versions(self.session, uids) if self.known_source else {}
        head_ids, stamp = (self.source_id, self.document_id), self.attestation.add
        ring, tails, rest = self.ring, self.tails, self.rest
        rows = []
        for row, uid in zip(batch, uids, strict=True):
            event_text = row[packed.EVENT_TEXT]
            event_id = event_of(event_text)
            if event_id is None and event_text:
                unmatched[event_text] = unmatched.get(event_text, 0) + 1
            version, supersedes_id, reason = 1, None, ""
            if previous and uid in previous:
                supersedes_id, version = previous[uid]
                version += 1
                reason = _REPORTED_AGAIN
                self.report.versions_added += 1
            sensitive = witness_index = None
            secret = row[packed.SECRET]
            if secret is not None:
                tier = row[packed.at("confidentiality")]
                sensitive = ring.seal_record_fields(secret, uid=uid, version=version, tier=tier)
                witness_index = ring.witness_index(secret.get("witness_name", ""))
            content_hash = record_hash_of(
                (uid, version, supersedes_id, *head_ids),
                row[packed.BEFORE_EVENT],
                event_id,
                row[packed.AFTER_EVENT],
                (sensitive, witness_index),
                row[packed.RAW_HASHED],
                tails[reason],
            )
            stamp(content_hash)
            added = (uid, version, supersedes_id, event_id, sensitive, witness_index, reason,
                     content_hash)  # fmt: skip
            rows.append((*row[packed.AT :], *added, *rest))
        insert_values(self.session, RECORDS, self.names, rows, _JSON_TEXTS)
        _index_names(self.session, self.document_id, batch)
        batch.clear()
        del rows  # freed before the collection below, which then scans only what survives
        gc.collect(0)  # the young objects only: memory stays flat, and survivors are not rescanned


#: the reason of a record's new version
_REPORTED_AGAIN = "re-reported in a later document"


@functools.cache
def _row_template() -> dict[str, Any]:
    """Every insertable column with its default, so a batch is one executemany statement."""
    template: dict[str, Any] = {}
    for column in RECORDS.columns:
        if column.primary_key:
            continue
        default = getattr(column.default, "arg", None)
        template[column.name] = None if callable(default) else default
    template["raw_row"] = []
    return template


def _index_names(session: Session, document_id: int, batch: list[tuple[Any, ...]]) -> None:
    """The name-search keys of a batch just inserted (made in the read phase): its row ids, in
    insertion order, are the document's ids after the last one indexed (this transaction alone
    writes them)."""
    from shomar.services.records import insert_name_keys

    done = session.scalar(select(func.max(RecordNameKey.record_id))) or 0
    ids = session.scalars(
        select(Record.id)
        .where(Record.document_id == document_id, Record.id > done)
        .order_by(Record.id)
    ).all()
    if len(ids) != len(batch):  # cannot happen: the rows were inserted in this transaction
        raise AssertionError(f"{len(ids)} new row ids for a batch of {len(batch)} records")
    keys = map(operator.itemgetter(packed.NAME_KEYS), batch)
    insert_name_keys(session, list(zip(ids, keys, strict=True)))


def _latest_versions(session: Session, uids: list[str]) -> dict[str, tuple[int, int]]:
    """uid → (row id, version) of the latest stored version of each uid that has one."""
    latest = (
        select(Record.uid, func.max(Record.version).label("version"))
        .where(Record.uid.in_(uids))
        .group_by(Record.uid)
        .subquery()
    )
    return {
        uid: (record_id, version)
        for uid, record_id, version in session.execute(
            select(Record.uid, Record.id, Record.version).join(
                latest, (latest.c.uid == Record.uid) & (latest.c.version == Record.version)
            )
        )
    }


def _stage_bytes(ws: Workspace, file: Path, sha256: str) -> Path:
    """Encrypt the raw bytes into a pending blob (streaming); placed after the commit."""
    with file.open("rb") as src:
        return ws.stage_blob(sha256, iter(functools.partial(src.read, 1 << 20), b""))


def _supersede(session: Session, old_id: int, new_id: int, actor: str) -> None:
    """Mark document ``old_id`` as replaced by ``new_id`` (inside the import's transaction)."""
    old = session.get(Document, old_id)
    assert old is not None
    old.status = "replaced"
    old.replaced_by_id = new_id
    old.status_reason = f"replaced by document {new_id}"
    old.status_changed = utcnow()
    session.add(
        CustodyEntry(
            document_id=old_id, action="replaced", actor=actor, note=f"by document {new_id}"
        )
    )
    append_audit(session, actor, "document.replace", f"document:{old_id}", {"replaced_by": new_id})
