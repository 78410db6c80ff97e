"""`make serve` while data/ has an error: every page still answers, the site shown is the
last one that built, the errors (file, line, field) are on the pages, and the site comes
back by itself once they are fixed."""

from __future__ import annotations

import html
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import EPOCH_2026_11_29, VAL_ESSAI, copy_territory, make_project

RECORD = "data/actors/france-services-val-essai.yml"
GOOD_HOURS, BAD_HOURS = 'lundi: "08:30-12:30"', 'lundi: "8h30-12h"'
SHOWN_HOURS = "8\u00a0h\u00a030 – 12\u00a0h\u00a030"  # as the place's page writes them
KEPT = "Les données ont une erreur : le site montré est le dernier qui marchait"
NONE_YET = "Les données ont une erreur : les pages faites à partir de data/ ne sont pas construites"
# A page must answer within this (a rebuild of the fixture takes a second or two): MkDocs
# alone holds every request until a rebuild succeeds, that is forever.
ANSWER_SECONDS = 20
STARTUP_SECONDS = 180


class Server:
    def __init__(self, root: Path, url: str, process: subprocess.Popen, log: Path) -> None:
        self.root, self.url, self.process, self.log = root, url, process, log
        self.slowest = 0.0

    def get(self, path: str) -> tuple[int, str]:
        """The page at `path`, unescaped: (status, text). Fails if it does not answer."""
        started = time.monotonic()
        try:
            with urllib.request.urlopen(self.url + path, timeout=ANSWER_SECONDS) as answer:
                status, body = answer.status, answer.read()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        except TimeoutError as error:
            raise AssertionError(f"{path} did not answer in {ANSWER_SECONDS} s") from error
        self.slowest = max(self.slowest, time.monotonic() - started)
        # Without the build's number that MkDocs's live-reload script carries.
        text = re.sub(r"livereload\(\d+, \d+\)", "livereload()", body.decode("utf-8"))
        return status, html.unescape(text)

    def wait_for(self, what: str, condition: Callable[[], bool]) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not condition():
            if self.process.poll() is not None:
                pytest.fail(f"mkdocs serve stopped:\n{self.log.read_text(encoding='utf-8')}")
            if time.monotonic() > deadline:
                pytest.fail(f"not {what}:\n{self.log.read_text(encoding='utf-8')[-3000:]}")
            time.sleep(0.1)

    def edit(self, old: str, new: str) -> None:
        path = self.root / RECORD
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    """`make serve` (as the Makefile runs it) of a copy of Val d'Essai, its France Services
    record broken before it starts."""
    root = make_project(tmp_path / "projet")
    copy_territory(VAL_ESSAI, root / "data")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH_2026_11_29}
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
        process = subprocess.Popen(command, cwd=root, stdout=out, stderr=out, env=env)
    served = Server(root, f"http://127.0.0.1:{port}/", process, log)
    served.edit(GOOD_HOURS, BAD_HOURS)
    try:
        yield served
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def answers(server: Server, path: str) -> bool:
    try:
        return server.get(path)[0] == 200
    except (urllib.error.URLError, ConnectionError):
        return False  # not listening yet


def assert_errors_shown(text: str) -> None:
    assert f"<code>{RECORD}:21</code> [france-services-val-essai] horaires.lundi:" in text
    assert "'8h30-12h' n'est pas au format HH:MM-HH:MM" in text


def test_serve_shows_the_errors_and_the_last_good_site_then_recovers(server):
    # Broken from the start: no site has built yet, the home page lists what is wrong.
    server.wait_for("serving", lambda: answers(server, ""))
    home = server.get("")[1]
    assert NONE_YET in home
    assert_errors_shown(home)
    assert server.get("erreurs-des-donnees/")[0] == 200
    assert "ERROR   -  " + f"{RECORD}:21:" in server.log.read_text(encoding="utf-8")

    # Fixed: the site comes.
    server.edit(BAD_HOURS, GOOD_HOURS)
    server.wait_for("rebuilt", lambda: "Les données ont" not in server.get("")[1])
    status, place = server.get("lieux/france-services-val-essai/")
    assert status == 200 and SHOWN_HOURS in place and "Les données ont" not in place
    assert server.get("erreurs-des-donnees/")[0] == 404
    normal_home = server.get("")[1]
    assert "Aide numérique au Val d'Essai" in normal_home

    # Broken again: the last good site stays, every page topped by the error.
    server.edit(GOOD_HOURS, BAD_HOURS)
    server.wait_for("rebuilt", lambda: KEPT in server.get("")[1])
    for path in ("", "lieux/france-services-val-essai/", "a-propos/", "erreurs-des-donnees/"):
        status, text = server.get(path)
        assert status == 200, path
        assert_errors_shown(text)
    status, place = server.get("lieux/france-services-val-essai/")
    assert SHOWN_HOURS in place  # the place as it last built
    assert 'href="../../erreurs-des-donnees/"' in html.escape(place, quote=False)

    # Fixed again: the normal pages come back.
    server.edit(BAD_HOURS, GOOD_HOURS)
    server.wait_for("rebuilt", lambda: "Les données ont" not in server.get("")[1])
    assert server.get("")[1] == normal_home
    assert server.get("erreurs-des-donnees/")[0] == 404
    assert server.slowest < ANSWER_SECONDS
