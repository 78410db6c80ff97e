"""A validated record (a place or a pathway) and the file it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpfinder.core.problems import Problem, Severity
from helpfinder.core.yamlevents import YamlFileError
from helpfinder.data.fieldcheck import Checker
from helpfinder.data.schema import RecordSchema
from helpfinder.data.yamlsource import YamlDocument, read_yaml_file

RECORD_SUFFIXES = (".yml", ".yaml")
IGNORED_NAMES = frozenset({"README.md", "LISEZMOI.md"})


@dataclass
class Record:
    """One record: its id (the file name), the path printed in messages, its typed values."""

    id: str
    file: str
    data: dict[str, Any]
    doc: YamlDocument = field(repr=False, default_factory=lambda: YamlDocument(None))

    def line(self, *path: str | int) -> int:
        return self.doc.line(*path)


def record_files(directory: Path, shown: Path) -> tuple[list[Path], list[Problem]]:
    """The YAML files of `directory`, sorted; a warning for any other visible file."""
    if directory.is_symlink():  # refused by datafiles.links_in; never listed
        return [], []
    if not directory.is_dir():
        shown_as = directory.relative_to(shown).as_posix()
        return [], [Problem(shown_as, 0, "", "", "dossier-manquant", "dossier manquant")]
    files, problems = [], []
    for path in sorted(directory.iterdir()):
        if path.name.startswith(".") or path.name in IGNORED_NAMES or path.is_symlink():
            continue  # a link is refused by datafiles.links_in
        if path.suffix in RECORD_SUFFIXES and path.is_file():
            files.append(path)
        else:
            problems.append(
                Problem(
                    path.relative_to(shown).as_posix(),
                    0,
                    "",
                    "",
                    "fichier-ignore",
                    "fichier ignoré : une fiche doit finir par .yml",
                    Severity.WARNING,
                )
            )
    return files, problems


def read_record(path: Path, shown_as: str, schema: RecordSchema) -> tuple[Record | None, Checker]:
    """Read a record file and check its fields and its id; the checker holds the problems.

    The Record is None when the file gives no mapping of fields at all.
    """
    record_id = path.stem
    try:
        doc, problems = read_yaml_file(path, shown_as, record_id)
    except YamlFileError as exc:
        return None, Checker(shown_as, record_id, YamlDocument(None), [exc.problem])
    return check_record(doc, problems, shown_as, record_id, schema, path.suffix)


def check_record(
    doc: YamlDocument,
    problems: list[Problem],
    shown_as: str,
    record_id: str,
    schema: RecordSchema,
    suffix: str = ".yml",
) -> tuple[Record | None, Checker]:
    """Check the fields of a parsed record and that its id is its file's name."""
    checker = Checker(shown_as, record_id, doc, problems)
    data = checker.check_fields(schema.fields, doc.data)
    if data is None:
        return None, checker
    if data.get("id") and data["id"] != record_id:
        checker.report(
            ("id",),
            "id-fichier",
            f"l'identifiant '{data['id']}' doit être le nom du fichier : "
            f"renommez le fichier en {data['id']}{suffix} ou écrivez id: {record_id}",
        )
    return Record(record_id, shown_as, data, doc), checker
