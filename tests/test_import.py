"""`make import`: a national-standard CSV in, checked place records out, nothing lost or
half-written, local edits never overwritten, and the export of an import is the export."""

from __future__ import annotations

import csv
import fcntl
import io
import itertools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SCHEMAS, TODAY, VAL_ESSAI, VALID_PLACE, copy_territory, write
from helpfinder.analysis.index import build_index
from helpfinder.contrib.cli import import_main
from helpfinder.data import recordfile
from helpfinder.data.load import load_directory
from helpfinder.data.schema import load_schemas
from helpfinder.opendata import importer, importrow
from helpfinder.opendata.export import MULTI_VALUED, standard_columns, standard_csv

STANDARD = SCHEMAS / "standard-mediation-numerique" / "schema.json"
COLUMNS = standard_columns(STANDARD.read_text(encoding="utf-8"))
ROW = {
    "id": "mediatheque-verif",
    "pivot": "00000000000000",
    "nom": "Médiathèque de Vérif",
    "commune": "Vérif",
    "code_postal": "99140",
    "code_insee": "99006",
    "adresse": "2 place de la Gare",
    "telephone": "04 74 00 00 01",
    "horaires": "Tu,Th 14:00-18:00; Sa 09:00-12:00",
    "source": "Réseau régional, export de démonstration",
    "date_maj": "2026-03-02",
    "services": "Accès internet et matériel informatique|Maîtrise des outils numériques du quotidien",
    "frais_a_charge": "Gratuit",
}


def standard_file(path: Path, rows: list[dict[str, str]], columns: list[str] = COLUMNS) -> Path:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({name: row.get(name, "") for name in columns} for row in rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def export_of(data_dir: Path) -> str:
    directory, report = load_directory(data_dir, TODAY)
    assert report.ok, [p.format() for p in report.errors]
    return standard_csv(build_index(directory, TODAY), COLUMNS)


def run_import(capsys, source: Path, data_dir: Path, *flags: str) -> tuple[int, str, str]:
    code = import_main([str(source), "--data", str(data_dir), *flags])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def files_of(data_dir: Path) -> dict[str, bytes]:
    """Every file under actors/, hidden ones included: a staging folder left behind shows."""
    actors = data_dir / "actors"
    return {
        p.relative_to(actors).as_posix(): p.read_bytes() if p.is_file() else b"folder"
        for p in actors.rglob("*")
    }


# The round trip


def test_the_fixture_places_round_trip_through_the_standard(tmp_path, data_dir, capsys):
    exported = export_of(copy_territory(VAL_ESSAI, tmp_path / "val-essai" / "data"))
    source = tmp_path / "export.csv"
    source.write_text(exported, encoding="utf-8")
    code, out, _ = run_import(capsys, source, data_dir)
    assert code == 0, out
    assert sorted(files_of(data_dir)) == sorted(
        p.name for p in (VAL_ESSAI / "actors").glob("*.yml")
    )
    assert "9 fiches ajoutées" in out
    assert export_of(data_dir) == exported


def vocabulary(field: str) -> list[str]:
    spec = load_schemas(SCHEMAS)["lieu"].fields[field]
    return list(spec.item.enum or ())


RICH_HOURS = [
    'horaires:\n  lundi: "08:30-12:30, 13:30-17:00"\n  mardi: "08:30-12:30, 13:30-17:00"\n',
    'horaires:\n  samedi: "09:00-12:00"\n  dimanche: "10:00-11:30"\n',
    "".join(["horaires:\n", *(f'  {d}: "00:00-24:00"\n' for d in ("lundi", "mardi", "jeudi"))]),
    "",
]


def rich_place(n: int) -> str:
    """Place n of a set that uses every value of every list field of the standard."""
    text = VALID_PLACE.replace("id: lieu-test", f"id: lieu-riche-{n:02d}")
    text = text.replace("nom: Lieu de test", f'nom: "Lieu n° {n}, « riche » | varié"')
    text = text.replace(
        "fermetures:\n  - du: 2026-12-24\n    au: 2026-12-31\n    motif: Fêtes\n", ""
    )
    text = text.replace(
        'horaires:\n  lundi: "08:30-12:30, 13:30-17:00"\n  mercredi: "09:00-12:00"\n', ""
    )
    text = text.replace("modalites_accompagnement:\n  - Accompagnement individuel\n", "")
    text = text.replace("services:\n  - Aide aux démarches administratives\n", "")
    text = text.replace("frais_a_charge:\n  - Gratuit\n", "")
    if n % 3 == 0:
        text = text.replace("latitude: 46.0356\nlongitude: 3.0393\n", "")
    text += RICH_HOURS[n % len(RICH_HOURS)]
    for field in (f for f in MULTI_VALUED if vocabulary(f)):
        values = vocabulary(field)
        chosen = list(dict.fromkeys(values[(n * k) % len(values)] for k in (1, 2, 3)))
        text += f"{field}:\n" + "".join(f'  - "{value}"\n' for value in chosen[: 1 + n % 3])
    if n % 2:
        text += (
            f'pivot: "9990000010001{n % 10}"\n'
            'structure_parente: Réseau, "quoté"\n'
            "presentation_resume: Sur deux lignes,\\navec une virgule\n"
            'presentation_detail: "Ligne 1\\nLigne 2 ; ligne « 3 »"\n'
            "autres_formations_labels: Label local\n"
            "fiche_acces_libre: https://acceslibre.beta.gouv.fr/app/exemple/\n"
            "prise_rdv: https://rdv.exemple.fr/?a=1&b=2\n"
            "complement_adresse: Bâtiment B, 2e étage\n"
        )
    return text


def test_every_value_of_the_standard_round_trips(tmp_path, data_dir, capsys):
    for n in range(24):
        write(data_dir, f"actors/lieu-riche-{n:02d}.yml", rich_place(n))
    exported = export_of(data_dir)
    assert exported.count("\n") > 25  # multi-line texts are quoted, not lost
    empty = tmp_path / "vide" / "data"
    shutil.copytree(data_dir, empty, ignore=lambda d, names: names if d.endswith("actors") else [])
    source = tmp_path / "riche.csv"
    source.write_text(exported, encoding="utf-8")
    code, out, _ = run_import(capsys, source, empty)
    assert code == 0, out
    assert "24 fiches ajoutées" in out
    assert export_of(empty) == exported


# What is written


def test_a_row_becomes_a_commented_checked_record(tmp_path, data_dir, capsys):
    source = standard_file(tmp_path / "reseau.csv", [ROW])
    code, out, _ = run_import(capsys, source, data_dir)
    assert code == 0, out
    assert "ajouté     data/actors/mediatheque-verif.yml (ligne 2)" in out
    text = (data_dir / "actors" / "mediatheque-verif.yml").read_text(encoding="utf-8")
    first, second = text.splitlines()[:2]
    assert first == "# yaml-language-server: $schema=../schemas/editeur/lieu.json"
    assert second.startswith("# Fiche importée de reseau.csv (ligne 2), le 2026-11-29")
    assert recordfile.untouched_since_import(text) is True
    (place,) = load_directory(data_dir, TODAY)[0].places
    assert place.data["telephone"] == [
        "+33474000001"
    ]  # a French number, written the standard's way
    assert place.data["horaires"] == {
        "mardi": "14:00-18:00",
        "jeudi": "14:00-18:00",
        "samedi": "09:00-12:00",
    }
    assert place.data["source"] == ROW["source"]
    assert place.data["date_maj"].isoformat() == ROW["date_maj"]
    assert place.data["profil"] == "mediation"
    assert "pivot" not in place.data  # the standard's placeholder is no SIRET
    assert place.data["provenance"] == [
        {
            "source": ROW["source"],
            "date": place.data["date_maj"],
            "identifiant": "id=mediatheque-verif",
        }
    ]


def test_only_the_territorys_rows_are_kept(tmp_path, data_dir, capsys):
    rows = [
        {
            **ROW,
            "id": "ailleurs",
            "commune": "Reims",
            "code_postal": "51100",
            "code_insee": "51454",
        },
        # No INSEE code: the postal code and the commune's name find it.
        {
            **ROW,
            "id": "sans-code",
            "nom": "Point numérique des Épreuves",
            "commune": "les epreuves",
            "code_postal": "99130",
            "code_insee": "",
            "adresse": "1 place de l'Église",
        },
        # No INSEE code and a postal code of another commune of the same name: outside.
        {
            **ROW,
            "id": "homonyme",
            "nom": "Autre lieu",
            "commune": "Les Épreuves",
            "code_postal": "42260",
            "code_insee": "",
        },
    ]
    source = standard_file(tmp_path / "national.csv", rows)
    code, out, _ = run_import(capsys, source, data_dir)
    assert code == 0, out
    assert sorted(files_of(data_dir)) == ["sans-code.yml"]
    (place,) = load_directory(data_dir, TODAY)[0].places
    assert place.data["code_insee"] == "99004"
    assert "3 lignes lues, 1 du territoire" in out and "2 hors du territoire" in out


def test_hours_that_do_not_fit_a_week_are_kept_whole_with_a_warning(tmp_path, data_dir, capsys):
    hours = 'Mo-Fr 09:00-12:00; Jan-Jun Sa 09:00-12:00 "sauf vacances"'
    source = standard_file(tmp_path / "reseau.csv", [{**ROW, "horaires": hours}])
    code, out, _ = run_import(capsys, source, data_dir)
    assert code == 0, out
    assert (
        "reseau.csv:2: [mediatheque-verif] horaires: avertissement : horaires non mis en table"
        in out
    )
    (place,) = load_directory(data_dir, TODAY)[0].places
    assert "horaires" not in place.data
    assert place.data["horaires_precisions"] == hours
    assert place.data["a_verifier"] is True
    assert hours in place.data["notes_verification"]


def test_hours_too_long_for_the_precisions_stay_in_the_notes(tmp_path, data_dir, capsys):
    limit = load_schemas(SCHEMAS)["lieu"].fields["horaires_precisions"].max_length
    assert limit == importrow.PRECISIONS_MAX
    hours = "; ".join(f'Mo[{n}] 09:00-12:00 "semaine {n}"' for n in range(1, 5)) * 3
    assert len(hours) > limit
    source = standard_file(tmp_path / "reseau.csv", [{**ROW, "horaires": hours}])
    code, out, _ = run_import(capsys, source, data_dir)
    assert code == 0, out
    (place,) = load_directory(data_dir, TODAY)[0].places
    assert "horaires_precisions" not in place.data
    assert hours in place.data["notes_verification"]


# Bad input


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"nom": ""}, "nom", "obligatoire"),
        ({"services": "Aide aux démarches"}, "services[1]", "Aide aux démarches administratives"),
        ({"telephone": "04 74"}, "telephone[1]", "+33"),
        ({"date_maj": "02/03/2026"}, "date_maj", "date"),
        ({"code_postal": "99999"}, "code_postal", "99140"),
        ({"latitude": "48.85", "longitude": "2.35"}, "latitude", "km des limites"),
        ({"site_web": "www.exemple.fr"}, "site_web[1]", "http"),
    ],
)
def test_a_bad_row_is_reported_and_not_written(tmp_path, data_dir, capsys, change, field, words):
    good = {**ROW, "id": "bon-lieu", "nom": "Bon lieu", "adresse": "3 rue Neuve"}
    source = standard_file(tmp_path / "reseau.csv", [{**ROW, **change}, good])
    code, out, _ = run_import(capsys, source, data_dir)
    assert code == 1
    errors = [line for line in out.splitlines() if line.startswith("reseau.csv:2:")]
    assert len(errors) == 1 and errors[0].startswith(f"reseau.csv:2: [mediatheque-verif] {field}: ")
    assert words in errors[0]
    assert "erreur     ligne 2 [mediatheque-verif] : 1 erreur : fiche non écrite" in out
    assert sorted(files_of(data_dir)) == ["bon-lieu.yml"]  # the good row went in, nothing else


def test_a_row_not_in_utf8_or_with_a_stray_comma_is_named(tmp_path, data_dir, capsys):
    source = standard_file(tmp_path / "reseau.csv", [ROW, {**ROW, "id": "b", "nom": "Autre lieu"}])
    raw = source.read_bytes().replace("Médiathèque".encode(), "Médiathèque".encode("latin-1"))
    lines = raw.rstrip(b"\n").split(b"\n")
    lines.append(b"c" + lines[2].replace(b"Autre lieu", b"Autre lieu,en trop")[1:])
    source.write_bytes(b"\n".join(lines))
    code, out, _ = run_import(capsys, source, data_dir)
    assert code == 1
    assert "reseau.csv:2: [mediatheque-verif] nom: caractères illisibles" in out
    assert "reseau.csv:4: [c] 33 valeurs pour 32 colonnes" in out
    assert sorted(files_of(data_dir)) == ["b.yml"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (lambda text: text.replace(",", ";"), "séparées par « ; »"),
        (lambda text: text.replace("services,", "prestations,", 1), "colonne manquante : services"),
        (lambda text: "", "le fichier est vide"),
        # Read leniently, an open quote swallowed the rows after it: places silently lost.
        (lambda text: text + '"ouvert,b\n' + text.split("\n")[1] + "\n", ":3: un guillemet"),
        (lambda text: text + '"' + "x" * 140_000 + '"\n', ":3: une cellule dépasse 128 Ko"),
    ],
)
def test_a_file_that_is_not_the_standard_is_refused_whole(
    tmp_path, data_dir, capsys, content, words
):
    source = standard_file(tmp_path / "reseau.csv", [ROW])
    source.write_text(content(source.read_text(encoding="utf-8")), encoding="utf-8")
    code, _, err = run_import(capsys, source, data_dir)
    assert code == 2
    assert err.startswith("reseau.csv") and words in err and "Rien n'a été importé." in err
    assert files_of(data_dir) == {}


def test_a_trial_run_reports_the_same_and_writes_nothing(tmp_path, data_dir, capsys):
    source = standard_file(tmp_path / "reseau.csv", [ROW])
    code, out, _ = run_import(capsys, source, data_dir, "--essai")
    assert code == 0
    assert "ajouté     data/actors/mediatheque-verif.yml" in out
    assert out.endswith("Essai : aucun fichier n'a été écrit.\n")
    assert files_of(data_dir) == {}


def test_a_write_that_fails_leaves_no_partial_file(tmp_path, data_dir, capsys, monkeypatch):
    source = standard_file(tmp_path / "reseau.csv", [ROW])

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(recordfile.os, "replace", full_disk)
    code, _, err = run_import(capsys, source, data_dir)
    assert code == 2
    assert "No space left on device" in err and "aucune n'est à moitié écrite" in err
    assert files_of(data_dir) == {}


# Duplicates and local edits


def import_twice(tmp_path, data_dir, capsys, first: dict, second: dict) -> str:
    run_import(capsys, standard_file(tmp_path / "premier.csv", [first]), data_dir)
    code, out, _ = run_import(capsys, standard_file(tmp_path / "second.csv", [second]), data_dir)
    assert code == 0, out
    return out


def test_a_newer_row_updates_what_an_import_wrote(tmp_path, data_dir, capsys):
    newer = {
        **ROW,
        "id": "autre-id",
        "nom": "Mediatheque Verif",
        "date_maj": "2026-09-01",
        "horaires": "Sa 10:00-12:00",
    }
    out = import_twice(tmp_path, data_dir, capsys, ROW, newer)
    assert "mis à jour data/actors/mediatheque-verif.yml (ligne 2)" in out
    assert "vérifiée le 2026-03-02, maintenant le 2026-09-01" in out
    (place,) = load_directory(data_dir, TODAY)[0].places
    assert place.data["horaires"] == {"samedi": "10:00-12:00"}
    assert place.data["nom"] == "Mediatheque Verif"


def test_a_row_no_newer_than_the_record_changes_nothing(tmp_path, data_dir, capsys):
    out = import_twice(tmp_path, data_dir, capsys, ROW, {**ROW, "horaires": "Sa 10:00-12:00"})
    assert "ignoré     ligne 2 [mediatheque-verif] : déjà présent (même identifiant)" in out
    assert "rien de plus récent" in out


@pytest.mark.parametrize("who", ["edited", "hand-written"])
def test_a_record_a_person_wrote_or_edited_is_never_replaced(tmp_path, data_dir, capsys, who):
    if who == "edited":
        run_import(capsys, standard_file(tmp_path / "premier.csv", [ROW]), data_dir)
        path = data_dir / "actors" / "mediatheque-verif.yml"
        text = path.read_text(encoding="utf-8").replace("14:00-18:00", "14:00-17:30")
        path.write_text(text, encoding="utf-8")
    else:
        hand = (
            VALID_PLACE.replace("lieu-test", "ma-mediatheque")
            .replace("nom: Lieu de test", f"nom: {ROW['nom']}")
            .replace("adresse: 1 rue de l'Exemple", f"adresse: {ROW['adresse']}")
            .replace('code_insee: "99001"', 'code_insee: "99006"')
            .replace('code_postal: "99100"', 'code_postal: "99140"')
            .replace("commune: Essai-le-Haut", "commune: Vérif")
            .replace("latitude: 46.0356\nlongitude: 3.0393\n", "")
        )
        write(data_dir, "actors/ma-mediatheque.yml", hand)
    before = files_of(data_dir)
    newer = {**ROW, "id": "autre", "date_maj": "2026-10-01"}
    code, out, _ = run_import(capsys, standard_file(tmp_path / "second.csv", [newer]), data_dir)
    assert code == 0, out
    state = "modifiée depuis son import" if who == "edited" else "écrite à la main"
    assert (
        f"ignoré     ligne 2 [autre] : déjà présent (nom semblable, même adresse) ; fiche {state} : elle n'est pas remplacée"
        in out
    )
    assert files_of(data_dir) == before


def test_same_address_with_another_name_is_added_with_a_flag(tmp_path, data_dir, capsys):
    other = {
        **ROW,
        "id": "france-services-verif",
        "nom": "France services",
        "date_maj": "2026-04-01",
    }
    out = import_twice(tmp_path, data_dir, capsys, ROW, other)
    assert "ajouté     data/actors/france-services-verif.yml" in out
    assert (
        "à vérifier, ce n'est peut-être pas un autre lieu que data/actors/mediatheque-verif.yml (même adresse, autre nom)"
        in out
    )
    assert len(files_of(data_dir)) == 2


def test_the_same_place_twice_in_a_file_is_imported_once(tmp_path, data_dir, capsys):
    twice = {**ROW, "id": "7f1c2b9e-1d2a-4c3b-9a8e-0b1c2d3e4f5a", "nom": "Médiathèque Vérif"}
    source = standard_file(tmp_path / "national.csv", [ROW, twice])
    code, out, _ = run_import(capsys, source, data_dir)
    assert code == 0
    assert (
        "ignoré     ligne 3 [7f1c2b9e-1d2a-4c3b-9a8e-0b1c2d3e4f5a] : même lieu que la ligne 2"
        in out
    )
    assert sorted(files_of(data_dir)) == ["mediatheque-verif.yml"]


def test_machine_ids_and_taken_ids_give_readable_file_names(tmp_path, data_dir, capsys):
    write(data_dir, "actors/mediatheque-de-verif.yml", "nom: [pas une fiche valide\n")
    rows = [
        {**ROW, "id": "7f1c2b9e-1d2a-4c3b-9a8e-0b1c2d3e4f5a"},
        {**ROW, "id": "421", "nom": "Bus numérique", "adresse": "Place du marché"},
    ]
    source = standard_file(tmp_path / "national.csv", rows)
    code, out, _ = run_import(capsys, source, data_dir)
    assert code == 0, out
    assert sorted(files_of(data_dir)) == [
        "bus-numerique.yml",
        "mediatheque-de-verif-verif.yml",  # the plain name is taken, even by a broken file
        "mediatheque-de-verif.yml",
    ]


def test_make_import_needs_a_source(tmp_path):
    env = {**os.environ, "SOURCE": ""}
    result = subprocess.run(
        ["make", "-s", "--no-print-directory", "-o", ".venv/.ready", "import"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode != 0
    assert "make import SOURCE=" in result.stderr


def test_the_import_script_runs_on_its_own(tmp_path, data_dir):
    source = standard_file(tmp_path / "reseau.csv", [ROW])
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "import_places.py"),
            str(source),
            "--data",
            str(data_dir),
            "--essai",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "1 fiche ajoutée" in result.stdout


def test_pairs_of_distinct_places_are_not_taken_for_each_other(tmp_path):
    """The fixture's places are distinct (three in one commune, two at one structure's
    addresses): none may be matched to another."""
    from helpfinder.opendata.sameplace import PlaceMatcher

    places = load_directory(copy_territory(VAL_ESSAI, tmp_path / "data"), TODAY)[0].places
    for first, second in itertools.permutations(places, 2):
        matcher = PlaceMatcher()
        matcher.add(first.file, first.id, first.data)
        match = matcher.find(second.id, second.data)
        assert match is None or not match.same, (first.id, second.id, match)


def test_an_update_keeps_the_files_name(tmp_path, data_dir, capsys):
    run_import(capsys, standard_file(tmp_path / "premier.csv", [ROW]), data_dir)
    actors = data_dir / "actors"
    (actors / "mediatheque-verif.yml").rename(actors / "mediatheque-verif.yaml")
    newer = {**ROW, "date_maj": "2026-09-01"}
    code, out, _ = run_import(capsys, standard_file(tmp_path / "second.csv", [newer]), data_dir)
    assert code == 0, out
    assert "mis à jour data/actors/mediatheque-verif.yaml" in out
    assert sorted(files_of(data_dir)) == ["mediatheque-verif.yaml"]


# What a killed import leaves, and how records are written


def staging_folders(data_dir: Path) -> list[str]:
    return sorted(p.name for p in (data_dir / "actors").glob(".import-*"))


def killed_import(source: Path, data_dir: Path) -> None:
    """An import killed (as by SIGKILL: no cleanup) once its first record is staged."""
    pid = os.fork()
    if pid == 0:
        try:
            with open(os.devnull, "w") as quiet:
                sys.stdout = sys.stderr = quiet
                importer.check_place_file = lambda *args: os._exit(9)
                import_main([str(source), "--data", str(data_dir)])
        finally:
            os._exit(0)
    assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 9


def test_the_next_import_removes_what_a_killed_one_left(tmp_path, data_dir, capsys):
    source = standard_file(tmp_path / "reseau.csv", [ROW])
    killed_import(source, data_dir)
    (left,) = staging_folders(data_dir)
    assert sorted(files_of(data_dir)) == [left, f"{left}/mediatheque-verif.yml"]
    code, out, _ = run_import(capsys, source, data_dir)
    assert code == 0, out
    assert "Nettoyage : supprimé de actors/ ce qu'un import interrompu avait laissé" in out
    assert "(1 dossier .import-…)" in out
    assert sorted(files_of(data_dir)) == ["mediatheque-verif.yml"]
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", f"data/actors/{left}/mediatheque-verif.yml"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    assert ignored.returncode == 0  # not offered to `git add` meanwhile


def test_the_staging_folder_of_a_running_import_is_left_alone(tmp_path, data_dir, capsys):
    running = data_dir / "actors" / ".import-encours"
    running.mkdir()
    write(running, "lieu-a.yml", "id: lieu-a\n")
    descriptor = os.open(running, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)  # as the running import holds it
        code, out, _ = run_import(capsys, standard_file(tmp_path / "a.csv", [ROW]), data_dir)
        assert code == 0, out
        assert "Nettoyage" not in out
        assert staging_folders(data_dir) == [".import-encours"]
    finally:
        os.close(descriptor)
    code, out, _ = run_import(capsys, standard_file(tmp_path / "b.csv", [ROW]), data_dir)
    assert "(1 dossier .import-…)" in out
    assert staging_folders(data_dir) == []


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_imported_records_have_the_mode_of_any_new_file(tmp_path, data_dir, capsys, umask, mode):
    hand_written = tmp_path / "fiche-a-la-main.yml"
    before = os.umask(umask)
    try:
        hand_written.write_text(VALID_PLACE, encoding="utf-8")
        run_import(capsys, standard_file(tmp_path / "premier.csv", [ROW]), data_dir)
        record = data_dir / "actors" / "mediatheque-verif.yml"
        added = record.stat().st_mode & 0o777
        newer = {**ROW, "date_maj": "2026-09-01"}
        _, out, _ = run_import(capsys, standard_file(tmp_path / "second.csv", [newer]), data_dir)
        assert "mis à jour" in out
        updated = record.stat().st_mode & 0o777
    finally:
        os.umask(before)
    assert hand_written.stat().st_mode & 0o777 == mode
    assert (oct(added), oct(updated)) == (oct(mode), oct(mode))
