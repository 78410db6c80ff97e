"""One valid and at least one invalid example per check of a place record.

Each invalid case changes one thing in a valid record and asserts the one error it must
produce: its file, line, record, field and code (and a word of its message).
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import VALID_PLACE, assert_one_error, line_of, run, write
from helpfinder.core.problems import Severity

FILE = "data/actors/lieu-test.yml"


def test_valid_place_has_no_problem(data_dir):
    write(data_dir, "actors/lieu-test.yml", VALID_PLACE)
    report = run(data_dir)
    assert report.problems == []


# (case id, text to replace, replacement, code, field, line needle (in the new text), message part)
# fmt: off
CASES = [
    ('unknown-field', 'telephone:', 'telephon:', 'champ-inconnu', 'telephon', 'telephon:', "'telephone'"),
    ('required-field', 'nom: Lieu de test\n', '', 'champ-requis', 'nom', None, 'obligatoire'),
    ('empty-required', 'nom: Lieu de test', "nom: ''", 'champ-requis', 'nom', "nom: ''", 'obligatoire'),
    ('wrong-type-list', 'nom: Lieu de test', 'nom: [a, b]', 'type', 'nom', 'nom: [a, b]', 'un texte'),
    ('list-for-mapping', 'horaires:\n  lundi: "08:30-12:30, 13:30-17:00"\n  mercredi: "09:00-12:00"', 'horaires: [lundi, mardi]', 'structure', 'horaires', 'horaires: [lundi', 'champs'),
    ('enum-lost-accent', '  - Aide aux démarches administratives', '  - Aide aux demarches administratives', 'valeur-non-autorisee', 'services[1]', 'Aide aux demarches', "'Aide aux démarches administratives'"),
    ('enum-case', '  - Gratuit', '  - gratuit', 'valeur-non-autorisee', 'frais_a_charge[1]', '  - gratuit', "'Gratuit'"),
    ('enum-list', 'profil: mediation', 'profil: benevole', 'valeur-non-autorisee', 'profil', 'profil: benevole', "'aidant'"),
    ('insee-pattern', 'code_insee: "99001"', 'code_insee: "9900"', 'format-insee', 'code_insee', 'code_insee', 'INSEE'),
    ('postal-pattern', 'code_postal: "99100"', 'code_postal: "9910"', 'format-code-postal', 'code_postal', 'code_postal', '5 chiffres'),
    ('phone-pattern', '  - "+33400000000"', '  - "04 00 00 00 99"', 'format-telephone', 'telephone[1]', '04 00 00', "'+33400000099'"),
    ('email-pattern', '  - contact@exemple.fr', '  - contact-exemple.fr', 'format-courriel', 'courriels[1]', 'contact-exemple', 'électronique'),
    ('url-javascript', '  - https://exemple.fr', '  - javascript:alert(1)', 'format-url', 'site_web[1]', 'javascript', 'https://'),
    ('url-no-scheme', '  - https://exemple.fr', '  - www.exemple.fr', 'format-url', 'site_web[1]', 'www.exemple', "'https://www.exemple.fr'"),
    ('hours-format', 'lundi: "08:30-12:30, 13:30-17:00"', 'lundi: "8h30-12h"', 'horaires-format', 'horaires.lundi', '8h30-12h', "'08:30-12:00'"),
    ('hours-order', 'mercredi: "09:00-12:00"', 'mercredi: "12:00-09:00"', 'horaires-ordre', 'horaires.mercredi', '12:00-09:00', 'fin'),
    ('hours-unsorted', 'mercredi: "09:00-12:00"', 'mercredi: "14:00-16:00, 09:00-12:00"', 'horaires-ordre', 'horaires.mercredi', '14:00-16:00', 'ordre'),
    ('hours-overlap', 'mercredi: "09:00-12:00"', 'mercredi: "09:00-12:00, 11:00-14:00"', 'horaires-chevauchement', 'horaires.mercredi', '11:00-14:00', 'chevauchent'),
    ('hours-not-a-time', 'mercredi: "09:00-12:00"', 'mercredi: "09:00-25:00"', 'horaires-format', 'horaires.mercredi', '25:00', 'valide'),
    ('weekday-case', '  mercredi:', '  Mercredi:', 'champ-inconnu', 'horaires.Mercredi', 'Mercredi', "'mercredi'"),
    ('unknown-commune', 'code_insee: "99001"', 'code_insee: "99011"', 'commune-inconnue', 'code_insee', '99011', "'99001'"),
    ('postal-not-commune', 'code_postal: "99100"', 'code_postal: "99120"', 'code-postal-commune', 'code_postal', '99120', '99100'),
    ('commune-name', "commune: Essai-le-Haut", 'commune: Saint-Test', 'commune-nom', 'commune', 'commune: Saint-Test', "'Essai-le-Haut'"),
    ('coordinates-far', 'latitude: 46.0356', 'latitude: 45.9', 'coordonnees-hors-commune', 'latitude', 'latitude: 45.9', 'km'),
    ('coordinates-swapped', 'latitude: 46.0356\nlongitude: 3.0393', 'latitude: 3.0393\nlongitude: 46.0356', 'coordonnees-hors-commune', 'latitude', 'latitude: 3.0393', 'inversées'),
    ('coordinates-half', 'longitude: 3.0393\n', '', 'coordonnees-incompletes', 'longitude', 'latitude:', 'sans longitude'),
    ('id-not-file-name', 'id: lieu-test', 'id: autre-lieu', 'id-fichier', 'id', 'id: autre-lieu', 'autre-lieu.yml'),
    ('id-pattern', 'id: lieu-test', 'id: Lieu Test', 'format-identifiant', 'id', 'id: Lieu Test', "'lieu-test'"),
    ('date-future', 'date_maj: 2026-11-02', 'date_maj: 2027-01-01', 'date-future', 'date_maj', 'date_maj', 'futur'),
    ('date-french', 'date_maj: 2026-11-02', 'date_maj: 02/11/2026', 'type', 'date_maj', 'date_maj', "'2026-11-02'"),
    ('date-impossible', 'date_maj: 2026-11-02', 'date_maj: 2026-02-30', 'type', 'date_maj', 'date_maj', 'existe'),
    ('too-long', 'nom: Lieu de test', 'nom: Lieu de test\npresentation_resume: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'longueur', 'presentation_resume', 'presentation_resume', '280'),
    ('closure-dates', '    au: 2026-12-31', '    au: 2026-12-01', 'fermeture-dates', 'fermetures[1].au', 'au: 2026-12-01', 'avant'),
    ('closure-required', '    au: 2026-12-31\n', '', 'champ-requis', 'fermetures[1].au', '  - du:', 'obligatoire'),
    ('permanence-commune', '  - commune: "99004"', '  - commune: "99998"', 'commune-inconnue', 'permanences[1].commune', '99998', 'territoire'),
    ('language-name', '  - fr', '  - français', 'format-langue', 'langues[1]', 'français', 'ISO 639-1'),
    ('language-case', '  - fr', '  - FR', 'format-langue', 'langues[1]', '  - FR', "'fr'"),
    ('boolean-french', 'accepte_pass_numerique: false', 'accepte_pass_numerique: non', 'type', 'accepte_pass_numerique', 'accepte_pass', "'false'"),
    ('latitude-bounds', 'latitude: 46.0356', 'latitude: 145.8', 'valeur-hors-limites', 'latitude', 'latitude: 145.8', 'au plus 90'),
    ('number-comma', 'latitude: 46.0356', 'latitude: 46,0356', 'type', 'latitude', 'latitude', "'46.0356'"),
    ('empty-list-item', '  - Gratuit', '  - Gratuit\n  - ~', 'valeur-vide', 'frais_a_charge[2]', '  - ~', 'vide'),
    ('duplicate-key', "adresse: 1 rue de l'Exemple", "adresse: 1 rue de l'Exemple\nadresse: 2 rue", 'yaml-cle-dupliquee', 'adresse', 'adresse: 2 rue', 'ligne 6'),
    ('alias', "adresse: 1 rue de l'Exemple", 'adresse: &a 1 rue\ncomplement_adresse: *a', 'yaml-alias', 'complement_adresse', '*a', 'alias'),
    ('custom-tag', 'nom: Lieu de test', 'nom: !python/object Lieu', 'yaml-etiquette', 'nom', '!python', 'étiquette'),
]
# fmt: on


def _case(old: str, new: str) -> str:
    assert old in VALID_PLACE, old
    return VALID_PLACE.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "code", "field", "needle", "words"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_invalid_place_gives_one_precise_error(data_dir, old, new, code, field, needle, words):
    text = _case(old, new)
    write(data_dir, "actors/lieu-test.yml", text)
    line = line_of(text, needle) if needle else 1
    assert_one_error(run(data_dir), FILE, "lieu-test", code, field, line, words)


def test_stale_record_is_a_warning_not_an_error(data_dir):
    write(data_dir, "actors/lieu-test.yml", _case("date_maj: 2026-11-02", "date_maj: 2025-11-28"))
    report = run(data_dir)
    assert report.ok
    (warning,) = report.warnings
    assert (warning.code, warning.field, warning.severity) == (
        "fiche-ancienne",
        "date_maj",
        Severity.WARNING,
    )
    assert "a_verifier: true" in warning.message


def test_record_exactly_twelve_months_old_is_not_stale(data_dir):
    write(data_dir, "actors/lieu-test.yml", _case("date_maj: 2026-11-02", "date_maj: 2025-11-29"))
    assert run(data_dir).problems == []


def test_stale_record_marked_to_verify_is_not_asked_to_add_the_flag(data_dir):
    text = _case("date_maj: 2026-11-02", "date_maj: 2021-01-01\na_verifier: true")
    write(data_dir, "actors/lieu-test.yml", text)
    (warning,) = run(data_dir).warnings
    assert "a_verifier" not in warning.message


def test_repeated_list_value_is_a_warning(data_dir):
    text = _case("  - Gratuit", "  - Gratuit\n  - Gratuit")
    write(data_dir, "actors/lieu-test.yml", text)
    report = run(data_dir)
    assert report.ok
    assert [(p.code, p.field, p.line) for p in report.warnings] == [
        ("valeur-en-double", "frais_a_charge[2]", line_of(text, "  - Gratuit", 2))
    ]


def test_single_value_stands_for_a_list(data_dir):
    write(
        data_dir,
        "actors/lieu-test.yml",
        _case("frais_a_charge:\n  - Gratuit", "frais_a_charge: Gratuit"),
    )
    assert run(data_dir).problems == []


def test_leading_zeros_and_times_are_kept_as_written(data_dir):
    """PyYAML alone reads 01001 as 1001 and 12:30 as 750: our loader keeps the text."""
    from helpfinder.data.load import load_directory

    text = _case('code_postal: "99100"', "code_postal: 99100").replace(
        'mercredi: "09:00-12:00"', "mercredi: 09:00-12:00"
    )
    write(data_dir, "actors/lieu-test.yml", text)
    directory, report = load_directory(data_dir, dt.date(2026, 11, 29))
    assert report.problems == []
    (place,) = directory.places
    assert place.data["code_postal"] == "99100"
    assert place.data["horaires"]["mercredi"] == "09:00-12:00"


def test_duplicate_ids_across_extensions(data_dir):
    write(data_dir, "actors/lieu-test.yml", VALID_PLACE)
    write(data_dir, "actors/lieu-test.yaml", VALID_PLACE)
    report = run(data_dir)
    assert [(p.file, p.code, p.line) for p in report.errors] == [
        ("data/actors/lieu-test.yml", "id-duplique", 1)
    ]
    assert "data/actors/lieu-test.yaml" in report.errors[0].message


def test_other_files_in_actors_are_reported_not_read(data_dir):
    write(data_dir, "actors/notes.txt", "pas une fiche")
    write(data_dir, "actors/README.md", "ignored on purpose")
    write(data_dir, "actors/.gitkeep", "")
    report = run(data_dir)
    assert [(p.file, p.code, p.severity) for p in report.problems] == [
        ("data/actors/notes.txt", "fichier-ignore", Severity.WARNING)
    ]


def test_all_errors_of_all_files_are_reported_at_once(data_dir):
    write(data_dir, "actors/lieu-test.yml", _case("profil: mediation", "profil: x"))
    other = _case("id: lieu-test", "id: autre").replace('code_postal: "99100"', 'code_postal: "1"')
    write(data_dir, "actors/autre.yml", other)
    report = run(data_dir)
    assert sorted((p.file, p.code) for p in report.errors) == [
        ("data/actors/autre.yml", "format-code-postal"),
        ("data/actors/lieu-test.yml", "valeur-non-autorisee"),
    ]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (("contact@exemple.fr", "marie.dupont@gmail.com"), "courriels[1]"),
        (("contact@exemple.fr", "jean-pierre_martin@orange.fr"), "courriels[1]"),
        (('"+33400000000"', '"+33612345678"'), "telephone[1]"),
        (('"+33400000000"', '"+262692123456"'), "telephone[1]"),
        (
            (
                "source: Fiche de test",
                "source: Fiche de test\nnotes_verification: rappeler Mme X au 06 12 34 56 78",
            ),
            "notes_verification",
        ),
        (
            (
                "source: Fiche de test",
                "source: Fiche de test\nnotes_verification: écrire à m.x@exemple.fr",
            ),
            "notes_verification",
        ),
    ],
)
def test_a_persons_contact_is_a_warning_that_says_how_to_proceed(data_dir, change, field):
    write(data_dir, "actors/lieu-test.yml", VALID_PLACE.replace(*change))
    report = run(data_dir)
    assert report.errors == []
    (warning,) = [p for p in report.warnings if p.code == "donnee-personnelle"]
    assert warning.field == field and "publi" in warning.message


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("contact@exemple.fr", "accueil.mairie@exemple.fr"),  # the place's own domain
        ("contact@exemple.fr", "mediatheque@gmail.com"),  # a place's generic webmail address
        ('"+33400000000"', '"+33474010203"'),  # a landline
    ],
)
def test_a_places_own_contact_gives_no_personal_data_warning(data_dir, old, new):
    write(data_dir, "actors/lieu-test.yml", VALID_PLACE.replace(old, new))
    assert [p for p in run(data_dir).warnings if p.code == "donnee-personnelle"] == []
