"""The audit log: every write, who made it, when and what. One JSON object per line, append only.

Appending one short line with O_APPEND is atomic on a local file system, so the dashboard's sessions
and the CLI can write at the same time without interleaving; nothing ever rewrites or truncates it.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


def record(path: Path, who: str, action: str, what: dict[str, Any]) -> dict[str, Any]:
    """Append one entry and return it; `action` is a short German verb phrase such as "Import"."""
    entry = {"time": datetime.now(UTC).isoformat(timespec="seconds"), "who": who, "action": action, "what": what}
    line = json.dumps(entry, ensure_ascii=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(fd, line.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    return entry


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
