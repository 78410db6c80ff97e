"""Which files of data/ the generator reads: regular files, never through a symbolic link.

data/ comes from contributors (pull requests run `make validate` in CI). A link would let a
record be read from anywhere on the machine: `/etc/passwd` printed in a CI log as a
« valeur », a file outside the repository published as a place page. Git stores links as
links, so the rule is simple: a file or folder of data/ that is a link is refused, and the
message names the link, never what it points to.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from helpfinder.core.problems import Problem

LINK_MESSAGE = (
    "lien symbolique refusé : mettez à sa place le fichier lui-même "
    "(le générateur ne lit jamais un fichier par un lien)"
)


class NotARegularFile(OSError):
    """A path of data/ is a link, a pipe or a device: not read. `strerror` says it in French."""


def read_bytes(path: Path) -> bytes:
    """The bytes of `path`, which must be a regular file reached without following a link in
    its last component (folders are checked by `links_in`). A pipe or a device is refused
    too: reading one would block or never end. Raises OSError (NotARegularFile for those)."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise NotARegularFile(errno.ELOOP, "lien symbolique refusé") from None
        raise
    with os.fdopen(handle, "rb") as file:
        mode = os.fstat(file.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(errno.EINVAL, "ce n'est pas un fichier ordinaire")
        return file.read()


def links_in(data_dir: Path, shown: Path) -> list[Problem]:
    """One error for each link inside `data_dir` (files and folders; a linked folder is not
    entered), in path order."""
    problems = []
    for folder, dirs, files in os.walk(data_dir, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(folder) / name
            if path.is_symlink():
                shown_as = path.relative_to(shown).as_posix()
                problems.append(Problem(shown_as, 0, "", "", "fichier-lien", LINK_MESSAGE))
    return sorted(problems, key=lambda p: p.file)
