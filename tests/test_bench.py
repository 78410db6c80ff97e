"""The bench scripts keep working, and checking files on several cores changes nothing."""

from __future__ import annotations

import sys

import yaml

from conftest import ROOT, TODAY, VALID_PLACE, write
from helpfinder.contrib.reportformats import format_report
from helpfinder.data import load as pipeline

sys.path.insert(0, str(ROOT / "scripts"))
import bench
import bench_coverage
import bench_import
import bench_site


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


def test_synthetic_communes_are_valid_and_spread_over_their_departements():
    rows = bench_site.commune_rows(1_000, 3)
    assert len({r["code_insee"] for r in rows}) == len({r["nom"] for r in rows}) == 1_000
    by_departement: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_departement.setdefault(row["code_insee"][:2], []).append(row)
    assert sorted(len(found) for found in by_departement.values()) == [333, 333, 334]
    for code, found in by_departement.items():
        lats = [float(r["latitude"]) for r in found]
        lons = [float(r["longitude"]) for r in found]
        assert max(lats) - min(lats) < bench_site.CELL_LAT, code
        assert max(lons) - min(lons) < bench_site.CELL_LON, code
        assert all(r["codes_postaux"].startswith(code) for r in found)
    assert all(41.5 < float(r["latitude"]) < 51 and -4.5 < float(r["longitude"]) < 8 for r in rows)


def test_site_bench_builds_a_tiny_territory_and_the_plain_reference(tmp_path):
    result = bench_site.run_scale("mini", 5, 8, 2, workdir=tmp_path, repeats=1)
    ours, plain = result["ours"], result["plain"]
    built = sorted((tmp_path / "ours" / "site").rglob("*.html"))
    assert ours["pages"] == len(built) == sum(ours["pages_by_folder"].values())
    # One page per commune, per place (plus the directory); per pathway: its start, its tree,
    # one page per question, two per outcome (the outcome and its orientation sheet).
    assert ours["pages_by_folder"]["communes"] == 5
    assert ours["pages_by_folder"]["lieux"] == 8 + 1
    pathways = [
        yaml.safe_load((tmp_path / "ours" / "data" / "pathways" / f"{p['id']}.yml").read_text())
        for p in bench_site.PATHWAYS
    ]
    assert len(pathways) == 2
    expected = sum(2 + len(p["questions"]) + 2 * len(p["resultats"]) for p in pathways)
    assert ours["pages_by_folder"]["parcours"] == expected
    # The reference has as many HTML pages, all of them plain Markdown pages but the 404.
    assert plain["pages"] == ours["pages"]
    assert len(list((tmp_path / "plain" / "docs").rglob("*.md"))) == ours["pages"] - 1
    for side in (ours, plain):
        assert side["seconds"] > 0 and side["peak_mb"] > 0 and side["tree_mb"] >= side["peak_mb"]
        assert 0 < side["median_page_kb"] <= side["max_page_kb"]
        assert side["largest_pages"][0]["kb"] == side["max_page_kb"]
    assert result["median_article_bytes"] > 0
    assert result["ratio"] == round(ours["seconds"] / plain["seconds"], 2)
    assert bench_site.table([result]).count("\n| mini | 5 | 8 | ") == 1


def test_import_bench_writes_the_territorys_rows_of_a_national_file():
    result = bench_import.run(2_000)
    assert (result["exit_code"], result["stderr"]) == (0, "")
    assert result["written"] == result["territory_rows"] == bench_import.TERRITORY_ROWS
    assert f"2000 lignes lues, {bench_import.TERRITORY_ROWS} du territoire" in result["summary"]
    assert result["seconds"] > 0


def test_coverage_bench_covers_every_commune_of_a_small_country():
    result = bench_coverage.run(communes=400, places=150)
    assert result["errors"] == 0
    assert result["communes"] == result["csv_rows"] == result["ranked"] == 400
    assert result["coverage_s"] > 0
