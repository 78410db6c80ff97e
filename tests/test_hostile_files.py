"""Hostile or broken files get one clear error with its line, never a traceback, quickly."""

from __future__ import annotations

import os
import time

import pytest

from conftest import TODAY, VALID_PLACE, problems_in, run, write
from helpfinder.data.load import load_directory

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


@pytest.mark.parametrize(
    ("escape", "shown"),
    [
        pytest.param("\\0", "\\x00", id="nul"),
        pytest.param("\\x07", "\\x07", id="bell"),
        pytest.param("\\x1b[31m", "\\x1b", id="terminal-escape"),
        pytest.param("\\x7f", "\\x7f", id="delete"),
        pytest.param("\\x86", "\\x86", id="c1-control"),
        pytest.param("\\u202e", "\\u202e", id="right-to-left-override"),
        pytest.param("\\u2067", "\\u2067", id="right-to-left-isolate"),
        pytest.param("\\u061c", "\\u061c", id="arabic-letter-mark"),
        pytest.param("\\ufffe", "\\ufffe", id="non-character"),
        pytest.param("\\U0010ffff", "\\U0010ffff", id="astral-non-character"),
    ],
)
def test_invisible_characters_written_as_escapes_are_refused(data_dir, escape, shown):
    """YAML escapes let any character into a value: a NUL breaks the Atom feed's XML, a
    right-to-left override prints the phone number next to the name backwards."""
    text = VALID_PLACE.replace("nom: Lieu de test", f'nom: "Lieu{escape} de test"')
    (problem,) = only_error(data_dir, text)
    assert (problem.code, problem.field, problem.line) == ("caractere-interdit", "nom", 2)
    message = problem.format()
    assert shown in message and "U+" in message
    assert message.isprintable()  # the terminal shows the character's code, never the character


def test_a_lone_surrogate_escape_is_refused_by_the_yaml_reader(data_dir):
    text = VALID_PLACE.replace("nom: Lieu de test", 'nom: "Lieu\\ud800 de test"')
    (problem,) = only_error(data_dir, text)
    assert (problem.code, problem.line) == ("yaml-syntaxe", 2)


@pytest.mark.parametrize(
    "name",
    [
        "Médiathèque « L'Îlot » – accueil",
        "مكتبة المدينة",  # Arabic, right to left by itself: no control needed
        "Espace\u00a0numérique",  # no-break space
        "Lieu\u200f de test",  # a right-to-left mark only places punctuation
    ],
)
def test_real_text_in_any_script_is_accepted(data_dir, name):
    write(data_dir, "actors/lieu-test.yml", VALID_PLACE.replace("Lieu de test", name))
    assert problems_in(run(data_dir), FILE) == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        pytest.param("code_postal", "٩٩١٠٠", id="arabic-indic-postal-code"),
        pytest.param("code_insee", "٩٩٠٠١", id="arabic-indic-insee"),
        pytest.param("telephone", "+33٤٠٠٠٠٠٠٠٠", id="arabic-indic-phone"),
    ],
)
def test_digits_of_other_scripts_are_not_digits(data_dir, field, value):
    """Python's \\d matches them, the browser's does not: the rules say [0-9]."""
    old = {"code_postal": '"99100"', "code_insee": '"99001"', "telephone": '"+33400000000"'}
    write(data_dir, "actors/lieu-test.yml", VALID_PLACE.replace(old[field], f'"{value}"', 1))
    problems = problems_in(run(data_dir), FILE)
    assert any(p.field.startswith(field) and p.code.startswith("format") for p in problems), [
        p.format() for p in problems
    ]


SECRET = "secret-de-la-machine: mot de passe 1234\n"


def outside_file(tmp_path, name: str, text: str) -> str:
    target = tmp_path / "ailleurs" / name
    target.parent.mkdir(exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return str(target)


@pytest.mark.parametrize(
    ("link", "target_text"),
    [
        pytest.param("actors/lieu-lien.yml", SECRET, id="place-to-secret"),
        pytest.param("actors/lieu-lien.yml", VALID_PLACE, id="place-to-valid-record-outside"),
        pytest.param("territoire.yml", SECRET, id="territory"),
        pytest.param("communes.csv", SECRET, id="communes"),
        pytest.param("pathways/lien.yml", SECRET, id="pathway"),
    ],
)
def test_a_link_in_data_is_refused_and_its_target_never_shown(
    data_dir, tmp_path, link, target_text
):
    """A link to a file of the machine: nothing of it is printed (CI logs are public) and
    nothing of it is published."""
    path = data_dir / link
    path.unlink(missing_ok=True)
    path.symlink_to(outside_file(tmp_path, "cible", target_text))
    report = run(data_dir)
    text = "\n".join(p.format() for p in report.problems)
    assert any(p.file == f"data/{link}" and p.code == "fichier-lien" for p in report.errors)
    for word in ("secret", "1234", "ailleurs", "cible", "Lieu de test"):
        assert word not in text, (word, text)
    directory, _ = load_directory(data_dir, TODAY)
    assert [p.id for p in directory.places] == []


def test_a_linked_folder_is_refused_and_not_entered(data_dir, tmp_path):
    outside = tmp_path / "autres-fiches"
    outside.mkdir()
    (outside / "lieu-test.yml").write_text(VALID_PLACE, encoding="utf-8")
    (data_dir / "actors").rmdir()
    (data_dir / "actors").symlink_to(outside)
    directory, report = load_directory(data_dir, TODAY)
    assert [(p.file, p.code) for p in report.errors] == [("data/actors", "fichier-lien")]
    assert directory.places == []


def test_a_pipe_in_data_is_refused_without_blocking(data_dir):
    """Reading a named pipe would wait forever: a file that is not a regular one is not read."""
    (data_dir / "communes.csv").unlink()
    os.mkfifo(data_dir / "communes.csv")
    os.mkfifo(data_dir / "actors" / "lieu-tube.yml")
    started = time.perf_counter()
    report = run(data_dir)
    assert time.perf_counter() - started < 5
    (problem,) = problems_in(report, "data/communes.csv")
    assert problem.code == "fichier-illisible" and "pas un fichier ordinaire" in problem.message
    (ignored,) = problems_in(report, "data/actors/lieu-tube.yml")
    assert ignored.code == "fichier-ignore"


@pytest.mark.parametrize(
    ("damage", "line", "words"),
    [
        (lambda rows: [*rows[:3], '"' + rows[3], *rows[4:]], 4, "guillemet"),
        (lambda rows: [*rows, '"' + "x" * 140_000 + '"'], 9, "128 Ko"),
    ],
)
def test_a_broken_csv_is_refused_at_its_line_without_a_traceback(data_dir, damage, line, words):
    """An open quote no longer swallows the communes after it; a giant cell is named."""
    path = data_dir / "communes.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(damage(rows)) + "\n", encoding="utf-8")
    (problem,) = [p for p in run(data_dir).errors if p.file == "data/communes.csv"]
    assert (problem.code, problem.line) == ("csv-syntaxe", line) and words in problem.message
