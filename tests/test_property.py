"""Property-based: whatever a record file holds, the validator answers with problems, not a crash."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SCHEMAS, VAL_ESSAI
from helpfinder.core.yamlevents import YamlFileError
from helpfinder.data.fieldcheck import Checker
from helpfinder.data.places import check_place_file
from helpfinder.data.schema import load_schemas
from helpfinder.data.territory import load_territory
from helpfinder.data.yamlsource import parse_yaml_bytes

RECORD_SCHEMAS = load_schemas(SCHEMAS)
TERRITORY, _ = load_territory(VAL_ESSAI, RECORD_SCHEMAS, VAL_ESSAI.parent)
FIELDS = [*RECORD_SCHEMAS["lieu"].fields, "inconnu", "horaires.lundi", ""]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(["08:30-12:30", "01001", "12:30", "no", "99001", "99100", "+33474000000"]),
    st.dates().map(dt.date.isoformat),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), inner, max_size=4),
    ),
    max_leaves=20,
)
records = st.dictionaries(st.sampled_from(FIELDS), values, max_size=12)

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_record_text(text: bytes, tmp: Path) -> None:
    path = tmp / "x.yml"
    path.write_bytes(text)
    _, problems = check_place_file(
        path, "data/actors/x.yml", RECORD_SCHEMAS["lieu"], TERRITORY, dt.date(2026, 11, 29)
    )
    for problem in problems:
        assert problem.file == "data/actors/x.yml"
        assert problem.line >= 1
        assert problem.code and problem.message
        problem.format()


@SETTINGS
@given(record=records)
def test_random_records_never_crash_the_validator(tmp_path_factory, record):
    text = yaml.safe_dump(record, allow_unicode=True, default_flow_style=False).encode()
    check_record_text(text, tmp_path_factory.mktemp("r"))


@SETTINGS
@given(raw=st.binary(max_size=400))
def test_random_bytes_never_crash_the_reader(raw):
    try:
        document, problems = parse_yaml_bytes(raw, "data/actors/x.yml", "x")
    except YamlFileError as exc:
        assert exc.problem.code
        return
    checker = Checker("data/actors/x.yml", "x", document, problems)
    checker.check_fields(RECORD_SCHEMAS["lieu"].fields, document.data)


@SETTINGS
@given(text=st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#\t\n ,?~0")), max_size=120))
def test_yaml_punctuation_soup_never_crashes(text):
    try:
        document, problems = parse_yaml_bytes(text.encode(), "data/actors/x.yml", "x")
    except YamlFileError:
        return
    Checker("data/actors/x.yml", "x", document, problems).check_fields(
        RECORD_SCHEMAS["lieu"].fields, document.data
    )
