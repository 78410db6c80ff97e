"""The package's shape in figures: modules and lines per folder, the longest modules, and
the depth of its imports (the longest chain of modules each importing the next).

    python scripts/structure.py [PACKAGE_DIR]   (default: helpfinder/)

Developers read it before and after moving code; tests/test_architecture.py holds the rules.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from helpfinder.core.arguments import ArgumentParser

ROOT = Path(__file__).resolve().parent.parent


def module_name(path: Path, package_dir: Path) -> str:
    parts = path.relative_to(package_dir.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, package_dir: Path, *, typing_only: bool = True) -> set[str]:
    """Every name `path` imports, absolute (relative imports resolved): modules and the names
    taken from them. `typing_only=False` leaves out the imports under `if TYPE_CHECKING:`,
    which do not run."""
    name = module_name(path, package_dir)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = set()
    if not typing_only:
        skipped = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING")
            for inner in ast.walk(node)
        }
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            found.update([base, *(f"{base}.{alias.name}" for alias in node.names)])
    return found


def imports_of(path: Path, package_dir: Path, known: set[str]) -> set[str]:
    """The package's modules that `path` imports when it runs: the layers of the package."""
    name = module_name(path, package_dir)
    return {m for m in imported(path, package_dir, typing_only=False) if m in known and m != name}


def main(argv: list[str] | None = None) -> int:
    parser = ArgumentParser(
        description="La forme du paquet : modules et lignes par dossier, les plus longs, "
        "et la profondeur de ses imports."
    )
    parser.add_argument(
        "paquet", nargs="?", type=Path, default=ROOT / "helpfinder", help="dossier du paquet"
    )
    package_dir = parser.parse_args(argv).paquet.resolve()
    paths = sorted(package_dir.rglob("*.py"))
    if not paths:
        parser.error(f"aucun module Python dans {package_dir}")
    modules = {module_name(p, package_dir): p for p in paths}
    graph = {name: imports_of(path, package_dir, set(modules)) for name, path in modules.items()}

    visiting: list[str] = []

    @cache
    def depth(name: str) -> int:
        if name in visiting:
            cycle = " -> ".join([*visiting[visiting.index(name) :], name])
            raise SystemExit(f"import circulaire : {cycle}")
        visiting.append(name)
        found = 1 + max((depth(other) for other in graph[name]), default=0)
        visiting.pop()
        return found

    lines = {
        name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in modules.items()
    }
    by_folder: dict[str, list[str]] = defaultdict(list)
    for name, path in modules.items():
        if path.name != "__init__.py":
            by_folder[path.parent.relative_to(package_dir.parent).as_posix()].append(name)
    print("dossier : modules, lignes")
    for folder, names in sorted(by_folder.items()):
        print(f"  {folder} : {len(names)} modules, {sum(lines[n] for n in names)} lignes")
    longest = sorted(lines, key=lambda n: -lines[n])[:5]
    print("les plus longs : " + ", ".join(f"{n} ({lines[n]})" for n in longest))
    deepest = max(graph, key=depth)
    print(f"couches d'imports : {depth(deepest)} (la plus longue chaîne finit par {deepest})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
