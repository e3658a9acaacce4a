"""The audit log: every write, who made it, when and what. One JSON object per line, append only.

Appending one short line with O_APPEND is atomic on a local file system, so the dashboard's sessions
and the CLI can write at the same time without interleaving; nothing ever rewrites or truncates it.
"""

from __future__ import annotations

import getpass
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


def command_line_account() -> str:
    """The log's "who" for a write from the command line: the operating-system account."""
    return f"{getpass.getuser()} (Kommandozeile)"


def record(path: Path, who: str, action: str, what: dict[str, Any]) -> dict[str, Any]:
    """Append one entry and return it; `action` is a short German verb phrase such as "Import"."""
    entry = {"time": datetime.now(UTC).isoformat(timespec="seconds"), "who": who, "action": action, "what": what}
    line = json.dumps(entry, ensure_ascii=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        if _cut_short(fd):
            line = "\n" + line  # a line cut by a crash stays apart, so this entry stays readable
        os.write(fd, line.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    return entry


def _cut_short(fd: int) -> bool:
    """True when the file does not end in a newline: an earlier write was interrupted."""
    size = os.fstat(fd).st_size
    return size > 0 and os.pread(fd, 1, size - 1) != b"\n"


def entries(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The newest `limit` entries, newest first; a line that is not JSON (cut by a crash) is skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    out = []
    for line in reversed(lines):
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue
        if limit is not None and len(out) >= limit:
            break
    return out
