"""`make build`: build the site into a staging folder, then swap it with site/.

A failed build (bad data, a template error, an interrupted run) leaves the previous site/
exactly as it was: nothing is half-written where people or a web server read it.

It also builds a second copy for use without a server (Material's offline plugin: links to
`.html` files, search without a web worker) and zips it as site/hors-ligne.zip, so that a
reception desk with a poor connection can open the directory from its disk.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from helpfinder.arguments import ArgumentParser

ROOT = Path(__file__).resolve().parent.parent
OFFLINE_ZIP = "hors-ligne.zip"
# 1980-01-01, the earliest date a ZIP can hold: same files, same bytes, whenever it is built.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


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


def build(root: Path, site: Path) -> int:
    staging = site.with_name(f".{site.name}-build")
    offline = site.with_name(f".{site.name}-offline")
    previous = site.with_name(f".{site.name}-previous")
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
    if site.exists():
        site.rename(previous)
    staging.rename(site)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"Site construit dans {site}/")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="dossier du projet")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    return build(root, root / "site")


if __name__ == "__main__":
    sys.exit(main())
