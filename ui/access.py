"""The one place that decides whether this session may write. Pages ask it; write functions re-check it.

A page shows a write path only `if access.may_write():`; every function that writes (ui/decks.py, ui/uploads.py)
starts with `who = access.require_write()`, so a widget left visible by mistake still cannot write.
Identity comes from Streamlit's own sign-in (st.login, OIDC) when .streamlit/secrets.toml has an [auth]
section, otherwise from the local user file (access/users.py); the role rule is access.roles.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from access import audit, users
from access import settings as access_settings
from access.roles import ANONYMOUS, Identity, role_from_claims
from access.roles import may_write as rule

_LOCAL = "_lokale_anmeldung"  # user name of a local sign-in; lives as long as the browser session


class WriteRefused(PermissionError):
    """A write was attempted by a session that may not write; the message is German."""


def settings() -> access_settings.Settings:
    return access_settings.load()


def oidc_configured() -> bool:
    """Sign-in through the identity provider: an [auth] section in .streamlit/secrets.toml."""
    return st.secrets.load_if_toml_exists() and "auth" in st.secrets


def current() -> Identity:
    if oidc_configured():
        if not st.user.is_logged_in:
            return ANONYMOUS
        claims = st.user.to_dict()
        name = str(claims.get("email") or claims.get("preferred_username") or claims.get("name") or claims["sub"])
        return Identity(name, role_from_claims(claims, settings()), "oidc")
    signed_in = st.session_state.get(_LOCAL)
    if signed_in is None:
        return ANONYMOUS
    # The role as the user file says now: a user removed or downgraded by `cli.py benutzer` loses it at once.
    user = users.read_users(settings().users_file).get(signed_in)
    return Identity(user.name, user.role, "lokal") if user else ANONYMOUS


def may_write() -> bool:
    """True when this session may import, edit goals and save or delete decks and reports."""
    return rule(current(), settings())


def require_write() -> Identity:
    """The writer, or WriteRefused: the first line of every write function (defence in depth)."""
    identity = current()
    if settings().read_only:
        raise WriteRefused("Nur-Lesen-Modus: Auf diesem Rechner lassen sich keine Daten ändern.")
    if not rule(identity, settings()):
        raise WriteRefused("Nur angemeldete Personen mit der Rolle Analyse dürfen Daten ändern.")
    return identity


def log_write(who: Identity, action: str, what: dict[str, Any]) -> None:
    """Append the write to the audit log (access/audit.py), under the writer's name."""
    audit.record(settings().audit_log, who.name, action, what)


def _sign_in_locally() -> None:
    s = st.session_state
    user = users.verify(settings().users_file, s.get("anmeldung_name", ""), s.get("anmeldung_passwort", ""))
    s["anmeldung_passwort"] = ""
    if user is None:
        s["anmeldung_fehler"] = True
        return
    s[_LOCAL] = user.name
    s.pop("anmeldung_fehler", None)


def _sign_out_locally() -> None:
    st.session_state.pop(_LOCAL, None)


def sign_in_box() -> None:
    """The sidebar's part: who is signed in with which role, and the way in or out.

    Nothing is drawn when there is no way to sign in (no identity provider, no local users).
    """
    conf = settings()
    identity = current()
    oidc = oidc_configured()
    local = not oidc and not identity.signed_in and bool(users.read_users(conf.users_file))
    if not (conf.read_only or identity.signed_in or oidc or local):
        return  # everyone reads; imports run through cli.py
    box = st.sidebar.container(border=True)
    if conf.read_only:
        box.text("Nur-Lesen-Modus: Daten lassen sich hier nicht ändern.")
    elif identity.signed_in:
        box.text(f"Angemeldet: {identity.name}\nRolle: {identity.role.label}")
        if box.button("Abmelden", key="abmelden"):
            if identity.via == "oidc":
                st.logout()
            _sign_out_locally()
            st.rerun()
    elif oidc:
        if box.button("Anmelden", key="anmelden"):
            st.login()
    else:
        with box.form("anmeldung", border=False, enter_to_submit=True):
            st.text_input("Benutzername", key="anmeldung_name", autocomplete="username")
            st.text_input("Passwort", key="anmeldung_passwort", type="password", autocomplete="current-password")
            st.form_submit_button("Anmelden", on_click=_sign_in_locally)
        if st.session_state.get("anmeldung_fehler"):
            box.error("Benutzername oder Passwort stimmt nicht.")
