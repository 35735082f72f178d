"""What a file really is (CSV text, XLSX/XLS/ODS workbook, JSON) and how its text is encoded.

Encoding detection reads the whole file, not only its start: UTF-8 is checked over every byte
(while the file is hashed); a file that is not UTF-8 is read a second time line by line, and
its non-ASCII lines decide the encoding (Windows-1256, the encoding of Persian spreadsheets
saved on Windows, when they are Arabic-script text). A file whose lines are in two encodings
(it switches midway) is refused naming the first line that decodes differently; other
encodings are never guessed silently: charset-normalizer's guess is offered as a hint.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from shomar.domain.said import said
from shomar.errors import InputError
from shomar.ingest.files import display_name, password_protected

#: the formats that hold sheets (``--sheet`` picks one; the upload page offers them)
WORKBOOK_FORMATS = ("xlsx", "xls", "ods")

SNIFF_BYTES = 1 << 16
SAMPLE_BYTES = 1 << 16
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
#: the stream of an encrypted (password-protected) XLSX, as its OLE directory names it
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
KNOWN_BINARY = {
    b"%PDF": said("a PDF document"),
    b"\x89PNG": said("a PNG image"),
    b"\xff\xd8\xff": said("a JPEG image"),
    b"GIF8": said("a GIF image"),
}
EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xls": "xls",
    ".ods": "ods",
    ".json": "json",
}
NON_ASCII = re.compile(rb"[\x80-\xff]")


@dataclass(frozen=True)
class FileKind:
    format: str  # "csv" | "xlsx" | "xls" | "ods" | "json"
    encoding: str | None  # text files only


def known_binary(head: bytes) -> str | None:
    """What a file that is certainly not a list is ("a PDF document"), from its first bytes."""
    return next((what for magic, what in KNOWN_BINARY.items() if head.startswith(magic)), None)


#: markup that web sites and old Excel versions save under a .xls or .csv name
_HTML_START = (b"<!doctype html", b"<html", b"<table", b"<head", b"<body", b"<meta")
_SPREADSHEET_2003 = b"urn:schemas-microsoft-com:office:spreadsheet"


def markup_kind(head: bytes) -> str | None:
    """What a text file that is really a web page or an Excel 2003 XML workbook is, from
    its first bytes: a "download as Excel" button often saves an HTML table as ``.xls``,
    which would otherwise be read as a one-column list of tags."""
    start = head.lstrip(codecs.BOM_UTF8).lstrip()[:512].lower()
    if start.startswith(_HTML_START):
        return said("an HTML page (a web page's table saved under a spreadsheet's name?)")
    if start.startswith(b"<?xml") and _SPREADSHEET_2003 in head:
        return said("an Excel 2003 XML spreadsheet (SpreadsheetML)")
    return None


#: the hint of a file whose encoding changes midway
_PASTED_TOGETHER = said(
    "The file was probably pasted together from two exports. Save it again in one encoding "
    "(UTF-8), or import the parts separately."
)


def sniff_format(path: Path, head: bytes) -> str:
    """The format the bytes show; an extension that says otherwise is an error."""
    name = display_name(path)
    claimed = EXTENSIONS.get(path.suffix.lower())
    if what := known_binary(head):
        raise InputError(
            said("%(file)s: this is %(what)s, not a list Shomar can import.", file=name, what=what),
            hint=said(
                "Import CSV, XLSX, XLS, ODS or JSON files; export the list to one of these first."
            ),
        )
    if head.startswith(OLE_MAGIC):
        if encrypted_ooxml(path):
            raise password_protected(name)
        if claimed not in (None, "xls"):
            raise InputError(
                said(
                    "%(file)s: the extension says %(suffix)s, but the file is an old-style "
                    "Office document (.xls/.doc).",
                    file=name,
                    suffix=path.suffix,
                ),
                hint=said(
                    "Rename it to .xls if it is an Excel workbook, or export the sheet as CSV."
                ),
            )
        return "xls"
    if head.startswith(ZIP_MAGIC):
        kind = "ods" if ODS_MIMETYPE in head[:200] else "xlsx"
        if claimed not in (None, kind):
            raise InputError(
                said(
                    "%(file)s: the extension says %(suffix)s, but the file is a ZIP archive (an "
                    "%(kind)s workbook?).",
                    file=name,
                    suffix=claimed.upper(),
                    kind=kind.upper(),
                ),
                hint=said(
                    "Rename it to .%(kind)s if it is a workbook, or export the sheet as CSV.",
                    kind=kind,
                ),
            )
        return kind
    if what := markup_kind(head):
        raise InputError(
            said("%(file)s: this is %(what)s, not a list Shomar can import.", file=name, what=what),
            hint=said(
                "Open it in Excel or LibreOffice and save it as XLSX or CSV (UTF-8), then "
                "import that file."
            ),
        )
    if claimed in WORKBOOK_FORMATS:
        raise InputError(
            said(
                "%(file)s: the extension says %(suffix)s, but the file is not a workbook (its "
                "bytes look like text).",
                file=name,
                suffix=claimed.upper(),
            ),
            hint=said(
                "Rename it to .csv if it is a text list, or save it from the spreadsheet as "
                ".%(kind)s.",
                kind=claimed,
            ),
        )
    stripped = head.lstrip(codecs.BOM_UTF8).lstrip()
    if claimed == "json" or (claimed is None and stripped[:1] in (b"[", b"{")):
        return "json"
    return "csv"


def encrypted_ooxml(path: Path, chunk_size: int = 1 << 20) -> bool:
    """Whether an OLE file is an encrypted XLSX/DOCX: a password-protected Office file is an
    OLE container holding a stream named ``EncryptedPackage`` (its directory may be anywhere
    in the file, so the whole file is searched, a chunk at a time)."""
    tail = b""
    with path.open("rb") as handle:
        while chunk := handle.read(chunk_size):
            if ENCRYPTED_PACKAGE in tail + chunk:
                return True
            tail = chunk[-len(ENCRYPTED_PACKAGE) :]
    return False


@dataclass(frozen=True)
class Scan:
    """One streaming pass over the raw bytes: hash, size, the head, and UTF-8 validity."""

    sha256: str
    size: int
    head: bytes
    utf8_error_offset: int | None
    utf8_error_line: int | None
    #: the first line holding non-ASCII bytes that are valid UTF-8, before any UTF-8 error
    utf8_text_line: int | None = None


def scan_file(path: Path, chunk_size: int = 1 << 20) -> Scan:
    """Hash the file and check it is valid UTF-8, in bounded memory."""
    import hashlib

    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    head = b""
    size = 0
    lines = 0
    error_offset: int | None = None
    error_line: int | None = None
    text_line: int | None = None
    with path.open("rb") as handle:
        while chunk := handle.read(chunk_size):
            digest.update(chunk)
            if len(head) < SNIFF_BYTES:
                head += chunk[: SNIFF_BYTES - len(head)]
            if error_offset is None:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    error_offset = size + max(exc.start, 0)
                    error_line = lines + chunk.count(b"\n", 0, max(exc.start, 0)) + 1
                if text_line is None and not chunk.isascii():
                    found = NON_ASCII.search(chunk)
                    assert found is not None
                    if error_offset is None or size + found.start() < error_offset:
                        text_line = lines + chunk.count(b"\n", 0, found.start()) + 1
            lines += chunk.count(b"\n")
            size += len(chunk)
    if error_offset is None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            error_offset, error_line = size, lines + 1
    return Scan(digest.hexdigest(), size, head, error_offset, error_line, text_line)


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the head reads as UTF-16 text (many NULs on one side)."""
    sample = head[:4096]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4 or sample.count(b"\x00") < len(sample) // 8:
        return None  # a NUL or two is a damaged text file, not UTF-16
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(name)
        except UnicodeDecodeError:
            continue
        readable = sum(1 for c in text if c.isprintable() or c in "\r\n\t")
        latin_or_arabic = sum(1 for c in text if ord(c) < 0x0800 or c in "\u200c\u200f\u200e")
        if readable >= 0.95 * len(text) and latin_or_arabic >= 0.9 * len(text):
            return name
    return None


def detect_encoding(path: Path, scan: Scan) -> str:
    """The text encoding: a BOM decides; else UTF-8 if valid, else UTF-16 or Windows-1256.

    Windows-1256 is accepted only when the non-ASCII lines, wherever they are in the file,
    are Arabic-script text in it and none of them is UTF-8; otherwise the bytes are reported
    as undecodable, with their position (and charset-normalizer's guess as a hint).
    """
    name = display_name(path)
    head = scan.head
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16's FF FE
        if scan.size % 4:
            raise InputError(
                said(
                    "%(file)s: the file is UTF-32 but its size is not a multiple of 4 bytes: it "
                    "is cut off or damaged; nothing was imported.",
                    file=name,
                ),
                hint=said("Export the list again, as UTF-8 if you can."),
            )
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        _check_utf16_text(name, head)
        _check_even(name, scan, "utf-16")
        return "utf-16"
    utf16 = _utf16_without_bom(head)
    if utf16 is not None:
        _check_even(name, scan, utf16)
        return utf16
    if scan.utf8_error_offset is None:
        return "utf-8"
    if scan.utf8_text_line is not None:
        raise InputError(
            said(
                "%(file)s, line %(line)s: the file switches encoding there: the lines before it "
                "are UTF-8 (non-ASCII text from line %(text_line)s), line %(line)s is not valid "
                "UTF-8; nothing was imported.",
                file=name,
                line=str(scan.utf8_error_line),
                text_line=str(scan.utf8_text_line),
            ),
            hint=_PASTED_TOGETHER,
        )
    return _legacy_encoding(path, name, scan)


def _check_utf16_text(name: str, head: bytes) -> None:
    """Refuse a UTF-16 byte-order mark before text that is not UTF-16 (UTF-8, usually).

    A tool that adds the mark to text it did not convert makes a file that decodes without
    error into CJK-looking characters: the header would not match and the rows be nonsense.
    Lists are Latin or Arabic-script text, whose UTF-16 characters are all below U+0800.
    """
    sample = head[2:4098]
    sample = sample[: len(sample) - len(sample) % 2]
    text = sample.decode("utf-16-be" if head.startswith(codecs.BOM_UTF16_BE) else "utf-16-le",
                         "replace")  # fmt: skip
    if not text or sum(1 for c in text if ord(c) < 0x0800) >= 0.5 * len(text):
        return
    actual: str | None = "UTF-8"
    try:
        head[2:].decode("utf-8")
    except UnicodeDecodeError as exc:
        actual = "UTF-8" if exc.start >= len(head) - 6 else None  # a character cut by the head
    raise InputError(
        said(
            "%(file)s: the file starts with a UTF-16 byte-order mark, but the text after it is "
            "%(actual)s, not UTF-16; nothing was imported.",
            file=name,
            actual=actual,
        )
        if actual
        else said(
            "%(file)s: the file starts with a UTF-16 byte-order mark, but the text after it is "
            "not UTF-16; nothing was imported.",
            file=name,
        ),
        hint=said(
            "The file was converted badly. Remove the first two bytes (in an editor: save it "
            "again as UTF-8), or export the list again."
        ),
    )


def _check_even(name: str, scan: Scan, encoding: str) -> None:
    if scan.size % 2:
        raise InputError(
            said(
                "%(file)s: the file looks like %(encoding)s text but has an odd number of bytes "
                "(%(size)s): its last character is cut off.",
                file=name,
                encoding=encoding.upper(),
                size=scan.size,
            ),
            hint=said("The file is truncated or damaged; export it again (as UTF-8 if you can)."),
        )


def _legacy_encoding(path: Path, name: str, scan: Scan) -> str:
    """Windows-1256 when every non-ASCII line reads as Arabic-script text in it."""
    sample = bytearray()
    first_legacy: int | None = None
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if line.isascii():
                continue
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                first_legacy = first_legacy or number
                if len(sample) < SAMPLE_BYTES:
                    sample += line
                continue
            if first_legacy is not None:
                raise InputError(
                    said(
                        "%(file)s, line %(line)s: the file switches encoding there: line "
                        "%(first)s and the lines after it are not UTF-8, line %(line)s is "
                        "UTF-8; nothing was imported.",
                        file=name,
                        line=str(number),
                        first=str(first_legacy),
                    ),
                    hint=_PASTED_TOGETHER,
                )
    if _looks_like_cp1256(bytes(sample)):
        return "cp1256"
    guess = _charset_guess(bytes(sample))
    hint = (
        said(
            "Save the file as UTF-8 (in Excel: 'CSV UTF-8'), or name its encoding with "
            "--encoding (it may be %(guess)s: --encoding %(guess)s).",
            guess=guess,
        )
        if guess
        else said(
            "Save the file as UTF-8 (in Excel: 'CSV UTF-8'), or name its encoding with --encoding."
        )
    )
    raise InputError(
        said(
            "%(file)s: line %(line)s, byte offset %(offset)s: the bytes there are not valid "
            "UTF-8, and the file does not look like UTF-16 or Windows-1256 either.",
            file=name,
            line=str(scan.utf8_error_line),
            offset=str(scan.utf8_error_offset),
        ),
        hint=hint,
    )


def guess_text_encoding(data: bytes) -> str | None:
    """A name for the encoding of ``data`` that is not UTF-8 (for error messages only)."""
    sample = data[:SAMPLE_BYTES]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(sample):
        return "UTF-16"
    if _looks_like_cp1256(sample):
        return "Windows-1256 (cp1256)"
    return _charset_guess(sample)


def _charset_guess(sample: bytes) -> str | None:
    """charset-normalizer's best guess for a sample (offered as a hint, never applied)."""
    if not sample:
        return None
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    best = from_bytes(sample).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    return str(best.encoding).replace("_", "-")


def _looks_like_cp1256(data: bytes) -> bool:
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return False
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return False
    arabic = sum(1 for c in non_ascii if "\u0600" <= c <= "\u06ff" or c in "\u200c\u200f\u200e")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\r\n\t")
    return arabic / len(non_ascii) >= 0.8 and controls == 0 and not _inside_latin_words(text)


#: a run of Arabic-script letters with a Latin letter right before or after it
_ARABIC_RUN = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+")


def _inside_latin_words(text: str) -> bool:
    """Whether most Arabic-script runs sit inside Latin words ("Josژ Mںller"): Latin text in
    another single-byte encoding (Mac Roman, DOS code pages) that only decodes as Windows-1256.
    Real Windows-1256 text keeps its Arabic-script words apart from Latin ones."""
    runs = glued = 0
    for match in _ARABIC_RUN.finditer(text):
        runs += 1
        before = text[match.start() - 1 : match.start()]
        after = text[match.end() : match.end() + 1]
        glued += any(c.isascii() and c.isalpha() for c in before + after)
    return runs > 0 and glued * 2 > runs


#: codecs that need a byte-order mark to know the byte order, and the marks they accept
_MARKED_CODECS = {
    "utf-16": (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE),
    "utf-32": (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE),
}


def check_named_encoding(path: Path, encoding: str, head: bytes) -> None:
    """Refuse ``--encoding utf-16`` (or ``utf-32``) for a file without the byte-order mark
    those codecs need: Python's decoder raised "stream does not start with BOM" mid-read."""
    canonical = codecs.lookup(encoding).name
    marks = _MARKED_CODECS.get(canonical)
    if marks is None or head.startswith(marks) or not head:
        return
    raise InputError(
        said(
            "%(file)s: the file has no %(encoding)s byte-order mark, so %(encoding)s cannot tell "
            "its byte order; nothing was imported.",
            file=display_name(path),
            encoding=canonical.upper(),
        ),
        hint=said(
            "Name the byte order: --encoding %(encoding)s-le or %(encoding)s-be, or leave out "
            "--encoding to detect it.",
            encoding=canonical,
        ),
    )
