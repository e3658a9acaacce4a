"""Replace a file in one step: a reader sees the old file or the new one, never half of it.

The data goes to a temporary file beside the target (same folder, so the same file system) and is then
renamed over it with os.replace, which is atomic on POSIX. A failed or interrupted write leaves the
old file as it was and removes the temporary one.
"""

from __future__ import annotations

import os
from pathlib import Path


def write_atomic(path: Path, data: bytes, mode: int = 0o666) -> None:
    """Write `data` to `path` atomically; `mode` (before the umask) as os.open takes it, 0o600 for secrets."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
