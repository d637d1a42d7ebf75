"""requirements.lock is what `make install` installs: it must cover pyproject.toml and be what the tests run on."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parent.parent
LOCK = REPO / "requirements.lock"


def _pins() -> dict[str, str]:
    """name -> pinned version; every pin must carry at least one hash (pip then checks each download)."""
    text = LOCK.read_text(encoding="utf-8")
    pins: dict[str, str] = {}
    for entry in re.split(r"\n(?=\S)", text):
        match = re.match(r"([A-Za-z0-9._-]+)(\[[^\]]*\])?==(\S+)", entry)
        if match:
            assert "--hash=sha256:" in entry, f"{match.group(1)} is pinned without a hash"
            pins[canonicalize_name(match.group(1))] = match.group(3)
    assert pins, "requirements.lock pins nothing"
    return pins


def _declared() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    dev = [r for r in project["dependency-groups"]["dev"] if isinstance(r, str)]
    return [Requirement(r) for r in project["project"]["dependencies"] + dev]


def test_lock_pins_every_declared_dependency_within_its_range() -> None:
    pins = _pins()
    problems = []
    for req in _declared():
        pinned = pins.get(canonicalize_name(req.name))
        if pinned is None:
            problems.append(f"{req} is not in the lock")
        elif not req.specifier.contains(pinned, prereleases=True):
            problems.append(f"{req} but the lock pins {pinned}")
    assert not problems, "requirements.lock is out of date with pyproject.toml (run `make lock`): " + "; ".join(
        problems
    )


def test_lock_covers_the_extras_the_project_asks_for() -> None:
    """`streamlit[auth]` must bring Authlib: a lock made without the extra would install streamlit alone."""
    pins = _pins()
    missing = []
    for req in _declared():
        for extra in req.extras:
            for needed in metadata.requires(req.name) or []:
                sub = Requirement(needed)
                if sub.marker is not None and sub.marker.evaluate({"extra": extra}) and not sub.marker.evaluate(
                    {"extra": ""}
                ) and canonicalize_name(sub.name) not in pins:
                    missing.append(f"{sub.name} (for {req.name}[{extra}])")
    assert not missing, "requirements.lock misses " + ", ".join(missing) + " (run `make lock`)"


def test_the_tests_run_on_the_locked_versions() -> None:
    """`make install` installs the lock; a package at another version means this environment is not what CI and a
    fresh machine get (rerun `make install`)."""
    drifted = []
    for name, version in _pins().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            drifted.append(f"{name} {version} is not installed")
            continue
        if Version(installed) != Version(version):
            drifted.append(f"{name} {installed} installed, {version} locked")
    assert not drifted, "; ".join(drifted)
