"""Headless Chromium for the report: print to PDF, screenshot to PNG, dump the rendered DOM.

Chromium is optional (``scripts/install-browser.sh`` installs it with apt). Every call runs a
fresh, throw-away profile with networking features off, and a time limit.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from shomar.errors import ShomarError

#: Names Chromium is installed under, in the order tried on ``PATH``.
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome", "chromium-headless-shell")
TIMEOUT_S = 120.0


class BrowserNotFound(ShomarError):
    """Chromium is not installed (``scripts/install-browser.sh`` installs it)."""


class BrowserFailed(ShomarError):
    """Chromium ran but did not produce its output."""


def find_chromium() -> Path | None:
    """The Chromium executable: ``SHOMAR_CHROMIUM``, then ``PATH``, then ``/usr/bin/chromium``."""
    from shomar.config import settings

    override = settings().chromium
    if override and override.is_file():
        return override
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return Path(found)
    fallback = Path("/usr/bin/chromium")
    return fallback if fallback.is_file() else None


def _require() -> Path:
    found = find_chromium()
    if found is None:
        raise BrowserNotFound(
            "Chromium was not found on PATH or at /usr/bin/chromium. Install it with "
            "`bash scripts/install-browser.sh` (Debian: `apt-get install chromium`), or set "
            "SHOMAR_CHROMIUM to its path."
        )
    return found


def _run(args: list[str], html: Path, timeout: float) -> subprocess.CompletedProcess[bytes]:
    chromium = _require()
    with tempfile.TemporaryDirectory(prefix="shomar-chromium-") as profile:
        command = [
            str(chromium),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--user-data-dir={profile}",
            *args,
            html.resolve().as_uri(),
        ]
        try:
            return subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise BrowserFailed(
                f"Chromium did not finish within {timeout:.0f} s on {html}."
            ) from exc


def _check_output(result: subprocess.CompletedProcess[bytes], out: Path, what: str) -> Path:
    if not out.is_file() or out.stat().st_size == 0:
        tail = result.stderr.decode("utf-8", "replace")[-800:]
        raise BrowserFailed(
            f"Chromium did not write the {what} {out} (exit {result.returncode}): {tail}"
        )
    return out


def print_pdf(html: Path, pdf: Path, timeout: float = TIMEOUT_S) -> Path:
    """Print the HTML file to PDF (A4, as its print stylesheet lays it out)."""
    pdf.unlink(missing_ok=True)
    result = _run(["--no-pdf-header-footer", f"--print-to-pdf={pdf.resolve()}"], html, timeout)
    return _check_output(result, pdf, "PDF")


def screenshot(
    html: Path, png: Path, width: int = 1280, height: int = 4000, timeout: float = TIMEOUT_S
) -> Path:
    """Render the HTML file and save a ``width`` x ``height`` screenshot as PNG."""
    png.unlink(missing_ok=True)
    result = _run(
        [
            f"--screenshot={png.resolve()}",
            f"--window-size={width},{height}",
            "--virtual-time-budget=5000",
        ],
        html,
        timeout,
    )
    return _check_output(result, png, "screenshot")


def dump_dom(html: Path, width: int = 1280, height: int = 4000, timeout: float = TIMEOUT_S) -> str:
    """The DOM after the page has loaded (and its scripts, if any, have run), serialized.

    The window size matters to scripts that measure layout; use the screenshot's.
    """
    result = _run(
        ["--dump-dom", f"--window-size={width},{height}", "--virtual-time-budget=5000"],
        html,
        timeout,
    )
    if result.returncode != 0 or not result.stdout:
        tail = result.stderr.decode("utf-8", "replace")[-800:]
        raise BrowserFailed(f"Chromium could not dump the DOM of {html}: {tail}")
    return result.stdout.decode("utf-8")
