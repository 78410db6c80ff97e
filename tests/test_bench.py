"""The bench script keeps working, and checking files on several cores changes nothing."""

from __future__ import annotations

import sys

from conftest import ROOT, TODAY, VALID_PLACE, write
from helpfinder import pipeline
from helpfinder.cli import format_report

sys.path.insert(0, str(ROOT / "scripts"))
import bench


def test_bench_runs_and_validates_its_synthetic_places():
    result = bench.run(120)
    assert (result["places"], result["errors"], result["warnings"]) == (120, 0, 0)
    assert result["load_validate_s"] > 0


def test_parallel_check_gives_the_same_report_and_records(data_dir, monkeypatch):
    bench.write_places(data_dir, 60)
    write(data_dir, "actors/lieu-test.yml", VALID_PLACE.replace("profil: mediation", "profil: x"))
    serial_dir, serial = pipeline.load_directory(data_dir, TODAY)
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 10)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    parallel_dir, parallel = pipeline.load_directory(data_dir, TODAY)
    assert format_report(parallel) == format_report(serial)
    assert [p.data for p in parallel_dir.places] == [p.data for p in serial_dir.places]
    assert [p.line("nom") for p in parallel_dir.places] == [
        p.line("nom") for p in serial_dir.places
    ]
