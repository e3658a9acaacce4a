"""Roles, the local user file, the settings and the audit log, without Streamlit."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from access import audit, users
from access.roles import ANONYMOUS, Identity, Role, may_write, role_from_claims
from access.settings import SettingsError, load

CONFIG = """
nur_lesen = false
benutzerdatei = "~/benutzer.toml"
[oidc]
rollen_claim = "roles"
analyse_werte = ["Bildungsmonitor-Analyse"]
analyse_benutzer = ["M.Mueller@Kreis.example"]
"""


@pytest.fixture
def settings(tmp_path, monkeypatch):
    monkeypatch.delenv("BILDUNGSMONITOR_BENUTZER")
    path = tmp_path / "zugang.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return load(path)


def test_the_shipped_settings_read_without_error_and_write_nothing_by_themselves():
    shipped = load(Path(__file__).resolve().parents[2] / "config" / "zugang.toml")
    assert shipped.read_only is False
    assert shipped.role_claim == "roles"
    assert shipped.analyst_values == {"bildungsmonitor-analyse"}
    assert shipped.analyst_users == frozenset()


def test_the_user_file_path_expands_the_home_folder(settings):
    assert settings.users_file == Path.home() / "benutzer.toml"


def test_nur_lesen_in_the_environment_makes_every_install_read_only(tmp_path, monkeypatch, settings):
    monkeypatch.setenv("BILDUNGSMONITOR_NUR_LESEN", "1")
    read_only = load(tmp_path / "zugang.toml")
    analyst = Identity("a@kreis.example", Role.ANALYSE, "oidc")
    assert (may_write(analyst, settings), may_write(analyst, read_only)) == (True, False)


def test_a_broken_settings_file_is_refused_in_german(tmp_path):
    path = tmp_path / "zugang.toml"
    path.write_text('benutzerdatei = "x"\n[oidc]\nanalyse_werte = "analyse"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="„analyse_werte“ muss eine Liste von Texten sein"):
        load(path)


@pytest.mark.parametrize(
    ("claims", "role"),
    [
        ({"sub": "1", "roles": ["bildungsmonitor-analyse"]}, Role.ANALYSE),  # Entra ID / Keycloak: a list
        ({"sub": "1", "roles": "BILDUNGSMONITOR-ANALYSE"}, Role.ANALYSE),  # one text, other case (ADFS rule)
        ({"sub": "1", "roles": ["lesen"]}, Role.LESEN),
        ({"sub": "1", "email": "m.mueller@kreis.example"}, Role.ANALYSE),  # listed by address
        ({"sub": "1", "email": "m.mueller@kreis.example.evil"}, Role.LESEN),
        ({"sub": "1"}, Role.LESEN),
        ({"sub": "1", "roles": {"bildungsmonitor-analyse": True}}, Role.LESEN),  # not a list or text: no role
    ],
)
def test_the_role_comes_from_the_configured_claim_or_the_list_of_analysts(settings, claims, role):
    assert role_from_claims(claims, settings) is role


def test_only_an_analyst_may_write(settings):
    assert may_write(ANONYMOUS, settings) is False
    assert may_write(Identity("leser", Role.LESEN, "lokal"), settings) is False
    assert may_write(Identity("analystin", Role.ANALYSE, "lokal"), settings) is True


def test_a_local_user_is_stored_as_an_argon2id_hash_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "konfig" / "benutzer.toml"
    users.add_user(path, "Analystin", Role.ANALYSE, "richtig-langes-passwort")
    text = path.read_text(encoding="utf-8")
    assert "richtig-langes-passwort" not in text
    assert '[benutzer."analystin"]' in text and 'rolle = "analyse"' in text
    assert '"$argon2id$v=19$m=65536,t=3,p=4$' in text  # memory-hard: 64 MiB, 3 passes
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert users.verify(path, "analystin", "richtig-langes-passwort").role is Role.ANALYSE
    assert users.verify(path, "ANALYSTIN ", "richtig-langes-passwort").name == "analystin"
    assert users.verify(path, "analystin", "falsch-falsch-falsch") is None
    assert users.verify(path, "niemand", "richtig-langes-passwort") is None


def test_an_existing_user_is_replaced_only_when_asked_and_short_passwords_are_refused(tmp_path):
    path = tmp_path / "benutzer.toml"
    users.add_user(path, "analystin", Role.ANALYSE, "erstes-passwort-123")
    with pytest.raises(users.UserError, match="gibt es schon; zum Ändern --ersetzen angeben"):
        users.add_user(path, "analystin", Role.LESEN, "zweites-passwort-123")
    with pytest.raises(users.UserError, match="mindestens 10 Zeichen"):
        users.add_user(path, "neu", Role.LESEN, "kurz")
    users.add_user(path, "analystin", Role.LESEN, "zweites-passwort-123", replace=True)
    assert users.verify(path, "analystin", "erstes-passwort-123") is None
    assert users.verify(path, "analystin", "zweites-passwort-123").role is Role.LESEN
    users.remove_user(path, "analystin")
    assert users.read_users(path) == {}


@pytest.mark.parametrize("name", ["a", "../x", "ä-umlaut", "mit leerzeichen", "x" * 65, '"]\nrolle="analyse'])
def test_a_user_name_that_could_break_the_file_is_refused(tmp_path, name):
    with pytest.raises(users.UserError, match="Ungültiger Benutzername"):
        users.add_user(tmp_path / "benutzer.toml", name, Role.LESEN, "richtig-langes-passwort")


def test_the_audit_log_appends_one_json_line_per_write_and_reads_newest_first(tmp_path):
    path = tmp_path / "daten" / "audit.log"
    audit.record(path, "analystin", "Import", {"datei": "a.csv", "angenommen": True})
    with path.open("a", encoding="utf-8") as file:
        file.write('{"time": "2026-11-30T10:00:00+00:00", "who": "x"')  # cut by a crash mid-line
    audit.record(path, "analystin", "Präsentation gelöscht", {"datei": "b.toml"})
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3  # the entry after the cut line starts a line of its own
    assert json.loads(lines[0])["what"] == {"datei": "a.csv", "angenommen": True}
    newest = audit.entries(path)
    assert [e["action"] for e in newest] == ["Präsentation gelöscht", "Import"]  # the cut line is skipped
    assert newest[0]["time"].endswith("+00:00")
    assert [e["action"] for e in audit.entries(path, limit=1)] == ["Präsentation gelöscht"]
