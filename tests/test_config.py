"""Settings are read once per environment and read again when the environment changes."""

from __future__ import annotations

import pytest

from shomar.config import export_setting, settings


def test_the_same_environment_gives_the_same_settings() -> None:
    assert settings() is settings()


def test_a_changed_variable_is_seen_on_the_next_call(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOMAR_PAGE_SIZE", "17")
    assert settings().page_size == 17
    monkeypatch.setenv("SHOMAR_PAGE_SIZE", "18")
    assert settings().page_size == 18
    monkeypatch.delenv("SHOMAR_PAGE_SIZE")
    assert settings().page_size == 50


def test_a_lower_case_variable_counts_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SHOMAR_PAGE_SIZE", raising=False)
    before = settings().page_size
    monkeypatch.setenv("shomar_page_size", str(before + 1))
    assert settings().page_size == before + 1


def test_an_exported_setting_is_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOMAR_BUSY_TIMEOUT", "1")
    export_setting("busy_timeout", "2.5")
    assert settings().busy_timeout == 2.5
