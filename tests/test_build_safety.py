"""`make build` under attack: two builds at once, a build killed at any instant, the build
after a killed one. site/ is always a complete site (the old one or the new one), the last
good copy is never deleted, and nobody reads a traceback."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import EPOCH_2026_11_29, ROOT, VALID_PLACE, build, snapshot, write

sys.path.insert(0, str(ROOT / "scripts"))
import build_site

KILLED = 77  # the exit code of a child killed at its step


def start_build(root: Path, name: str, *flags: str) -> tuple[subprocess.Popen, Path]:
    """`make build` of `root` in the background; its output goes to root/<name>.log."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH_2026_11_29}
    log = root / f"{name}.log"
    with log.open("w", encoding="utf-8") as out:
        command = [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--root", str(root)]
        process = subprocess.Popen([*command, *flags], stdout=out, stderr=out, env=env)
    return process, log


def wait_until(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not {what} after {seconds} s")
        time.sleep(0.05)


def assert_complete_with_zip(root: Path, elsewhere: Path) -> None:
    """site/ is a whole site and its hors-ligne.zip is whole: readable, and exactly the
    offline copy that the same sources build (into `elsewhere`)."""
    site = root / "site"
    assert (site / "index.html").is_file() and (
        site / "lieux" / "lieu-test" / "index.html"
    ).is_file()
    offline = elsewhere / "hors-ligne"
    assert build_site.mkdocs_build(root, offline, offline=True)
    (offline / "404.html").unlink()
    with zipfile.ZipFile(site / "hors-ligne.zip") as archive:
        assert archive.testzip() is None
        zipped = {info.filename: archive.read(info) for info in archive.infolist()}
    files = (p for p in offline.rglob("*") if p.is_file())
    assert zipped == {p.relative_to(offline).as_posix(): p.read_bytes() for p in files}
    for leftover in (".site-build", ".site-offline", ".site-previous"):
        assert not (root / leftover).exists(), leftover


# One build at a time


def test_two_builds_at_once_both_end_cleanly(project, tmp_path_factory):
    first, first_log = start_build(project, "premiere")
    second, second_log = start_build(project, "seconde")
    assert first.wait(timeout=300) == 0, first_log.read_text(encoding="utf-8")
    assert second.wait(timeout=300) == 0, second_log.read_text(encoding="utf-8")
    outputs = first_log.read_text(encoding="utf-8") + second_log.read_text(encoding="utf-8")
    assert "Traceback" not in outputs
    assert "Une autre construction est en cours" in outputs
    assert outputs.count("Site construit dans") == 2
    assert_complete_with_zip(project, tmp_path_factory.mktemp("reference"))


def test_a_second_build_waits_for_the_first_then_builds(project, tmp_path_factory):
    with open(project / ".site.lock", "a") as held:  # a build in progress, as far as locks go
        fcntl.flock(held, fcntl.LOCK_EX)
        waiting, log = start_build(project, "attente", "--attente", "120")
        wait_until(lambda: "en cours" in log.read_text(encoding="utf-8"), 60, "waiting")
        assert waiting.poll() is None
        assert not (project / ".site-build").exists()  # it waits before touching anything
    assert waiting.wait(timeout=300) == 0, log.read_text(encoding="utf-8")
    output = log.read_text(encoding="utf-8")
    assert "Une autre construction est en cours dans" in output
    assert "L'autre construction est finie : celle-ci commence." in output
    assert_complete_with_zip(project, tmp_path_factory.mktemp("reference"))


def test_a_build_that_waited_too_long_changes_nothing(project):
    assert build(project).returncode == 0
    before = snapshot(project / "site")
    with open(project / ".site.lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        started = time.monotonic()
        refused, log = start_build(project, "refus", "--attente", "1")
        code = refused.wait(timeout=60)
        waited = time.monotonic() - started
    output = log.read_text(encoding="utf-8")
    assert code == 1, output
    assert "Une autre construction est toujours en cours après 1 s" in output
    assert "site/ est tel quel" in output and "Traceback" not in output
    assert 1 <= waited < 30
    assert snapshot(project / "site") == before


def test_the_lock_file_is_ignored_by_git():
    ignored = ["site/index.html", ".site.lock", ".site-build/x", ".site-previous/x"]
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", *ignored],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.split() == ignored


# A kill at any instant


def fake_site(version: str, offline: bool) -> dict[str, str]:
    """A small site of a few files in two folders: what a build of `version` writes."""
    suffix = "hors ligne" if offline else "en ligne"
    return {
        "index.html": f"<h1>Accueil {version} {suffix}</h1>",
        "404.html": f"absent {version}",
        "lieux/index.html": f"lieux {version}",
        "lieux/lieu-test/index.html": f"lieu {version}",
        "assets/helpfinder.css": f"/* {version} */",
    }


class Steps:
    """Every change a build makes to the disk is a step, at which the test may kill it."""

    def __init__(self) -> None:
        self.kill_at: int | None = None
        self.count = 0

    def __call__(self) -> None:
        self.count += 1
        if self.kill_at is not None and self.count == self.kill_at:
            os._exit(KILLED)  # as SIGKILL: no cleanup, no finally, no flush

    def around(self, function: Callable) -> Callable:
        def stepped(*args, **kwargs):
            self()
            result = function(*args, **kwargs)
            self()
            return result

        return stepped


@pytest.fixture
def steps(monkeypatch) -> Steps:
    steps = Steps()
    for name in ("rename", "replace", "unlink", "rmdir", "mkdir"):
        monkeypatch.setattr(os, name, steps.around(getattr(os, name)))
    monkeypatch.setattr(build_site, "write_zip", steps.around(build_site.write_zip))
    if hasattr(build_site, "exchange"):
        monkeypatch.setattr(build_site, "exchange", steps.around(build_site.exchange))
    return steps


def use_builder(monkeypatch, steps: Steps, version: str | None) -> None:
    """mkdocs replaced by a quick writer of `version` (None: a failed build), one step a file."""

    def mkdocs_build(root: Path, into: Path, offline: bool) -> bool:
        if version is None:
            return False
        for name, text in fake_site(version, offline).items():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            steps()
            (into / name).write_text(text, encoding="utf-8")
        return True

    monkeypatch.setattr(build_site, "mkdocs_build", mkdocs_build)


def killed_build(root: Path, steps: Steps, kill_at: int) -> int:
    """Run a build in a child killed at its `kill_at`-th step: KILLED, or 0 if it ended first."""
    pid = os.fork()
    if pid == 0:
        code = 3  # the build raised
        try:
            steps.count, steps.kill_at = 0, kill_at
            with open(os.devnull, "w") as quiet:
                sys.stdout = sys.stderr = quiet
                code = build_site.build(root, root / "site")
        finally:
            os._exit(code)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def built(root: Path, monkeypatch, steps: Steps, version: str | None) -> int:
    use_builder(monkeypatch, steps, version)
    return build_site.build(root, root / "site")


def state_of(root: Path, name: str) -> dict[str, str] | None:
    return snapshot(root / name) if (root / name).is_dir() else None


@pytest.mark.parametrize("exchanges", [True, False], ids=["renameat2", "deux-renommages"])
def test_a_build_killed_at_any_step_leaves_a_complete_site(
    tmp_path, monkeypatch, capsys, steps, exchanges
):
    if not exchanges:  # a system, or a filesystem, that cannot exchange two folders
        unable = steps.around(lambda first, second: False)
        monkeypatch.setattr(build_site, "exchange", unable, raising=False)
    root = tmp_path / "projet"
    root.mkdir()
    assert built(root, monkeypatch, steps, "v1") == 0
    old = snapshot(root / "site")
    kills = 0
    for kill_at in range(1, 1000):
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir()
        assert built(root, monkeypatch, steps, "v1") == 0
        use_builder(monkeypatch, steps, "v2")
        code = killed_build(root, steps, kill_at)
        if code == 0:
            break  # the build ran to its end before step `kill_at`: every step was tried
        assert code == KILLED
        kills += 1
        site = state_of(root, "site")
        if exchanges:
            assert site in (old, snapshot_of("v2", tmp_path)), f"killed at step {kill_at}"
        else:
            # Between the two renames, site/ is missing for an instant: the old one waits
            # whole in .site-previous, for the next build to put back.
            assert site in (old, snapshot_of("v2", tmp_path)) or (
                site is None and state_of(root, ".site-previous") == old
            ), f"killed at step {kill_at}"
        after_kill = site or old
        # The next build fails: the last good copy is kept, whole.
        assert built(root, monkeypatch, steps, None) == 1
        assert state_of(root, "site") == after_kill, f"killed at step {kill_at}"
        # The next one succeeds: the new site, and nothing left over.
        assert built(root, monkeypatch, steps, "v3") == 0
        assert state_of(root, "site") == snapshot_of("v3", tmp_path)
        assert {p.name for p in root.iterdir()} - {".site.lock"} == {"site"}
    else:
        pytest.fail("the build never ran to its end")
    assert kills >= 20, kills  # every write, rename and removal of a build
    if os.environ.get("SHOW_KILLS"):
        with capsys.disabled():
            print(f"\n{kills} kills")


def snapshot_of(version: str, tmp_path: Path) -> dict[str, str]:
    """What site/ holds after a build of `version`: its files and its offline zip."""
    folder = tmp_path / f"attendu-{version}"
    if not folder.exists():
        for offline, into in ((False, folder), (True, tmp_path / f"attendu-{version}-hl")):
            for name, text in fake_site(version, offline).items():
                (into / name).parent.mkdir(parents=True, exist_ok=True)
                (into / name).write_text(text, encoding="utf-8")
        (tmp_path / f"attendu-{version}-hl" / "404.html").unlink()
        build_site.write_zip(tmp_path / f"attendu-{version}-hl", folder / "hors-ligne.zip")
    return snapshot(folder)


def test_a_failed_build_after_a_kill_between_renames_puts_the_last_good_site_back(project):
    """The real build, after a kill between the two renames (where the system cannot
    exchange two folders, or an older build): only .site-previous holds the last good site."""
    assert build(project).returncode == 0
    good = snapshot(project / "site")
    (project / "site").rename(project / ".site-previous")
    (project / ".site-build").mkdir()  # the killed build's new site, perhaps half-removed
    write(project, ".site-build/index.html", "à moitié")
    broken = VALID_PLACE.replace('lundi: "08:30-12:30, 13:30-17:00"', 'lundi: "8h30-12h"')
    write(project / "data", "actors/lieu-test.yml", broken)
    result = build(project)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "site/ remis en place depuis .site-previous/" in output
    assert "Échec de la construction : site/ est inchangé." in output
    assert "Traceback" not in output
    assert snapshot(project / "site") == good
    assert not (project / ".site-previous").exists() and not (project / ".site-build").exists()
