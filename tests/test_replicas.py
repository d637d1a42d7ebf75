"""Two `streamlit run` replicas behind nginx (sticky sessions, websockets proxied), sharing one PostgreSQL database
and one `chroma run` server: the topology of docs/DEPLOY.md, started on 127.0.0.1 and driven with Chromium.

A candidate's browser stays on one replica for its whole visit (Streamlit keeps the interview in progress in that
process); what they finish there is stored in PostgreSQL, so a browser pinned to the other replica finds it in
History and opens its report.
"""

from __future__ import annotations

import re
import secrets
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.interview.store import InterviewRepository
from assistant.storage import Database
from deploy.topology import Topology, nginx_binary, running_topology
from tests.support.app_fixtures import screenshot
from tests.support.postgres import PostgresServer

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ANSWER = (
    "At Acme I led a 40-person ML platform org. I decided to consolidate three feature stores into one after "
    "measuring 30% duplicated pipelines; I set the roadmap, hired two staff engineers and negotiated the budget "
    "with the CTO. As a result deployment time fell from 3 weeks to 2 days and infra cost dropped 22% in two "
    "quarters, and I now review adoption monthly with product leads."
)
_LOG_LINE = re.compile(r'"(?P<request>[^"]*)" (?P<status>\d+) upstream=(?P<upstream>\S+) sticky=(?P<sticky>\S+)')


@pytest.fixture(scope="module")
def topology(postgres_server: PostgresServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Topology]:
    if nginx_binary() is None:
        import os

        if os.environ.get("CI"):
            pytest.fail("nginx is missing in CI: .ci/run should have installed it")
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    url = postgres_server.create_database()
    with running_topology(url, replicas=2, workdir=tmp_path_factory.mktemp("topology")) as running:
        yield running


def _upstreams(topology: Topology) -> dict[str, set[str]]:
    """From nginx's access log: which replicas served each sticky cookie value (all requests, websockets too)."""
    served: dict[str, set[str]] = defaultdict(set)
    for line in topology.access_log.read_text().splitlines():
        match = _LOG_LINE.search(line)
        if match and match["upstream"] != "-":
            served[match["sticky"]].add(match["upstream"])
    return served


def _open(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_test_id("stApp").wait_for()


def _settled(page) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_timeout(300)
    page.get_by_test_id("stStatusWidget").wait_for(state="hidden", timeout=60_000)


def _replica_of(context, topology: Topology) -> str:  # type: ignore[no-untyped-def]
    cookie = next(c["value"] for c in context.cookies() if c["name"] == "coach_replica")
    (upstream,) = _upstreams(topology)[cookie]  # exactly one replica served this browser
    return upstream


def test_the_first_response_pins_a_browser_with_a_cookie(topology: Topology) -> None:
    with urllib.request.urlopen(f"{topology.url}/") as response:
        cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("coach_replica=") and "HttpOnly" in cookie
    request = urllib.request.Request(f"{topology.url}/", headers={"Cookie": cookie.split(";")[0]})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Set-Cookie"] is None  # already pinned: no new cookie


def _cookie_for_each_replica(topology: Topology) -> dict[str, str]:
    """A `coach_replica` value that nginx hashes to each replica, found by asking nginx with fresh values.

    Fresh browsers each get a random value, so which replica a handful of them land on is chance (the hash splits
    about 55/45 here, and ten browsers in a row once all landed on one); asking with cheap requests until every
    replica has answered makes the two-replica walk-through below certain instead of likely."""
    found: dict[str, str] = {}
    for _ in range(200):
        value = secrets.token_hex(16)
        request = urllib.request.Request(f"{topology.url}/_stcore/health", headers={"Cookie": f"coach_replica={value}"})
        with urllib.request.urlopen(request) as response:
            assert response.read() == b"ok"
        for upstream in _upstreams(topology).get(value, ()):
            found.setdefault(upstream, value)
        if len(found) == len(topology.replica_urls):
            break
    errors = (topology.workdir / "nginx-error.log").read_text(errors="replace")[-2000:]
    assert set(found) == set(topology.replica_urls), f"nginx sent 200 browsers' cookies to one replica:\n{errors}"
    return found


def test_an_interview_on_one_replica_is_opened_from_the_other(topology: Topology, chromium) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    host = topology.url.split("//", 1)[1].split(":")[0]
    contexts, by_replica = [], {}
    for upstream, value in _cookie_for_each_replica(topology).items():
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        context.add_cookies([{"name": "coach_replica", "value": value, "domain": host, "path": "/"}])
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        _open(page, topology.url)
        expect(page.get_by_text("What to do next")).to_be_visible(timeout=120_000)
        assert _replica_of(context, topology) == upstream  # the browser's every request went there
        by_replica[upstream] = page
    try:
        first, second = (by_replica[u] for u in topology.replica_urls)

        # A two-question interview on the first replica, through nginx and its websocket.
        _open(first, f"{topology.url}/interview")
        expect(first.get_by_text("Number of questions")).to_be_visible(timeout=120_000)
        thumb = first.get_by_role("slider")
        thumb.focus()
        for _ in range(3):  # 5 -> 2
            thumb.press("ArrowLeft")
        first.get_by_role("button", name="Start the interview").click()
        box = first.get_by_test_id("stChatInputTextArea")
        report = first.get_by_text("Interview report")
        for answered in range(1, 7):
            box.wait_for(timeout=60_000)
            box.fill(ANSWER)
            box.press("Enter")
            expect(first.get_by_text(re.compile(r"Feedback: \d / 5")).nth(answered - 1)).to_be_visible(
                timeout=60_000)
            _settled(first)
            if report.is_visible() or first.get_by_text("Writing your report").is_visible():
                break
        expect(report).to_be_visible(timeout=60_000)
        screenshot(first, "replicas-interview-on-replica-1")

        # Stored in PostgreSQL, not in the replica's own folder.
        sessions = InterviewRepository(Database(topology.database_url)).list_sessions()
        assert [(s.status, s.answered) for s in sessions] == [("finished", 2)]

        # The second browser, pinned to the other replica, finds it in History and opens its report.
        _open(second, f"{topology.url}/history")
        expect(second.get_by_role("combobox", name="Session")).to_have_value(
            re.compile(r"2/2 answered · finished"), timeout=120_000)
        second.get_by_role("button", name="Open the report").click()
        expect(second.get_by_text("Interview report")).to_be_visible(timeout=60_000)
        _settled(second)
        screenshot(second, "replicas-report-on-replica-2")

        # Every request of each browser, the websocket included, went to its own replica and only there.
        served = _upstreams(topology)
        cookies = {next(c["value"] for c in ctx.cookies() if c["name"] == "coach_replica") for ctx in contexts}
        assert all(len(served[c]) == 1 for c in cookies)
        log = topology.access_log.read_text()
        assert re.search(r'"GET /_stcore/stream HTTP/1.1" 101 upstream=', log), "no websocket went through nginx"
    finally:
        for context in contexts:
            context.close()

    # The replicas kept nothing locally: sessions live in PostgreSQL, knowledge in the Chroma server.
    for n in range(2):
        data = Path(topology.workdir) / f"replica-{n}" / "data"
        assert not (data / "coach.db").exists() and not (data / "chroma").exists()
