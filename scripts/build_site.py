"""`make build`: build the site into a staging folder, then swap it with site/.

A failed build (bad data, a template error, an interrupted run) leaves the previous site/
exactly as it was: nothing is half-written where people or a web server read it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(root: Path, site: Path) -> int:
    staging = site.with_name(f".{site.name}-build")
    previous = site.with_name(f".{site.name}-previous")
    for leftover in (staging, previous):
        shutil.rmtree(leftover, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)],
        cwd=root,
        check=False,
    )
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        kept = f"{site.name}/ est inchangé" if site.exists() else f"aucun {site.name}/ écrit"
        print(f"Échec de la construction : {kept}.", file=sys.stderr)
        return result.returncode
    if site.exists():
        site.rename(previous)
    staging.rename(site)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"Site construit dans {site}/")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="dossier du projet")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    return build(root, root / "site")


if __name__ == "__main__":
    sys.exit(main())
