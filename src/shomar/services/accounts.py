"""Accounts, sign-in, web sessions and API tokens (shared by the CLI and the web app).

- Passwords: Argon2id (:mod:`shomar.security.passwords`); a generated password is shown once.
- Sign-in: the same message for an unknown user and a wrong password; an account locks after
  ``lockout_threshold`` failures in a row and an address is limited per 15 minutes; both are
  recorded in ``sign_in_attempts`` and the audit chain.
- Second factor: TOTP, required for the roles in ``second_factor_roles``; a session that still
  owes it acts as nobody.
- Sessions: a random 256-bit id, stored only as its SHA-256, a new one at every sign-in, ended
  by sign-out, idle or absolute expiry, or disabling the user.
- API tokens: random, stored only as their SHA-256, revocable, acting with the user's role.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from shomar.config import settings
from shomar.errors import ConflictError, InputError, NotFoundError, PermissionDenied
from shomar.security.passwords import hash_password, password_problem, verify_and_update
from shomar.security.principal import Principal, Role
from shomar.security.second_factor import (
    accepted_step,
    new_recovery_codes,
    new_secret,
    provisioning_uri,
    use_recovery_code,
)
from shomar.services.access import authorize
from shomar.store.audit import append_audit
from shomar.store.tables import ROLES, ApiToken, SignInAttempt, User, WebSession, utcnow
from shomar.store.workspace import Workspace

TOKEN_PREFIX = "shm_"


@dataclass(frozen=True)
class UserInfo:
    name: str
    role: str
    disabled: bool
    second_factor: bool
    created: dt.datetime

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "role": self.role,
            "disabled": self.disabled,
            "second_factor": self.second_factor,
            "created": self.created.isoformat(),
        }


@dataclass(frozen=True)
class SignIn:
    """A new session: the cookie value (shown once) and what it still needs."""

    session_id: str
    csrf_token: str
    needs_second_factor: bool
    must_enrol: bool


@dataclass(frozen=True)
class SessionState:
    principal: Principal
    csrf_token: str
    pending_second_factor: bool
    must_enrol: bool


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _info(user: User) -> UserInfo:
    return UserInfo(user.username, user.role, user.disabled, bool(user.totp_secret), user.created)


def _user(session: Session, name: str) -> User:
    user = session.scalars(select(User).where(User.username == name)).first()
    if user is None:
        raise NotFoundError(f"No user {name!r}.", hint="`shomar users list` shows the accounts.")
    return user


def second_factor_required(role: str) -> bool:
    roles = {r.strip() for r in settings().second_factor_roles.split(",") if r.strip()}
    return role in roles


def generated_password() -> str:
    return secrets.token_urlsafe(15)


# -- accounts ------------------------------------------------------------------------------------


def add_user(
    ws: Workspace, name: str, role: str, *, principal: Principal, password: str | None = None
) -> tuple[UserInfo, str]:
    """Create an account; returns it and its password (generated unless given), shown once."""
    authorize(ws, principal, "users.manage")
    name = name.strip()
    if not name or len(name) > 100 or any(c.isspace() for c in name):
        raise InputError(
            f"{name!r} is not a usable user name.", hint="Use 1–100 characters without spaces."
        )
    if role not in ROLES:
        raise InputError(f"Unknown role {role!r}.", hint=f"Use one of: {', '.join(ROLES)}.")
    secret = password if password is not None else generated_password()
    problem = password_problem(secret, username=name)
    if problem:
        raise InputError(problem, hint="Choose a longer, less common password.")
    with ws.session() as session:
        if session.scalars(select(User).where(User.username == name)).first() is not None:
            raise ConflictError(f"A user {name!r} already exists.")
        user = User(username=name, role=role, password_hash=hash_password(secret))
        session.add(user)
        session.flush()
        append_audit(session, principal.name, "user.add", f"user:{name}", {"role": role})
        return _info(user), secret


def list_users(ws: Workspace, *, principal: Principal) -> list[UserInfo]:
    authorize(ws, principal, "users.manage")
    with ws.session() as session:
        return [_info(u) for u in session.scalars(select(User).order_by(User.username))]


def set_disabled(ws: Workspace, name: str, disabled: bool, *, principal: Principal) -> UserInfo:
    """Disable (ending every session and token use) or enable an account."""
    authorize(ws, principal, "users.manage")
    with ws.session() as session:
        user = _user(session, name)
        user.disabled = disabled
        if disabled:
            session.execute(
                update(WebSession)
                .where(WebSession.user_id == user.id, WebSession.ended.is_(None))
                .values(ended=utcnow())
            )
        append_audit(
            session, principal.name, "user.disable" if disabled else "user.enable", f"user:{name}"
        )
        return _info(user)


def principal_of(ws: Workspace, name: str) -> Principal:
    """The principal of account ``name`` (for the CLI's ``--as USER``)."""
    with ws.session() as session:
        user = _user(session, name)
        if user.disabled:
            raise PermissionDenied(f"The account {name!r} is disabled.")
        return Principal(user.username, Role(user.role), user.id)


# -- tokens --------------------------------------------------------------------------------------


def create_token(ws: Workspace, name: str, *, principal: Principal, label: str = "") -> str:
    """A new API token for ``name`` (an admin for anyone; anyone for themselves)."""
    if principal.name != name:
        authorize(ws, principal, "users.manage")
    elif principal.is_anonymous:
        raise PermissionDenied("Anonymous visitors have no tokens.")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with ws.session() as session:
        user = _user(session, name)
        session.add(ApiToken(user_id=user.id, token_hash=_digest(token), label=label))
        append_audit(session, principal.name, "token.create", f"user:{name}", {"label": label})
    return token


def revoke_tokens(ws: Workspace, name: str, *, principal: Principal) -> int:
    if principal.name != name:
        authorize(ws, principal, "users.manage")
    with ws.session() as session:
        user = _user(session, name)
        result = session.execute(
            update(ApiToken)
            .where(ApiToken.user_id == user.id, ApiToken.revoked.is_(None))
            .values(revoked=utcnow())
        )
        append_audit(session, principal.name, "token.revoke", f"user:{name}")
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


#: the user of a live token (built once: every API request runs it)
_TOKEN_USER = (
    select(User)
    .join(ApiToken, ApiToken.user_id == User.id)
    .where(ApiToken.token_hash == bindparam("token_hash"), ApiToken.revoked.is_(None))
)


def principal_for_token(ws: Workspace, token: str) -> Principal | None:
    """The principal an API token acts as, or ``None`` for an unknown or revoked token."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    with ws.read_session() as session:
        row = session.execute(_TOKEN_USER, {"token_hash": _digest(token)}).scalar_one_or_none()
        if row is None or row.disabled:
            return None
        return Principal(row.username, Role(row.role), row.id)


# -- sign-in and sessions --------------------------------------------------------------------------


def _refuse(session: Session, username: str, address: str, why: str) -> None:
    session.add(SignInAttempt(username=username[:100], address=address[:100], ok=False))
    append_audit(
        session,
        username[:100] or "anonymous",
        "sign_in.refused",
        f"user:{username[:100]}",
        {"why": why, "address": address[:100]},
    )


def sign_in(ws: Workspace, username: str, password: str, *, address: str = "") -> SignIn:
    """Check a password and open a session (which may still owe a second factor)."""
    config = settings()
    now = utcnow()
    failure = InputError(
        "Wrong user name or password.", hint="Check both; accounts lock after repeated failures."
    )
    with ws.session() as session:
        since = now - dt.timedelta(minutes=15)
        recent = session.scalar(
            select(func.count())
            .select_from(SignInAttempt)
            .where(
                SignInAttempt.address == address[:100],
                SignInAttempt.ok.is_(False),
                SignInAttempt.created >= since,
            )
        )
        if address and (recent or 0) >= config.address_attempts_per_15_minutes:
            raise PermissionDenied(
                "Too many failed sign-ins from this address.", hint="Wait 15 minutes."
            )
        user = session.scalars(select(User).where(User.username == username)).first()
        locked = _aware(user.locked_until) if user is not None else None
        if user is not None and locked is not None and locked > now:
            _refuse(session, username, address, "locked")
            raise PermissionDenied(
                "This account is locked after repeated failed sign-ins.",
                hint=f"Try again after {locked:%H:%M} UTC, or ask an administrator.",
            )
        valid, new_hash = (
            verify_and_update(password, user.password_hash) if user is not None else (False, None)
        )
        if user is None or user.disabled or not valid:
            if user is not None:
                user.failed_logins += 1
                if user.failed_logins >= config.lockout_threshold:
                    user.locked_until = now + dt.timedelta(minutes=config.lockout_minutes)
            _refuse(session, username, address, "password")
            failed = failure
        else:
            failed = None
            if new_hash:
                user.password_hash = new_hash
            user.failed_logins = 0
            user.locked_until = None
            needs = bool(user.totp_secret)
            must_enrol = not needs and second_factor_required(user.role)
            session_id = secrets.token_urlsafe(32)
            csrf = secrets.token_urlsafe(32)
            session.add(
                WebSession(
                    id_hash=_digest(session_id),
                    user_id=user.id,
                    pending_second_factor=needs or must_enrol,
                    csrf_token=csrf,
                )
            )
            session.add(SignInAttempt(username=username, address=address[:100], ok=True))
            append_audit(
                session, username, "sign_in", f"user:{username}", {"address": address[:100]}
            )
    if failed is not None:
        raise failed
    return SignIn(session_id, csrf, needs, must_enrol)


def session_state(ws: Workspace, session_id: str) -> SessionState | None:
    """The live session behind a cookie value, or ``None`` (unknown, ended, expired)."""
    if not session_id:
        return None
    config = settings()
    now = utcnow()
    # a read, as on almost every request; a write only to end an expired session or to note
    # activity (at most once a minute), so pages do not queue behind one another for the lock
    with ws.read_session() as session:
        row = session.get(WebSession, _digest(session_id))
        if row is None or row.ended is not None:
            return None
        user = session.get(User, row.user_id)
        created, seen = _aware(row.created), _aware(row.last_seen)
        assert created is not None and seen is not None
        expired = (
            user is None
            or user.disabled
            or now - seen > dt.timedelta(minutes=config.session_idle_minutes)
            or now - created > dt.timedelta(hours=config.session_absolute_hours)
        )
        state = None
        if not expired and user is not None:
            must_enrol = not user.totp_secret and second_factor_required(user.role)
            state = SessionState(
                Principal(user.username, Role(user.role), user.id),
                row.csrf_token,
                row.pending_second_factor,
                must_enrol,
            )
        touch = now - seen > dt.timedelta(seconds=60)
    if expired or touch:
        _mark_session(ws, _digest(session_id), ended=now if expired else None, seen=now)
    return state


def _mark_session(
    ws: Workspace, id_hash: str, *, ended: dt.datetime | None, seen: dt.datetime
) -> None:
    from shomar.errors import BusyError

    try:
        with ws.session() as session:
            row = session.get(WebSession, id_hash)
            if row is None:
                return
            if ended is not None:
                row.ended = ended
            else:
                row.last_seen = seen
    except BusyError:  # noting activity may wait for a quieter moment; ending is retried then
        return


def sign_out(ws: Workspace, session_id: str) -> None:
    with ws.session() as session:
        row = session.get(WebSession, _digest(session_id))
        if row is not None and row.ended is None:
            row.ended = utcnow()
            user = session.get(User, row.user_id)
            append_audit(session, user.username if user else "", "sign_out", "")


def _pending(session: Session, session_id: str) -> tuple[WebSession, User]:
    row = session.get(WebSession, _digest(session_id))
    if row is None or row.ended is not None:
        raise PermissionDenied("This sign-in has expired.", hint="Sign in again.")
    user = session.get(User, row.user_id)
    assert user is not None
    return row, user


def complete_second_factor(ws: Workspace, session_id: str, code: str) -> None:
    """Accept a TOTP code (or a one-time recovery code) for a session that owes one.

    A failure is recorded (and counts towards the lockout) before it is reported, so the
    refusal is committed, not rolled back with the error.
    """
    with ws.session() as session:
        row, user = _pending(session, session_id)
        if not user.totp_secret:
            raise InputError("No second factor is set up for this account.")
        step = accepted_step(user.totp_secret, code, last_step=user.totp_last_step)
        remaining = (
            None if step is not None else use_recovery_code(code, list(user.recovery_codes or []))
        )
        ok = step is not None or remaining is not None
        if step is not None:
            user.totp_last_step = step
        elif remaining is not None:
            user.recovery_codes = remaining
        if ok:
            row.pending_second_factor = False
            append_audit(session, user.username, "sign_in.second_factor", f"user:{user.username}")
        else:
            user.failed_logins += 1
            if user.failed_logins >= settings().lockout_threshold:
                row.ended = utcnow()
            _refuse(session, user.username, "", "second_factor")
    if not ok:
        raise InputError(
            "That code is not valid (or was used already).", hint="Enter the current code."
        )


def begin_enrolment(ws: Workspace, session_id: str) -> tuple[str, str]:
    """A new TOTP secret for the session's user: ``(secret, otpauth URI)``, not yet active."""
    with ws.session() as session:
        _, user = _pending(session, session_id)
        if user.totp_secret:
            raise ConflictError("A second factor is already set up for this account.")
        secret = new_secret()
        return secret, provisioning_uri(secret, user.username)


def finish_enrolment(ws: Workspace, session_id: str, secret: str, code: str) -> list[str]:
    """Activate ``secret`` after one valid code; returns the recovery codes (shown once)."""
    step = accepted_step(secret, code, last_step=None)
    if step is None:
        raise InputError("That code is not valid.", hint="Enter the code your app shows now.")
    codes, hashes = new_recovery_codes()
    with ws.session() as session:
        row, user = _pending(session, session_id)
        if user.totp_secret:
            raise ConflictError("A second factor is already set up for this account.")
        user.totp_secret = secret
        user.totp_last_step = step
        user.recovery_codes = hashes
        row.pending_second_factor = False
        append_audit(session, user.username, "second_factor.enrol", f"user:{user.username}")
    return codes


def enrol_directly(ws: Workspace, name: str, *, principal: Principal) -> tuple[str, list[str]]:
    """Set up TOTP for ``name`` from the CLI (an administrator's action): secret and codes."""
    authorize(ws, principal, "users.manage")
    secret = new_secret()
    codes, hashes = new_recovery_codes()
    with ws.session() as session:
        user = _user(session, name)
        user.totp_secret = secret
        user.totp_last_step = None
        user.recovery_codes = hashes
        append_audit(session, principal.name, "second_factor.enrol", f"user:{name}")
    return secret, codes


__all__ = [
    "SessionState",
    "SignIn",
    "UserInfo",
    "add_user",
    "begin_enrolment",
    "complete_second_factor",
    "create_token",
    "enrol_directly",
    "finish_enrolment",
    "list_users",
    "principal_for_token",
    "principal_of",
    "revoke_tokens",
    "second_factor_required",
    "session_state",
    "set_disabled",
    "sign_in",
    "sign_out",
]
