"""Write data/enquete/exemple-export-odk.csv: invented answers, shaped like an ODK Central
export of the questionnaire, so that the results page can be shown and tested before the
real survey. Every page that uses them says they are synthetic. Deterministic: the same
file each run.

Then: make enquete SOURCE=data/enquete/exemple-export-odk.csv SYNTHETIQUE=1

`--data` names another data folder (its communes.csv gives the communes), `--sortie` another
output file; `--help` or an unknown flag writes nothing.
"""

from __future__ import annotations

import csv
import io
import random
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpfinder.core.arguments import ArgumentParser  # noqa: E402
from helpfinder.data.recordfile import write_atomically  # noqa: E402

ANSWERS = 150
AGES = ("15-24", "25-39", "40-59", "60-74", "75+")
COLUMNS = [
    "SubmissionDate", "debut", "fin", "accord", "profil-commune", "profil-tranche_age",
    "equipement_g-equipement", "equipement_g-connexion", "usages_g-usages", "usages_g-aisance",
    "usages_g-difficultes", "usages_g-renoncement", "aide_g-aide_actuelle", "aide_g-besoins",
    "aide_g-distance", "aide_g-commentaire", "meta-instanceID", "KEY", "SubmitterID",
    "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status", "ReviewState",
    "DeviceID", "Edits", "FormVersion",
]  # fmt: skip


def some(rng: random.Random, choices: tuple[str, ...], most: int = 3) -> str:
    return " ".join(rng.sample(choices, rng.randint(1, most)))


def rows(communes: list[str]) -> list[dict[str, str]]:
    rng = random.Random(2026)
    found = []
    for n in range(ANSWERS):
        age = rng.choices(AGES, weights=(2, 3, 4, 4, 3))[0]
        older = AGES.index(age) >= 3
        key = f"uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'enquete-synthetique-{n}')}"
        day = f"2026-0{1 + n % 9}-{10 + n % 18:02d}"
        consent = "non" if n % 25 == 0 else "oui"
        row = dict.fromkeys(COLUMNS, "")
        row.update({
            "SubmissionDate": f"{day}T10:00:00.000Z", "debut": f"{day}T09:50:00.000+01:00",
            "fin": f"{day}T10:00:00.000+01:00", "accord": consent, "meta-instanceID": key,
            "KEY": key, "SubmitterID": "1", "SubmitterName": "exemple", "AttachmentsPresent": "0",
            "AttachmentsExpected": "0", "Status": "", "ReviewState": "rejected" if n == 7 else "",
            "DeviceID": "", "Edits": "0", "FormVersion": "2026112901",
        })  # fmt: skip
        if consent == "oui":
            equipment = (
                "aucun"
                if older and rng.random() < 0.2
                else some(rng, ("smartphone", "ordinateur", "tablette"))
            )
            row.update({
                "profil-commune": rng.choice(communes),
                "profil-tranche_age": age,
                "equipement_g-equipement": equipment,
                "equipement_g-connexion": rng.choices(("box", "mobile", "aucune"), (6, 3, 1))[0],
                "usages_g-usages": "rien" if equipment == "aucun" else some(
                    rng, ("messages", "demarches", "banque", "achats", "emploi", "visio"), 4
                ),
                "usages_g-aisance": rng.choices(("tres", "plutot", "peu", "pas"),
                                                (1, 2, 3, 3) if older else (4, 4, 2, 1))[0],
                "usages_g-difficultes": "aucune" if rng.random() < 0.2 else some(
                    rng, ("compte", "formulaire", "document", "vocabulaire", "arnaques", "materiel")
                ),
                "usages_g-renoncement": rng.choices(("oui", "non"), (2, 3) if older else (1, 4))[0],
                "aide_g-aide_actuelle": "personne" if rng.random() < 0.15 else some(
                    rng, ("proches", "mairie", "france_services", "association"), 2
                ),
                "aide_g-besoins": some(
                    rng, ("bases", "demarches", "securite", "smartphone", "materiel"), 2
                ),
                "aide_g-distance": rng.choices(("commune", "5km", "15km", "plus"), (4, 3, 2, 1))[0],
                "aide_g-commentaire": f"Réponse libre inventée n° {n} : jamais publiée.",
            })  # fmt: skip
        found.append(row)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = ArgumentParser(
        prog="survey_sample",
        description="Écrit des réponses inventées à l'enquête, au format d'un export ODK "
        "Central, pour montrer la page des résultats avant la vraie enquête.",
    )
    parser.add_argument(
        "--data", type=Path, default=ROOT / "data", help="dossier des données (par défaut : data/)"
    )
    parser.add_argument(
        "--sortie",
        type=Path,
        help="le fichier à écrire (par défaut : enquete/exemple-export-odk.csv du dossier des "
        "données)",
    )
    args = parser.parse_args(argv)
    communes_file = args.data / "communes.csv"
    try:
        with communes_file.open(encoding="utf-8", newline="") as table:
            communes = [row["code_insee"] for row in csv.DictReader(table) if row.get("code_insee")]
    except (OSError, KeyError) as exc:
        print(f"{communes_file} : illisible ({exc}) ; rien n'a été écrit.", file=sys.stderr)
        return 2
    if not communes:
        print(f"{communes_file} : aucune commune ; rien n'a été écrit.", file=sys.stderr)
        return 2
    target = args.sortie or args.data / "enquete" / "exemple-export-odk.csv"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(communes))
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, buffer.getvalue())
    print(f"écrit : {target} ({ANSWERS} réponses inventées)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
