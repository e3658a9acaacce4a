"""The local sign-in for an install without an identity provider: a user file outside the repository.

Each user has a role and an argon2id hash of the password (memory-hard, so a stolen file is costly to
attack). The file is written by `cli.py benutzer`, atomically and readable by its owner only; no
password, hashed or not, is ever in the repository.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from access.roles import Role
from files.atomic import write_atomic

# argon2-cffi's defaults follow RFC 9106's second recommendation: argon2id, 64 MiB, 3 passes.
_HASHER = PasswordHasher()
_NAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,63}$")
MIN_PASSWORD = 10


class UserError(ValueError):
    """A German message for the person at the command line or the sign-in form."""


@dataclass(frozen=True)
class User:
    name: str
    role: Role
    password_hash: str


def check_name(name: str) -> str:
    name = name.strip().lower()
    if not _NAME.match(name):
        raise UserError(
            f"Ungültiger Benutzername „{name}“: 2–64 Zeichen, Kleinbuchstaben, Ziffern und . _ @ -, "
            "beginnend mit Buchstabe oder Ziffer."
        )
    return name


def read_users(path: Path) -> dict[str, User]:
    """All users of the file; an absent file means no local users."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as error:
        raise UserError(f"Die Benutzerdatei {path} ist beschädigt: {error}") from None
    users = {}
    for name, entry in data.get("benutzer", {}).items():
        try:
            users[name] = User(name, Role(entry["rolle"]), str(entry["hash"]))
        except (KeyError, TypeError, ValueError):
            raise UserError(f"Die Benutzerdatei {path}: Eintrag „{name}“ braucht rolle und hash.") from None
    return users


def _write(path: Path, users: dict[str, User]) -> None:
    lines = ["# Bildungsmonitor: lokale Benutzer (cli.py benutzer). Passwörter nur als argon2id-Hash.", ""]
    for user in sorted(users.values(), key=lambda u: u.name):
        lines += [f"[benutzer.{json.dumps(user.name)}]", f"rolle = {json.dumps(user.role.value)}"]
        lines += [f"hash = {json.dumps(user.password_hash)}", ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, "\n".join(lines).encode("utf-8"), mode=0o600)  # hashes: readable by the owner only


def add_user(path: Path, name: str, role: Role, password: str, replace: bool = False) -> User:
    """Add (or, with `replace`, change) a user; refuses short passwords and an existing name."""
    name = check_name(name)
    if len(password) < MIN_PASSWORD:
        raise UserError(f"Das Passwort ist zu kurz: mindestens {MIN_PASSWORD} Zeichen.")
    users = read_users(path)
    if name in users and not replace:
        raise UserError(f"Benutzer „{name}“ gibt es schon; zum Ändern --ersetzen angeben.")
    users[name] = User(name, role, _HASHER.hash(password))
    _write(path, users)
    return users[name]


def remove_user(path: Path, name: str) -> None:
    users = read_users(path)
    if name not in users:
        raise UserError(f"Benutzer „{name}“ gibt es nicht.")
    del users[name]
    _write(path, users)


def verify(path: Path, name: str, password: str) -> User | None:
    """The user when name and password match, else None.

    An unknown name is checked against a dummy hash too, so the time taken does not tell
    whether a user name exists.
    """
    user = read_users(path).get(name.strip().lower())
    try:
        _HASHER.verify(user.password_hash if user else _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return None
    return user


@cache
def _dummy_hash() -> str:
    """Made on first use, not at import: every `cli.py` start imports this module."""
    return _HASHER.hash("kein-benutzer-kein-passwort")
