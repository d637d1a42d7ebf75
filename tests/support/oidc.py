"""A real OpenID Connect provider for sign-in tests: `oidc-provider-mock` (PyPI) in its own process on a free
loopback port, with two predefined users, and the `[auth]` section Streamlit's `st.login` reads from
`.streamlit/secrets.toml` (written into a test's own app folder, never into the repo)."""

from __future__ import annotations

import json
import secrets
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from deploy.topology import stop, wait_http
from tests.support.processes import free_port

ALICE = {"sub": "alice-7f3a91", "email": "alice@example.org", "name": "Alice Example"}
BOB = {"sub": "bob-2c84d0", "email": "bob@example.org", "name": "Bob Example"}


@dataclass
class OidcProvider:
    port: int
    client_id: str = "coach"
    client_secret: str = "coach-test-secret"

    @property
    def metadata_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/.well-known/openid-configuration"

    def secrets_toml(self, app_url: str, cookie_secret: str | None = None) -> str:
        """The `[auth]` section for an app served at `app_url` (its redirect URI is `/oauth2callback`)."""
        return (
            "[auth]\n"
            f'redirect_uri = "{app_url}/oauth2callback"\n'
            f'cookie_secret = "{cookie_secret or secrets.token_hex(32)}"\n'
            f'client_id = "{self.client_id}"\n'
            f'client_secret = "{self.client_secret}"\n'
            f'server_metadata_url = "{self.metadata_url}"\n'
        )


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OidcProvider]:
    port = free_port()
    log = tmp_path_factory.mktemp("oidc") / "provider.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port),
             "--user-claims", json.dumps(ALICE), "--user-claims", json.dumps(BOB)],
            stdout=out, stderr=subprocess.STDOUT)
        try:
            provider = OidcProvider(port)
            wait_http(provider.metadata_url, process, log=log, timeout_s=60)
            yield provider
        finally:
            stop(process)


def sign_in(page, app_url: str, user: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """Sign in through the app's button and the provider's page, as a person would."""
    from playwright.sync_api import expect

    page.goto(app_url, wait_until="domcontentloaded")
    page.get_by_role("button", name="Sign in").click(timeout=90_000)
    page.get_by_role("button", name=user["sub"]).click(timeout=30_000)  # the provider's page: pick the user
    expect(page.get_by_text(f"Signed in as {user['name']}")).to_be_visible(timeout=90_000)
