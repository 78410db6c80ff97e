"""The validation report for people (`texte`) and for tools: `json`, GitHub workflow
commands (`github`: each problem becomes an annotation on its file and line in a pull
request) and GitLab Code Quality (`gitlab`: the same, in a merge request)."""

from __future__ import annotations

import hashlib
import json

from helpfinder.core.problems import Problem, Report, Severity

FORMATS = ("texte", "json", "github", "gitlab")


def format_report(report: Report, style: str = "texte") -> str:
    problems = [*report.errors, *report.warnings]
    if style == "json":
        return json.dumps(
            {
                "erreurs": len(report.errors),
                "avertissements": len(report.warnings),
                "problemes": [p.as_dict() for p in problems],
            },
            ensure_ascii=False,
            indent=2,
        )
    if style == "github":
        return "\n".join([*(github_command(p) for p in problems), report.summary()])
    if style == "gitlab":
        return json.dumps([code_quality(p) for p in problems], ensure_ascii=False, indent=2)
    return "\n".join([*(p.format() for p in problems), report.summary()])


def github_command(problem: Problem) -> str:
    """`::error file=data/actors/x.yml,line=12,title=horaires-format::[x] horaires.lundi: …`"""
    level = "error" if problem.severity is Severity.ERROR else "warning"
    properties = [f"file={_property(problem.file)}"]
    if problem.line:
        properties.append(f"line={problem.line}")
    properties.append(f"title={_property(problem.code)}")
    record = f"[{problem.record}] " if problem.record else ""
    subject = f"{problem.field}: " if problem.field else ""
    return f"::{level} {','.join(properties)}::{_data(record + subject + problem.message)}"


def code_quality(problem: Problem) -> dict[str, object]:
    """One GitLab Code Quality entry (the Code Climate issue format GitLab reads)."""
    subject = f"{problem.field} : " if problem.field else ""
    identity = "\0".join((problem.file, str(problem.line), problem.field, problem.code))
    return {
        "description": f"{subject}{problem.message}",
        "check_name": problem.code,
        "fingerprint": hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32],
        "severity": "major" if problem.severity is Severity.ERROR else "minor",
        "location": {"path": problem.file, "lines": {"begin": max(problem.line, 1)}},
    }


def _data(text: str) -> str:
    # GitHub's escaping for a command's message: the runner turns these back.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
