"""`make schemas`: write what is made from the schemas of data/schemas/, so that it cannot
drift from them: the JSON Schemas editors use (data/schemas/editeur/) and the field
reference in CONTRIBUTING.md. Tests fail when either is out of date."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from helpfinder.core.arguments import ArgumentParser
from helpfinder.data.editorschema import write_editor_schemas
from helpfinder.data.schema import load_schemas
from helpfinder.site.fieldreference import update_contributing

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    schemas_dir = ROOT / "data" / "schemas"
    schemas = load_schemas(schemas_dir)
    for path in write_editor_schemas(schemas, schemas_dir):
        print(f"écrit : {path.relative_to(ROOT)}")
    changed = update_contributing(ROOT / "CONTRIBUTING.md", schemas)
    print(f"{'réécrit' if changed else 'déjà à jour'} : CONTRIBUTING.md (référence des champs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
