"""The whole report for a folder of broken examples, compared with a golden file, and the CLI.

To accept a deliberate change of the messages: UPDATE_GOLDEN=1 make test, then review the
diff of tests/golden/ like any other change.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from conftest import TODAY, VALID_PLACE, write
from helpfinder.contrib.cli import validate_main
from helpfinder.contrib.reportformats import format_report
from helpfinder.data.load import load_directory

HERE = Path(__file__).parent
BROKEN = HERE / "fixtures" / "broken"
GOLDEN = HERE / "golden" / "broken-report.txt"


def broken_data(data_dir: Path) -> Path:
    for kind in ("actors", "pathways"):
        for path in (BROKEN / kind).iterdir():
            shutil.copy(path, data_dir / kind / path.name)
    return data_dir


def test_report_of_broken_examples_matches_golden_file(data_dir):
    _, report = load_directory(broken_data(data_dir), TODAY)
    text = format_report(report) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_report_is_deterministic(data_dir):
    broken_data(data_dir)
    first = format_report(load_directory(data_dir, TODAY)[1])
    second = format_report(load_directory(data_dir, TODAY)[1])
    assert first == second


def test_cli_exit_codes_and_summary(data_dir, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795910400")  # 2026-11-29
    write(data_dir, "actors/lieu-test.yml", VALID_PLACE)
    assert validate_main(["--data", str(data_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "0 erreur dans data/",
        "1 lieux, 0 parcours, 0 actions du plan, 7 communes : données valides",
    ]

    write(data_dir, "actors/lieu-test.yml", VALID_PLACE.replace("profil: mediation", "profil: x"))
    assert validate_main(["--data", str(data_dir)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("data/actors/lieu-test.yml:")
    assert out[-1] == "1 erreur dans data/"


def test_cli_json_format(data_dir, capsys):
    broken_data(data_dir)
    assert validate_main(["--data", str(data_dir), "--format", "json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["erreurs"] == len([p for p in result["problemes"] if p["gravite"] == "erreur"])
    first = result["problemes"][0]
    assert set(first) == {"fichier", "ligne", "fiche", "champ", "code", "message", "gravite"}


def test_cli_missing_folder(capsys, tmp_path):
    assert validate_main(["--data", str(tmp_path / "nope")]) == 2
    assert "introuvable" in capsys.readouterr().err
