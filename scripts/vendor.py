"""`make vendor`: fetch the browser files we serve ourselves (no CDN) from the npm registry.

The list, with versions and tarball integrity, is `helpfinder/site/theme/assets/vendor/vendor.json`.
Each tarball is checked against its integrity before a file is extracted, and the sha256 of
every written file is recorded there, so that `--check` (run by the tests, offline) proves
the committed files are exactly the published ones.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from pathlib import Path

from helpfinder.core.arguments import ArgumentParser

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "helpfinder" / "site" / "theme" / "assets" / "vendor"
MANIFEST = VENDOR / "vendor.json"
REGISTRY = "https://registry.npmjs.org"


def tarball_url(name: str, version: str) -> str:
    return f"{REGISTRY}/{name}/-/{name.split('/')[-1]}-{version}.tgz"


def check_integrity(data: bytes, integrity: str) -> None:
    algorithm, _, expected = integrity.partition("-")
    digest = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if digest != expected:
        raise ValueError(f"intégrité différente : {algorithm}-{digest} au lieu de {integrity}")


def fetch(package: dict) -> dict[str, str]:
    """Download, verify and extract one package's files; return their sha256 by name."""
    url = tarball_url(package["name"], package["version"])
    with urllib.request.urlopen(url, timeout=60) as response:
        data = response.read()
    check_integrity(data, package["integrity"])
    written = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for inside, target in package["files"].items():
            member = archive.extractfile(inside)
            if member is None:
                raise ValueError(f"{package['name']} : {inside} absent de l'archive")
            content = member.read()
            (VENDOR / target).parent.mkdir(parents=True, exist_ok=True)
            (VENDOR / target).write_bytes(content)
            written[target] = hashlib.sha256(content).hexdigest()
    return written


def check() -> list[str]:
    """Files whose bytes differ from the sha256 recorded in the manifest (empty: all good)."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    wrong = []
    for package in manifest["packages"]:
        for target, expected in package.get("sha256", {}).items():
            path = VENDOR / target
            actual = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "absent"
            if actual != expected:
                wrong.append(f"{target} : {actual} au lieu de {expected}")
        missing = set(package["files"].values()) - set(package.get("sha256", {}))
        wrong += [f"{target} : pas d'empreinte dans vendor.json" for target in sorted(missing)]
    return wrong


def main(argv: list[str] | None = None) -> int:
    parser = ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="vérifier sans rien télécharger")
    args = parser.parse_args(argv)
    if args.check:
        wrong = check()
        for line in wrong:
            print(line, file=sys.stderr)
        return 1 if wrong else 0
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    for package in manifest["packages"]:
        package["sha256"] = fetch(package)
        print(f"{package['name']} {package['version']} : {', '.join(package['files'].values())}")
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
