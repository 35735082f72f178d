"""The refusals of :mod:`shomar.readable` (a path that is not a readable file, a small file
too large) are said: the CLI's English is what it was, and the web's catalog says them in
Persian, with the nested words (what the path is, what was expected) said too."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from shomar.domain.said import say
from shomar.errors import InputError
from shomar.readable import check_readable_file, read_small_file
from shomar.web.i18n import translations


def _refusal(path: Path) -> InputError:
    with pytest.raises(InputError) as refused:
        check_readable_file(path)
    return refused.value


def _persian(text: object) -> str:
    return say(text, translations("fa").gettext)


def test_a_folder_is_refused_in_english_and_said_in_persian(tmp_path: Path) -> None:
    refused = _refusal(tmp_path)
    assert refused.message == f"{tmp_path}: this is a folder, not a file."
    assert refused.hint == "Give the path of a CSV, XLSX, XLS, ODS or JSON file."
    assert _persian(refused.message) == f"{tmp_path}: این یک پوشه است، نه پرونده."
    assert _persian(refused.hint) == "نشانی یک پروندهٔ CSV، XLSX، XLS، ODS یا JSON را بدهید."


def test_a_named_pipe_and_a_missing_path_are_said_in_persian(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    assert "یک لولهٔ نام‌دار (FIFO) است، نه پرونده" in _persian(_refusal(pipe).message)
    missing = _refusal(tmp_path / "gone.csv")
    assert missing.message == f"{tmp_path / 'gone.csv'}: no such file."
    assert _persian(missing.message).endswith(": چنین پرونده‌ای نیست.")


def test_a_small_file_too_large_keeps_a_plain_expected_phrase_in_english(tmp_path: Path) -> None:
    """A CLI-only caller's ``expected`` is plain English: the sentence around it is said."""
    big = tmp_path / "article.txt"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(InputError) as too_large:
        read_small_file(big, expected="an article", limit=1024)
    refused = too_large.value
    assert refused.message == f"{big}: the file is 2,048 bytes; an article is at most 1,024."
    persian = say(refused.message, translations("fa").gettext, lambda n: f"<{n}>")
    assert persian == f"{big}: پرونده <2048> بایت است؛ an article حداکثر <1024> بایت است."
