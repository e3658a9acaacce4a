"""The office's access settings, from config/zugang.toml, with environment overrides for ./run and tests.

Nothing secret stands in that file: passwords live with the identity provider or in the local user
file outside the repository, whose path is configured here.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "config" / "zugang.toml"
DEFAULT_AUDIT_LOG = ROOT / "data" / "audit.log"
READ_ONLY_ENV = "BILDUNGSMONITOR_NUR_LESEN"  # set by `./run --nur-lesen`
_TRUE = {"1", "true", "ja", "yes"}


class SettingsError(ValueError):
    """config/zugang.toml cannot be used; the message is German and names the file."""


@dataclass(frozen=True)
class Settings:
    read_only: bool  # the presentation laptop: no write path at all, not even for analysts
    users_file: Path  # the local sign-in's users, roles and password hashes
    role_claim: str  # the OIDC claim that lists a person's roles or groups
    analyst_values: frozenset[str]  # values of that claim that mean "Analyse"
    analyst_users: frozenset[str]  # e-mail addresses or user names given "Analyse" regardless of claims
    audit_log: Path


def _strings(value: object, key: str, origin: Path) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SettingsError(f'{origin}: „{key}“ muss eine Liste von Texten sein, z. B. ["a@kreis.de"].')
    return frozenset(v.strip().lower() for v in value)


def load(path: Path | None = None) -> Settings:
    """Read the settings; BILDUNGSMONITOR_ZUGANG names another file, BILDUNGSMONITOR_NUR_LESEN=1 forces read-only."""
    path = Path(os.environ.get("BILDUNGSMONITOR_ZUGANG", CONFIG)) if path is None else path
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SettingsError(f"Die Zugangseinstellungen {path} fehlen.") from None
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"{path} ist keine gültige TOML-Datei: {error}") from None
    oidc = data.get("oidc", {})
    users_file = os.environ.get("BILDUNGSMONITOR_BENUTZER") or data.get("benutzerdatei", "")
    if not isinstance(users_file, str) or not users_file:
        raise SettingsError(f"{path}: „benutzerdatei“ fehlt.")
    return Settings(
        read_only=data.get("nur_lesen", False) is True or os.environ.get(READ_ONLY_ENV, "").lower() in _TRUE,
        users_file=Path(users_file).expanduser(),
        role_claim=str(oidc.get("rollen_claim", "roles")),
        analyst_values=_strings(oidc.get("analyse_werte", []), "analyse_werte", path),
        analyst_users=_strings(oidc.get("analyse_benutzer", []), "analyse_benutzer", path),
        audit_log=Path(os.environ.get("BILDUNGSMONITOR_AUDIT", DEFAULT_AUDIT_LOG)),
    )
