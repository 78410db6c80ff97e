"""The validated data of one territory, as loading leaves it: what every later stage reads
(`load.load_directory` fills it; nothing after loading opens a file of data/)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpfinder.data.documents import Document
from helpfinder.data.records import Record
from helpfinder.data.schema import RecordSchema
from helpfinder.data.territory import Territory


@dataclass
class Directory:
    """The validated data of one territory, ready for page generation and export."""

    data_dir: Path = Path("data")  # where it was read from
    territory: Territory = field(default_factory=Territory)
    places: list[Record] = field(default_factory=list)
    pathways: list[Record] = field(default_factory=list)
    plan: list[Record] = field(default_factory=list)
    minutes: list[Document] = field(default_factory=list)
    fiches: list[Document] = field(default_factory=list)
    survey: dict[str, Any] | None = None  # data/enquete/resultats.json, aggregated
    # The survey's files as they are (published by the site), by name in data/enquete/.
    survey_files: dict[str, str] = field(default_factory=dict)
    schemas: dict[str, RecordSchema] = field(default_factory=dict)
    standard_schema: str = ""  # the national standard's Table Schema, as published
