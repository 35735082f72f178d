"""Who the CLI acts as: the workspace's owner, or a named account (``--as USER``)."""

from __future__ import annotations

from sqlalchemy import select

from shomar.config import settings
from shomar.errors import NotFoundError
from shomar.security.principal import Principal, Role
from shomar.store.tables import User
from shomar.store.workspace import Workspace


def owner_principal() -> Principal:
    """The owner of a local workspace: ``SHOMAR_ACTOR`` (else the login name), admin role."""
    return Principal(settings().actor, Role.ADMIN)


def account_principal(ws: Workspace, username: str) -> Principal:
    """The principal of the account ``username`` in ``ws`` (its stored role)."""
    with ws.read_session() as session:
        user = session.scalars(select(User).where(User.username == username)).first()
        if user is None:
            known = ", ".join(session.scalars(select(User.username).order_by(User.id))) or "none"
            raise NotFoundError(
                f"No account named {username!r} in this workspace.",
                hint=f"Known accounts: {known}. Add one with `shomar users add NAME --role ROLE`, "
                "or drop --as to act as the workspace's owner.",
            )
        return Principal(user.username, Role(user.role), user_id=user.id)


def cli_principal(ws: Workspace, as_user: str | None) -> Principal:
    """``--as USER``'s account if given, else the workspace owner."""
    return account_principal(ws, as_user) if as_user else owner_principal()


__all__ = ["account_principal", "cli_principal", "owner_principal"]
