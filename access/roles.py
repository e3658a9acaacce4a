"""The two roles and how a signed-in person gets one. Pure: claims and settings in, role out.

*Analyse* may import, edit goals, save and delete decks and report definitions; *Lesen* sees
everything else. Anyone not signed in reads. The identity provider (or the local user file) says who
someone is; this module alone says what that means here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from access.settings import Settings


class Role(StrEnum):
    ANALYSE = "analyse"
    LESEN = "lesen"

    @property
    def label(self) -> str:
        return {Role.ANALYSE: "Analyse", Role.LESEN: "Lesen"}[self]


@dataclass(frozen=True)
class Identity:
    """Who this session is. `name` is empty for an anonymous visitor."""

    name: str
    role: Role
    via: str  # "oidc", "lokal" or "" (anonymous)

    @property
    def signed_in(self) -> bool:
        return bool(self.name)


ANONYMOUS = Identity("", Role.LESEN, "")


def role_from_claims(claims: Mapping[str, object], settings: Settings) -> Role:
    """Analyse when the role claim holds a configured value, or the person is listed by e-mail or user name.

    Providers send the claim as a list (Keycloak, Entra ID "roles") or as one text (some ADFS rules);
    both count. Comparison ignores case, since directories differ in how they spell groups.
    """
    value = claims.get(settings.role_claim)
    values = value if isinstance(value, list | tuple) else [value] if isinstance(value, str) else []
    if {str(v).strip().lower() for v in values} & settings.analyst_values:
        return Role.ANALYSE
    names = {str(claims.get(k, "")).strip().lower() for k in ("email", "preferred_username")} - {""}
    return Role.ANALYSE if names & settings.analyst_users else Role.LESEN


def may_write(identity: Identity, settings: Settings) -> bool:
    """The one rule: an analyst, and the install is not read-only."""
    return not settings.read_only and identity.role is Role.ANALYSE
