"""The reference of every field of a record, for contributors: made from the schemas, so it
cannot drift from what the validator checks. The same entries feed the site's page « Les
champs d'une fiche » and the reference in CONTRIBUTING.md (`make schemas` rewrites it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from helpfinder.data.schema import FieldSpec, RecordSchema
from helpfinder.data.territory import Commune
from helpfinder.site.render import TEMPLATES

REFERENCE_START = "<!-- début : référence des champs, écrite par « make schemas » -->"
REFERENCE_END = "<!-- fin : référence des champs -->"
KIND_TITLES = {
    "lieu": "Une fiche de lieu (data/actors/)",
    "parcours": "Un parcours (data/pathways/)",
    "plan": "Une action du plan d'action (data/plan/)",
    "compte-rendu": "Un compte rendu du comité (data/comptes-rendus/, en-tête des fichiers .md)",
    "fiche-benchmark": "Une fiche du benchmark (data/benchmark/, en-tête des fichiers .md)",
}
_FORMATS = {
    "identifiant": "identifiant : minuscules sans accent, chiffres, tirets",
    "telephone": "téléphone : +33 puis le numéro sans le 0",
    "courriel": "adresse électronique",
    "url": "adresse web, commençant par https:// ou http://",
    "langue": "code de langue à deux lettres (fr, en, ar…)",
    "code-insee": "code INSEE de la commune, 5 caractères, entre guillemets",
    "code-postal": "code postal, 5 chiffres, entre guillemets",
    "plages-horaires": "plages horaires HH:MM-HH:MM séparées par une virgule, ou « fermé »",
}
_TYPES = {
    "string": "texte",
    "number": "nombre",
    "integer": "nombre entier",
    "boolean": "oui ou non (true ou false)",
    "date": "date AAAA-MM-JJ",
    "object": "groupe de champs",
    "array": "liste",
}


@dataclass(frozen=True)
class FieldDoc:
    """One field, as contributors read about it. `path` is how the validator names it
    (`horaires.lundi`, `fermetures[].du`); `depth` is 0 for a field of the record itself."""

    kind: str  # lieu, parcours, plan
    path: str
    title: str
    required: bool
    form: str  # what the value looks like, in words: « texte, 200 caractères au plus »
    description: str
    values: tuple[str, ...]
    example: str
    depth: int

    @property
    def anchor(self) -> str:
        path = self.path.replace("[]", "").replace(".", "-").replace("_", "-")
        return f"{self.kind}-{path}"


def field_docs(schema: RecordSchema, examples: dict[str, Any] | None = None) -> list[FieldDoc]:
    """Every field of the schema, nested ones right after their parent. `examples` (by
    path) replace the schema's: the site shows its own territory's commune, not another's."""
    docs: list[FieldDoc] = []
    _walk(schema.name, schema.fields, "", 0, docs, examples or {})
    return docs


def territory_examples(communes: list[Commune]) -> dict[str, Any]:
    """Examples of the fields that name a place of the territory, from its own communes
    (the schemas give none: they serve every territory)."""
    if not communes:
        return {}
    first = communes[0]
    other = communes[1] if len(communes) > 1 else first
    return {
        "commune": first.nom,
        "code_postal": first.codes_postaux[0],
        "code_insee": first.code_insee,
        "latitude": round(first.latitude, 4),
        "longitude": round(first.longitude, 4),
        "permanences[].commune": other.code_insee,
    }


def reference_markdown(schemas: dict[str, RecordSchema]) -> str:
    """The reference as Markdown, between the markers CONTRIBUTING.md keeps it in."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=False,  # Markdown for a forge, not HTML: nothing here is rendered raw
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    kinds = [(KIND_TITLES[kind], field_docs(schemas[kind])) for kind in KIND_TITLES]
    body = env.get_template("field_reference.md.j2").render(kinds=kinds)
    return f"{REFERENCE_START}\n{body}{REFERENCE_END}"


def with_reference(document: str, reference: str) -> str:
    """`document` with its reference section replaced by `reference`."""
    before, found, rest = document.partition(REFERENCE_START)
    _, found_end, after = rest.partition(REFERENCE_END)
    if not found or not found_end:
        raise ValueError(f"les repères « {REFERENCE_START} » et « {REFERENCE_END} » manquent")
    return before + reference + after


def update_contributing(path: Path, schemas: dict[str, RecordSchema]) -> bool:
    """Rewrite the reference in `path`; True when it changed."""
    text = path.read_text(encoding="utf-8")
    updated = with_reference(text, reference_markdown(schemas))
    if updated != text:
        path.write_text(updated, encoding="utf-8")
    return updated != text


def _walk(
    kind: str,
    fields: dict[str, FieldSpec],
    prefix: str,
    depth: int,
    docs: list[FieldDoc],
    examples: dict[str, Any],
) -> None:
    for name, spec in fields.items():
        path = f"{prefix}{name}"
        docs.append(
            FieldDoc(
                kind=kind,
                path=path,
                title=spec.title,
                required=spec.required,
                form=_form(spec),
                description=spec.description,
                values=spec.enum or (spec.item.enum if spec.item and spec.item.enum else ()),
                example=_example(name, examples.get(path, spec.example)),
                depth=depth,
            )
        )
        if spec.fields:
            _walk(kind, spec.fields, f"{path}.", depth + 1, docs, examples)
        if spec.item is not None and spec.item.fields:
            _walk(kind, spec.item.fields, f"{path}[].", depth + 1, docs, examples)


def _form(spec: FieldSpec) -> str:
    if spec.type == "array" and spec.item is not None:
        item = _form(spec.item)
        return f"liste ({item}){_limits(spec, 'valeur')}"
    described = _FORMATS.get(spec.fmt or "", _TYPES.get(spec.type, spec.type))
    return described + _limits(spec, "caractère")


def _limits(spec: FieldSpec, unit: str) -> str:
    parts = []
    if spec.type == "array" and spec.min_length:
        parts.append(f"au moins {spec.min_length} {unit}")
    if spec.type != "array" and spec.max_length:
        parts.append(f"{spec.max_length} {unit}s au plus")
    if spec.minimum is not None:
        parts.append(f"au moins {spec.minimum:g}")
    if spec.maximum is not None:
        parts.append(f"au plus {spec.maximum:g}")
    return f", {', '.join(parts)}" if parts else ""


def _example(name: str, example: Any) -> str:
    if example is None:
        return ""
    return yaml.safe_dump(
        {name: example}, allow_unicode=True, sort_keys=False, default_flow_style=False, width=88
    ).rstrip("\n")
