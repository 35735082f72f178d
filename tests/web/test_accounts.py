"""Accounts: Argon2id hashes, password rules, lockout, TOTP once only, sessions that rotate and
die with the account. Each is an attack replayed."""

from __future__ import annotations

from pathlib import Path

import pyotp
import pytest

from shomar.errors import ConflictError, InputError, PermissionDenied
from shomar.services import accounts
from shomar.store.tables import User
from shomar.store.workspace import Workspace
from support.principals import ADMIN, VIEWER

GOOD = "a-long-Synthetic-pass-9137"


def test_hash_is_argon2id(sqlite_workspace: Workspace) -> None:
    accounts.add_user(sqlite_workspace, "alice", "viewer", principal=ADMIN, password=GOOD)
    with sqlite_workspace.session() as session:
        stored = session.query(User).filter_by(username="alice").one().password_hash
    assert stored.startswith("$argon2id$") and GOOD not in stored


@pytest.mark.parametrize(
    ("password", "why"),
    [("short-pass", "shorter than 12"), ("passwordpassword", "common"),
     ("x" * 129, "longer than 128"), ("bob-is-my-name-ok", "user name")],
)  # fmt: skip
def test_weak_passwords_refused(sqlite_workspace: Workspace, password: str, why: str) -> None:
    with pytest.raises(InputError, match=why):
        accounts.add_user(sqlite_workspace, "bob", "viewer", principal=ADMIN, password=password)


def test_only_admins_manage_users(sqlite_workspace: Workspace) -> None:
    with pytest.raises(PermissionDenied):
        accounts.add_user(sqlite_workspace, "eve", "admin", principal=VIEWER)
    accounts.add_user(sqlite_workspace, "carol", "viewer", principal=ADMIN, password=GOOD)
    with pytest.raises(ConflictError):
        accounts.add_user(sqlite_workspace, "carol", "viewer", principal=ADMIN, password=GOOD)


def test_ten_bad_passwords_lock_the_account(sqlite_workspace: Workspace) -> None:
    accounts.add_user(sqlite_workspace, "dave", "viewer", principal=ADMIN, password=GOOD)
    for _ in range(10):
        with pytest.raises(InputError, match="Wrong user name or password"):
            accounts.sign_in(sqlite_workspace, "dave", "wrong-password-123", address="10.9.9.9")
    with pytest.raises(PermissionDenied, match="locked"):
        accounts.sign_in(sqlite_workspace, "dave", GOOD, address="10.9.9.8")


def test_unknown_user_and_wrong_password_look_alike(sqlite_workspace: Workspace) -> None:
    accounts.add_user(sqlite_workspace, "erin", "viewer", principal=ADMIN, password=GOOD)
    with pytest.raises(InputError) as unknown:
        accounts.sign_in(sqlite_workspace, "nobody", GOOD)
    with pytest.raises(InputError) as wrong:
        accounts.sign_in(sqlite_workspace, "erin", "wrong-password-123")
    assert unknown.value.message == wrong.value.message


def test_session_id_is_new_at_every_sign_in(sqlite_workspace: Workspace) -> None:
    accounts.add_user(sqlite_workspace, "frank", "viewer", principal=ADMIN, password=GOOD)
    first = accounts.sign_in(sqlite_workspace, "frank", GOOD)
    second = accounts.sign_in(sqlite_workspace, "frank", GOOD)
    assert first.session_id != second.session_id and len(first.session_id) >= 40
    state = accounts.session_state(sqlite_workspace, second.session_id)
    assert state is not None and state.principal.name == "frank"
    accounts.sign_out(sqlite_workspace, second.session_id)
    assert accounts.session_state(sqlite_workspace, second.session_id) is None


def test_disabled_user_session_is_dead(sqlite_workspace: Workspace) -> None:
    accounts.add_user(sqlite_workspace, "gina", "viewer", principal=ADMIN, password=GOOD)
    signed = accounts.sign_in(sqlite_workspace, "gina", GOOD)
    token = accounts.create_token(sqlite_workspace, "gina", principal=ADMIN)
    assert accounts.principal_for_token(sqlite_workspace, token) is not None
    accounts.set_disabled(sqlite_workspace, "gina", True, principal=ADMIN)
    assert accounts.session_state(sqlite_workspace, signed.session_id) is None
    assert accounts.principal_for_token(sqlite_workspace, token) is None
    with pytest.raises(InputError):
        accounts.sign_in(sqlite_workspace, "gina", GOOD)


def test_tokens_are_stored_hashed_and_revocable(sqlite_workspace: Workspace) -> None:
    accounts.add_user(sqlite_workspace, "hank", "analyst", principal=ADMIN, password=GOOD)
    token = accounts.create_token(sqlite_workspace, "hank", principal=ADMIN)
    db = Path(sqlite_workspace.path / "shomar.db").read_bytes()
    assert token.encode() not in db
    principal = accounts.principal_for_token(sqlite_workspace, token)
    assert principal is not None and principal.role == "analyst"
    assert accounts.revoke_tokens(sqlite_workspace, "hank", principal=ADMIN) == 1
    assert accounts.principal_for_token(sqlite_workspace, token) is None


def test_totp_required_and_a_code_works_once(
    sqlite_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHOMAR_SECOND_FACTOR_ROLES", "admin,analyst")
    accounts.add_user(sqlite_workspace, "ivy", "analyst", principal=ADMIN, password=GOOD)
    signed = accounts.sign_in(sqlite_workspace, "ivy", GOOD)
    assert signed.must_enrol
    state = accounts.session_state(sqlite_workspace, signed.session_id)
    assert state is not None and state.pending_second_factor
    secret, _ = accounts.begin_enrolment(sqlite_workspace, signed.session_id)
    code = pyotp.TOTP(secret).now()
    codes = accounts.finish_enrolment(sqlite_workspace, signed.session_id, secret, code)
    assert len(codes) == 10
    again = accounts.sign_in(sqlite_workspace, "ivy", GOOD)
    assert again.needs_second_factor
    with pytest.raises(InputError, match="not valid"):  # the enrolment code is spent
        accounts.complete_second_factor(sqlite_workspace, again.session_id, code)
    accounts.complete_second_factor(sqlite_workspace, again.session_id, codes[0])  # recovery
    state = accounts.session_state(sqlite_workspace, again.session_id)
    assert state is not None and not state.pending_second_factor
    third = accounts.sign_in(sqlite_workspace, "ivy", GOOD)
    with pytest.raises(InputError):  # a recovery code works once
        accounts.complete_second_factor(sqlite_workspace, third.session_id, codes[0])
