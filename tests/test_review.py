"""Review automation: the validator's annotations for GitHub and GitLab, on the broken
examples, and the CI files that run them."""

from __future__ import annotations

import json
import re

import yaml
from test_report import broken_data

from conftest import ROOT, TODAY, VALID_PLACE, write
from helpfinder.contrib.cli import validate_main
from helpfinder.contrib.reportformats import github_command
from helpfinder.core.problems import Problem, Severity
from helpfinder.data.load import load_directory

MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def test_github_annotations_name_each_file_and_line(data_dir, capsys):
    broken_data(data_dir)
    code = validate_main(["--data", str(data_dir), "--format", "github"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    _, report = load_directory(data_dir, TODAY)
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == len(report.problems)
    assert lines[-1] == report.summary()
    pattern = re.compile(r"::(error|warning) file=([^,]+)(,line=(\d+))?,title=([a-z-]+)::(.+)")
    for command, problem in zip(commands, [*report.errors, *report.warnings], strict=True):
        match = pattern.fullmatch(command)
        assert match, command
        assert match[1] == ("error" if problem.severity is Severity.ERROR else "warning")
        assert match[2] == problem.file and match[5] == problem.code
        assert int(match[4] or 0) == problem.line
        assert problem.message.replace("%", "%25") in match[6]


def test_one_wrong_hour_is_one_annotation_on_its_line(data_dir, capsys):
    write(
        data_dir,
        "actors/lieu-test.yml",
        VALID_PLACE.replace('mercredi: "09:00-12:00"', 'mercredi: "9h-12h"'),
    )
    validate_main(["--data", str(data_dir), "--format", "github"])
    (command,) = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::")]
    line = VALID_PLACE.splitlines().index('  mercredi: "09:00-12:00"') + 1
    assert command.startswith(
        f"::error file=data/actors/lieu-test.yml,line={line},title=horaires-format::"
        "[lieu-test] horaires.mercredi: '9h-12h' n'est pas au format HH:MM-HH:MM"
    )


def test_annotation_text_cannot_break_the_command():
    problem = Problem("data/actors/a,b:c.yml", 3, "x", "nom", "type", "100 %\nsecond\rline")
    assert github_command(problem) == (
        "::error file=data/actors/a%2Cb%3Ac.yml,line=3,title=type::[x] nom: 100 %25%0Asecond%0Dline"
    )


def test_gitlab_code_quality_report(data_dir, capsys):
    broken_data(data_dir)
    assert validate_main(["--data", str(data_dir), "--format", "gitlab"]) == 1
    entries = json.loads(capsys.readouterr().out)
    _, report = load_directory(data_dir, TODAY)
    assert len(entries) == len(report.problems)
    assert len({e["fingerprint"] for e in entries}) == len(entries)
    for entry, problem in zip(entries, [*report.errors, *report.warnings], strict=True):
        assert entry["location"] == {"path": problem.file, "lines": {"begin": max(problem.line, 1)}}
        assert entry["check_name"] == problem.code
        assert entry["severity"] == ("major" if problem.severity is Severity.ERROR else "minor")
        assert problem.message in entry["description"]


def test_github_workflow_checks_tests_builds_and_publishes_main():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"pull_request", "push"}
    assert triggers["push"]["branches"] == ["main"]
    steps = workflow["jobs"]["verifier"]["steps"]
    runs = [s.get("run") for s in steps if "run" in s]
    assert runs == ["make validate FORMAT=github", "./.ci/run", "make build"]
    publish = workflow["jobs"]["publier"]
    assert publish["needs"] == "verifier"
    assert "refs/heads/main" in publish["if"]
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s["uses"] for s in publish["steps"]] == ["actions/deploy-pages@v4"]


def test_gitlab_pipeline_reports_code_quality_and_publishes_pages():
    pipeline = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())
    job = pipeline["verifier"]
    assert "make -s validate FORMAT=gitlab > gl-code-quality-report.json || true" in job["script"]
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert job["artifacts"]["when"] == "always"
    assert "./.ci/run" in job["script"] and "make build" in job["script"]
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"]
    assert pipeline["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]


def test_make_validate_passes_the_format_on():
    assert "scripts/validate.py $(if $(FORMAT),--format $(FORMAT))" in MAKEFILE


def test_pull_request_templates_carry_the_checklist():
    for path in (
        ROOT / ".github" / "pull_request_template.md",
        ROOT / ".gitlab" / "merge_request_templates" / "Default.md",
    ):
        text = path.read_text(encoding="utf-8")
        assert text.count("- [ ]") >= 4, path
        for words in ("source", "date_maj", "a_verifier", "exemple"):
            assert words in text, (path, words)
