"""The staging folder of `make import` in `data/actors/`: locked while the import runs, and
the folders that killed imports left, unlocked, removed by the next one."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importresult imports STAGING_PREFIX from here
    from helpfinder.opendata.importresult import ImportResult

STAGING_PREFIX = ".import-"


@contextlib.contextmanager
def staging_folder(actors: Path, result: ImportResult) -> Iterator[Path]:
    """A new staging folder in `actors`, locked (flock) until it is removed at the end.

    The folders of killed imports are removed first: those nobody locks (the kernel drops
    a killed process's locks). Sweeping and making the new folder happen under a lock of
    `actors` itself, so that no import sweeps another's folder before it is locked.
    """
    guard = os.open(actors, os.O_RDONLY | os.O_DIRECTORY)
    try:
        locked = _lock(guard, wait=True)
        if locked:
            result.stale_removed = _remove_stale_staging(actors)
        staging = Path(tempfile.mkdtemp(dir=actors, prefix=STAGING_PREFIX))
        try:
            held = os.open(staging, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            staging.rmdir()
            raise
        _lock(held, wait=False)  # before the lock of `actors` is released
    finally:
        os.close(guard)  # releases the lock of `actors`
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        os.close(held)


def _lock(descriptor: int, *, wait: bool) -> bool:
    """Lock a folder for this process; False if another holds it, or locks do not work
    here (some network filesystems): nothing is swept then."""
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def _remove_stale_staging(actors: Path) -> int:
    removed = 0
    for folder in sorted(actors.glob(f"{STAGING_PREFIX}*")):
        if folder.is_symlink() or not folder.is_dir():
            continue
        try:
            descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            continue
        try:
            if _lock(descriptor, wait=False):  # no running import holds it
                shutil.rmtree(folder, ignore_errors=True)
                removed += not folder.exists()
        finally:
            os.close(descriptor)
    return removed
