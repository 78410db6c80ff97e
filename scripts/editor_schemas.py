"""`make schemas`: write the JSON Schemas that editors use to check records as they are typed
(data/schemas/editeur/), from the Frictionless descriptors of data/schemas/."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from helpfinder.editorschema import write_editor_schemas
from helpfinder.schema import load_schemas

if __name__ == "__main__":
    schemas_dir = Path(__file__).resolve().parent.parent / "data" / "schemas"
    for path in write_editor_schemas(load_schemas(schemas_dir), schemas_dir):
        print(f"écrit : {path.relative_to(schemas_dir.parent.parent)}")
