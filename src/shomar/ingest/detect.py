"""What a file really is (CSV text, XLSX workbook, JSON) and how its text is encoded."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from shomar.errors import InputError

SNIFF_BYTES = 1 << 16
ZIP_MAGIC = b"PK\x03\x04"
KNOWN_BINARY = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\xd0\xcf\x11\xe0": "an old-style Excel/Word file (.xls/.doc)",
    b"GIF8": "a GIF image",
}
EXTENSIONS = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".json": "json"}


@dataclass(frozen=True)
class FileKind:
    format: str  # "csv" | "xlsx" | "json"
    encoding: str | None  # text files only


def sniff_format(path: Path, head: bytes) -> str:
    """The format the bytes show; an extension that says otherwise is an error."""
    said = EXTENSIONS.get(path.suffix.lower())
    for magic, what in KNOWN_BINARY.items():
        if head.startswith(magic):
            raise InputError(
                f"{path.name}: this is {what}, not a list Shomar can import.",
                hint="Import CSV, XLSX or JSON files; export the list to one of these first.",
            )
    if head.startswith(ZIP_MAGIC):
        if said not in (None, "xlsx"):
            raise InputError(
                f"{path.name}: the extension says {said.upper()}, but the file is a ZIP "
                "archive (an XLSX workbook?).",
                hint="Rename it to .xlsx if it is a workbook, or export the sheet as CSV.",
            )
        return "xlsx"
    if said == "xlsx":
        raise InputError(
            f"{path.name}: the extension says XLSX, but the file is not a workbook "
            "(it does not start like a ZIP archive; it looks like text).",
            hint="Rename it to .csv if it is a text list, or save it from Excel as .xlsx.",
        )
    stripped = head.lstrip(codecs.BOM_UTF8).lstrip()
    if said == "json" or (said is None and stripped[:1] in (b"[", b"{")):
        return "json"
    return "csv"


@dataclass(frozen=True)
class Scan:
    """One streaming pass over the raw bytes: hash, size, the head, and UTF-8 validity."""

    sha256: str
    size: int
    head: bytes
    utf8_error_offset: int | None
    utf8_error_line: int | None


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
            lines += chunk.count(b"\n")
            size += len(chunk)
    if error_offset is None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            error_offset, error_line = size, lines + 1
    return Scan(digest.hexdigest(), size, head, error_offset, error_line)


def detect_encoding(path: Path, scan: Scan) -> str:
    """The text encoding: a BOM decides; else UTF-8 if valid, else UTF-16 or Windows-1256.

    Windows-1256 (the usual encoding of Persian spreadsheets saved on Windows) is accepted only
    when the non-ASCII text it yields is Arabic-script letters; otherwise the bytes are
    reported as undecodable, with their position.
    """
    head = scan.head
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head[:4096]:
        even = head[0:4096:2].count(b"\x00")
        odd = head[1:4096:2].count(b"\x00")
        if odd > even:
            return "utf-16-le"
        if even > odd:
            return "utf-16-be"
    if scan.utf8_error_offset is None:
        return "utf-8"
    if _looks_like_cp1256(head):
        return "cp1256"
    offset = scan.utf8_error_offset
    raise InputError(
        f"{path.name}: line {scan.utf8_error_line}, byte offset {offset}: the bytes there are "
        "not valid UTF-8, and the file does not look like UTF-16 or Windows-1256 either.",
        hint="Save the file as UTF-8 (in Excel: 'CSV UTF-8'), or name its encoding with "
        "--encoding.",
    )


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
    return arabic / len(non_ascii) >= 0.8 and controls == 0
