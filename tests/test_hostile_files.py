"""Hostile or broken files get one clear error with its line, never a traceback, quickly."""

from __future__ import annotations

import os
import time

import pytest

from conftest import VALID_PLACE, problems_in, run, write

FILE = "data/actors/lieu-test.yml"
BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def only_error(data_dir, content):
    write(data_dir, "actors/lieu-test.yml", content)
    started = time.perf_counter()
    report = run(data_dir)
    elapsed = time.perf_counter() - started
    assert elapsed < 2, f"took {elapsed:.1f} s"
    return problems_in(report, FILE)


@pytest.mark.parametrize(
    ("content", "code", "line"),
    [
        pytest.param(b"", "fichier-vide", 1, id="empty"),
        pytest.param(b"   \n\n", "fichier-vide", 1, id="blank"),
        pytest.param(b"# rien\n# toujours rien\n", "fichier-vide", 1, id="comments-only"),
        pytest.param(b"nom: a\n\x00\x01\x02binaire", "fichier-binaire", 2, id="binary-nul"),
        pytest.param(
            os.urandom(64).replace(b"\x00", b"") + b"\x00",
            "fichier-binaire",
            None,
            id="random-bytes",
        ),
        pytest.param("nom: a\nadresse: café\n".encode("latin-1"), "encodage", 2, id="latin-1"),
        pytest.param(b"nom: a\n\tadresse: b\n", "yaml-tabulation", 2, id="tab-indent"),
        pytest.param(b"nom: a\n  adresse: b: c\n", "yaml-syntaxe", 2, id="bad-colon"),
        pytest.param(b"nom: 'non ferme\nadresse: b\n", "yaml-syntaxe", None, id="open-quote"),
        pytest.param(b"nom: a\n---\nnom: b\n", "yaml-syntaxe", 2, id="two-documents"),
        pytest.param(b"[" * 5000 + b"]" * 5000, "imbrication", 1, id="deep-flow"),
        pytest.param(b"- nom: a\n- nom: b\n", "structure", 1, id="list-not-mapping"),
        pytest.param(b"juste du texte\n", "structure", 1, id="scalar-not-mapping"),
        pytest.param(
            VALID_PLACE.encode() + b"? [a, b]\n: c\n",
            "structure",
            VALID_PLACE.count("\n") + 1,
            id="list-as-key",
        ),
    ],
)
def test_broken_file_gives_one_clear_error(data_dir, content, code, line):
    problems = only_error(data_dir, content)
    assert [p.code for p in problems] == [code], [p.format() for p in problems]
    if line is not None:
        assert problems[0].line == line
    assert problems[0].record == "lieu-test"


def test_alias_bomb_is_refused_fast_and_reported_per_alias(data_dir):
    problems = only_error(data_dir, BILLION_LAUGHS)
    aliases = [p for p in problems if p.code == "yaml-alias"]
    assert len(aliases) == 8 * 9
    assert {p.line for p in aliases} == set(range(2, 10))


def test_fifty_megabyte_file_is_refused_without_reading_it(data_dir):
    path = data_dir / "actors" / "lieu-test.yml"
    with path.open("wb") as handle:  # sparse: costs no disk and no time
        handle.truncate(50 * 1024 * 1024)
    started = time.perf_counter()
    problems = problems_in(run(data_dir), FILE)
    assert time.perf_counter() - started < 2
    assert [(p.code, p.line) for p in problems] == [("fichier-trop-gros", 1)]
    assert "50.0 Mo" in problems[0].message


def test_very_long_value_is_reported_shortened(data_dir):
    text = VALID_PLACE.replace("nom: Lieu de test", "nom: " + "x" * 500_000)
    problems = only_error(data_dir, text)
    assert [p.code for p in problems] == ["longueur"]
    assert len(problems[0].format()) < 300


def test_utf8_byte_order_mark_is_accepted(data_dir):
    assert only_error(data_dir, "\ufeff" + VALID_PLACE) == []


def test_control_characters_in_a_message_are_shown_escaped(data_dir):
    text = VALID_PLACE.replace("profil: mediation", 'profil: "x\\u0007y"')
    (problem,) = only_error(data_dir, text)
    assert "\x07" not in problem.format()
    assert "x\\x07y" in problem.format()
