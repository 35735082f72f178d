"""Web hardening replayed as attacks: cross-site POSTs, missing headers, forged form tokens."""

from __future__ import annotations

import pytest

from shomar.errors import InputError

from .conftest import WebWorld

HEADERS = {
    "content-security-policy": "default-src 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


@pytest.mark.parametrize("path", ["/en/", "/en/no-such-page", "/api/v1/records/none:none"])
def test_security_headers_on_200_and_404(world: WebWorld, path: str) -> None:
    response = world.client.get(path)
    for name, value in HEADERS.items():
        assert value in response.headers.get(name, ""), (path, name)
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_security_headers_on_500(world: WebWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    from shomar.web.routes import data

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("synthetic failure")

    monkeypatch.setattr(data, "events", boom)
    response = world.client.get("/en/events")
    assert response.status_code == 500
    for name, value in HEADERS.items():
        assert value in response.headers.get(name, "")
    assert "synthetic failure" not in response.text


def test_cross_site_post_is_refused(world: WebWorld) -> None:
    client = world.login("analyst")
    for headers in ({"sec-fetch-site": "cross-site"}, {"origin": "https://evil.example"}):
        response = client.post(
            "/en/review/decide",
            data={"a": world.uids["public"], "b": world.uids["restricted"], "verdict": "same"},
            headers=headers,
            follow_redirects=False,
        )
        assert response.status_code == 403, headers


def test_form_without_the_session_token_is_refused(world: WebWorld) -> None:
    client = world.login("analyst")
    response = client.post(
        "/en/review/decide",
        data={"a": world.uids["public"], "b": world.uids["restricted"], "verdict": "same",
              "csrf": "forged"},
        headers={"sec-fetch-site": "same-origin"},
        follow_redirects=False,
    )  # fmt: skip
    assert response.status_code == 403


def test_session_cookie_flags(world: WebWorld) -> None:
    response = world.client.post(
        "/en/sign-in",
        data={"username": "viewer", "password": "correct-horse-battery-Synthetic-42"},
        headers={"sec-fetch-site": "same-origin"},
        follow_redirects=False,
    )
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("__Host-shomar_session=")
    for flag in ("HttpOnly", "Secure", "Path=/", "SameSite=lax"):
        assert flag.lower() in cookie.lower()
    assert "domain=" not in cookie.lower()


def test_serve_refuses_public_host_without_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    from shomar.cli.serve_cmd import check_server_settings

    monkeypatch.delenv("SHOMAR_SECRET_KEY", raising=False)
    check_server_settings("127.0.0.1")
    with pytest.raises(InputError, match="SHOMAR_SECRET_KEY"):
        check_server_settings("0.0.0.0")
    monkeypatch.setenv("SHOMAR_SECRET_KEY", "s" * 40)
    check_server_settings("0.0.0.0")
