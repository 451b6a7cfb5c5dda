"""Where generated files go: a directory (written as they come, linked from the previous tree when
unchanged) or memory.  A module of its own so that the search indexer, which writes through a
``DirectorySink``, does not import the page writer (and its cache record does not follow it)."""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterable


class MemorySink(dict):
    """Collects generated files: relative path → content."""

    def __call__(self, rel: str, content: str | bytes) -> None:
        self[rel] = content

    def stream(self, rel: str, chunks: Iterable[str]) -> int:
        self[rel] = "".join(chunks)
        return len(self[rel].encode("utf-8"))

    def stream_bytes(self, rel: str, chunks: Iterable[bytes]) -> int:
        self[rel] = b"".join(chunks)
        return len(self[rel])


class DirectorySink:
    """Writes each generated file under ``root`` as soon as it is rendered, so a build never
    holds the whole site in memory.  Text is written as UTF-8 with ``\n`` line ends.

    With ``previous`` (the tree the last build published), a file whose bytes are already there
    is hard-linked from it instead of written.  A rebuild after a small edit then writes only what
    changed, and removing the replaced tree afterwards frees almost nothing: at 10,000 seeds,
    deleting the 45,000 files of a replaced tree took 4.6 s, and unlinking a link costs about a
    twentieth of deleting a file (10,000 article pages: 0.06 s against 1.1 s).  The previous
    tree is never written to (every build writes new files and swaps the tree in), so sharing its
    files is safe."""

    def __init__(self, root: Path, previous: Path | None = None):
        self.root = str(root)
        self.previous = str(previous) if previous is not None else None
        self._dirs: set[str] = set()

    def path(self, rel: str) -> str:
        path = os.path.join(self.root, rel)
        folder = os.path.dirname(path)
        if folder not in self._dirs:
            os.makedirs(folder, exist_ok=True)
            self._dirs.add(folder)
        return path

    def __call__(self, rel: str, content: str | bytes) -> None:
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        path = self.path(rel)
        if self.previous is not None and self.reuse(rel, path, data):
            return
        with _new_file(path) as fh:
            fh.write(data)

    def reuse(self, rel: str, path: str, data: bytes | None = None, replace: bool = False) -> bool:
        """Hard-link the previous tree's ``rel`` to ``path`` when it is a regular file holding
        ``data`` (``None``: whatever it holds, for a caller that checked it another way).
        ``replace``: ``path`` exists (a file just written) and the link takes its place."""
        old = os.path.join(self.previous, rel)
        try:
            if os.path.islink(old):
                return False
            fd = os.open(old, os.O_RDONLY | _NOFOLLOW)
        except OSError:
            return False
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                return False
            if data is not None:
                if st.st_size != len(data):
                    return False
                with os.fdopen(os.dup(fd), "rb") as fh:
                    if fh.read() != data:
                        return False
            if replace:
                _link_over(old, path)
            else:
                os.link(old, path, follow_symlinks=False)
        except OSError:   # another file system, or links not allowed: write it (or keep it)
            return False
        finally:
            os.close(fd)
        return True

    def discard(self, rel: str) -> None:
        """Remove the folder ``rel`` and everything written or linked under it."""
        import shutil

        folder = os.path.join(self.root, rel)
        shutil.rmtree(folder, ignore_errors=True)
        self._dirs = {d for d in self._dirs if d != folder and not d.startswith(folder + os.sep)}

    def stream(self, rel: str, chunks: Iterable[str]) -> int:
        """Write text given in pieces (a large export is never one string in memory); its size in bytes."""
        return self.stream_bytes(rel, (chunk.encode("utf-8") for chunk in chunks))

    def stream_bytes(self, rel: str, chunks: Iterable[bytes]) -> int:
        """``stream`` for pieces already encoded."""
        path = self.path(rel)
        with _new_file(path) as fh:
            fh.writelines(chunks)
        size = os.path.getsize(path)
        if self.previous is not None and _same_bytes(os.path.join(self.previous, rel), path):
            self.reuse(rel, path, replace=True)   # if the link cannot be made, the file written stays
        return size


def _new_file(path: str):
    """``path`` opened for writing as a new file: a link already there (from the previous tree) is
    removed first, never written through, so no write reaches a published file."""
    try:
        return open(path, "xb", buffering=1 << 20)
    except FileExistsError:
        os.unlink(path)
        return open(path, "xb", buffering=1 << 20)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)   # not on Windows, where islink() above is the check


def _same_bytes(old: str, new: str) -> bool:
    import filecmp

    try:
        return os.path.getsize(old) == os.path.getsize(new) and filecmp.cmp(old, new, shallow=False)
    except OSError:
        return False


def _link_over(old: str, path: str) -> None:
    """Replace the file at ``path`` by a link to ``old``, in one step."""
    tmp = f"{path}.link"
    try:
        os.link(old, tmp, follow_symlinks=False)
        os.replace(tmp, path)
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)
