"""One atomic write for every file the office keeps: a failure leaves the old file, secrets stay private."""

from __future__ import annotations

import os
import stat

import pytest

from files.atomic import write_atomic


def test_the_new_content_replaces_the_old_and_no_temporary_file_stays(tmp_path):
    path = tmp_path / "ziele.csv"
    path.write_bytes(b"alt")
    write_atomic(path, b"neu")
    assert path.read_bytes() == b"neu"
    assert os.listdir(tmp_path) == ["ziele.csv"]


def test_a_failed_replace_keeps_the_old_file_and_removes_the_temporary_one(tmp_path, monkeypatch):
    path = tmp_path / "bericht.toml"
    path.write_bytes(b"alt")

    def broken_replace(src, dst):
        raise OSError("Datenträger voll")

    monkeypatch.setattr("files.atomic.os.replace", broken_replace)
    with pytest.raises(OSError, match="Datenträger voll"):
        write_atomic(path, b"neu")
    assert path.read_bytes() == b"alt"
    assert os.listdir(tmp_path) == ["bericht.toml"]


def test_a_file_written_with_mode_600_is_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "benutzer.toml"
    write_atomic(path, b"[benutzer]", mode=0o600)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
