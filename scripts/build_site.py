"""`make build`: build the site into a staging folder, then swap it with site/.

A failed build (bad data, a template error, an interrupted run) leaves the previous site/
exactly as it was: nothing is half-written where people or a web server read it.

It also builds a second copy for use without a server (Material's offline plugin: links to
`.html` files, search without a web worker) and zips it as site/hors-ligne.zip, so that a
reception desk with a poor connection can open the directory from its disk.

Two safeguards, because builds get killed and started twice:
- One build at a time: a build holds an exclusive lock on `.site.lock` (next to site/); a
  second one says so and waits for it (at most `--attente` seconds), then builds or gives up,
  without touching anything.
- site/ stays a real folder (CI uploads it, `mv site public`, `cp -r site …`, web servers
  read it) and is at every instant a complete site, the old one or the new one: the new
  build is swapped in with a single rename(2) that exchanges the two folders (Linux's
  renameat2 RENAME_EXCHANGE). Where the system has no such rename (not Linux, or a
  filesystem without it), two renames are used, and a kill between them leaves the last
  good site in `.site-previous`: the next build puts it back before anything else.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from helpfinder.core.arguments import ArgumentParser

ROOT = Path(__file__).resolve().parent.parent
OFFLINE_ZIP = "hors-ligne.zip"
# 1980-01-01, the earliest date a ZIP can hold: same files, same bytes, whenever it is built.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# How long a build waits for another one to finish: a build at the scale of France takes
# about 10 minutes (README, « Performances »), its offline copy included.
WAIT_SECONDS = 30 * 60
POLL_SECONDS = 0.2
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# What renameat2 answers where the system or the filesystem cannot exchange two paths.
_NO_EXCHANGE = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}


def copy_site_sources(root: Path) -> Path:
    """Put the project's site sources (not data/) into `root`: for tests and benchmarks that
    build another data/ with the real configuration, content, hooks, theme and templates."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copytree(ROOT / "hooks", root / "hooks")
    (root / "helpfinder").symlink_to(ROOT / "helpfinder")  # theme and templates live there
    return root


def mkdocs_build(root: Path, into: Path, offline: bool) -> bool:
    env = {**os.environ, "OFFLINE": "true" if offline else "false"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(into)]
    return subprocess.run(command, cwd=root, env=env, check=False).returncode == 0


def write_zip(folder: Path, target: Path) -> None:
    """Zip `folder` with sorted entries and fixed dates: reproducible bytes."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())


def _renameat2() -> Callable[..., int] | None:
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError, TypeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    function.argtypes += [ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def exchange(first: Path, second: Path) -> bool:
    """Swap the two paths in one rename(2): at no instant is either name missing. False if
    the system or the filesystem cannot; nothing was changed then."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    paths = os.fsencode(first), os.fsencode(second)
    if renameat2(_AT_FDCWD, paths[0], _AT_FDCWD, paths[1], _RENAME_EXCHANGE) == 0:
        return True
    number = ctypes.get_errno()
    if number in _NO_EXCHANGE:
        return False
    raise OSError(number, os.strerror(number), str(first), None, str(second))


def swap_in(staging: Path, site: Path, previous: Path) -> None:
    """Put the complete build `staging` where `site` is, so that `site` is, at every instant
    a kill may come, a complete site: the old one or the new one."""
    if not os.path.lexists(site):
        staging.rename(site)  # one rename: before it, there was no site to keep
        return
    if exchange(staging, site):
        _remove(staging)  # the old site, now under the staging name
        return
    # Two renames: a kill between them leaves no site/, and the old one in `previous`,
    # which the next build puts back first (recover).
    site.rename(previous)
    staging.rename(site)
    _remove(previous)


def _remove(old: Path) -> None:
    """Remove the old site: a folder, or a link someone made (the link only, not its target)."""
    if old.is_symlink():
        old.unlink()
    else:
        shutil.rmtree(old)


def recover(site: Path, previous: Path) -> None:
    """Put back the last good site if a build was killed between the two renames of
    swap_in (or of the builds before this one): `previous` is then the only copy."""
    if not os.path.lexists(site) and previous.is_dir():
        previous.rename(site)
        print(
            f"{site.name}/ remis en place depuis {previous.name}/ : une construction "
            "précédente a été interrompue.",
            file=sys.stderr,
        )


def wait_for_lock(lock: IO[str], wait_seconds: float, root: Path) -> bool:
    """Hold the build lock, waiting up to `wait_seconds` for another build to release it."""
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        pass
    print(
        f"Une autre construction est en cours dans {root} : celle-ci attend qu'elle "
        f"finisse (au plus {_duration(wait_seconds)})…",
        file=sys.stderr,
        flush=True,
    )
    deadline = time.monotonic() + wait_seconds
    while True:
        time.sleep(POLL_SECONDS)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            continue
        print("L'autre construction est finie : celle-ci commence.", file=sys.stderr, flush=True)
        return True


def _duration(seconds: float) -> str:
    if seconds >= 120:
        return f"{round(seconds / 60)} min"
    return f"{seconds:g} s"


def build(root: Path, site: Path, wait_seconds: float = WAIT_SECONDS) -> int:
    # The lock file stays: removing it would let two builds each lock a file of their own.
    with open(site.with_name(f".{site.name}.lock"), "a", encoding="utf-8") as lock:
        if not wait_for_lock(lock, wait_seconds, root):
            print(
                f"Une autre construction est toujours en cours après {_duration(wait_seconds)} "
                f": celle-ci s'arrête sans rien changer ({site.name}/ est tel quel). "
                "Relancez « make build » quand l'autre aura fini.",
                file=sys.stderr,
            )
            return 1
        return _build_locked(root, site)


def _build_locked(root: Path, site: Path) -> int:
    staging = site.with_name(f".{site.name}-build")
    offline = site.with_name(f".{site.name}-offline")
    previous = site.with_name(f".{site.name}-previous")
    recover(site, previous)
    # What a killed build left. `previous` is only a leftover now that site/ exists again.
    for leftover in (staging, offline, previous):
        shutil.rmtree(leftover, ignore_errors=True)
    built = mkdocs_build(root, staging, offline=False) and mkdocs_build(root, offline, offline=True)
    if built:
        # Only a web server shows 404.html, and its links are absolute: useless from a disk.
        (offline / "404.html").unlink(missing_ok=True)
        write_zip(offline, staging / OFFLINE_ZIP)
    shutil.rmtree(offline, ignore_errors=True)
    if not built:
        shutil.rmtree(staging, ignore_errors=True)
        kept = f"{site.name}/ est inchangé" if site.exists() else f"aucun {site.name}/ écrit"
        print(f"Échec de la construction : {kept}.", file=sys.stderr)
        return 1
    swap_in(staging, site, previous)
    print(f"Site construit dans {site}/")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="dossier du projet")
    parser.add_argument(
        "--attente",
        type=float,
        default=WAIT_SECONDS,
        metavar="SECONDES",
        help="si une autre construction est en cours, l'attendre au plus ce temps "
        f"(par défaut {WAIT_SECONDS} s)",
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        return build(root, root / "site", args.attente)
    except KeyboardInterrupt:
        # site/ is whole at every instant: the old one, or the new one if the swap was done.
        print(
            "\nConstruction interrompue : site/ n'est pas à moitié écrit (c'est l'ancien, "
            "ou le nouveau s'il était déjà en place).",
            file=sys.stderr,
        )
        return 130


if __name__ == "__main__":
    sys.exit(main())
