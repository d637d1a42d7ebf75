"""The knowledge store: chunking, idempotent ingest, incremental updates, model changes, filters, recovery, CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest
import yaml
from typer.testing import CliRunner

from assistant.errors import InputError, KnowledgeError
from assistant.knowledge.chunks import chunk_role
from assistant.knowledge.embeddings import Embedder
from assistant.knowledge.loader import load_role
from assistant.knowledge.schema import RoleKnowledge
from assistant.knowledge.store import KnowledgeStore
from tests.support.knowledge_fixtures import SHIPPED_KNOWLEDGE, SHIPPED_ROLE, MemoEmbedder, knowledge_settings


class CountingEmbedder:
    """Wraps the real model and records every text it embeds; `name`/`dimension` can pretend to be another model."""

    def __init__(self, inner: Embedder, *, name: str | None = None, dimension: int | None = None) -> None:
        self.inner = inner
        self.name = name or inner.name
        self.dimension = dimension or inner.dimension
        self.embedded: list[str] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.embedded.extend(texts)
        vectors = self.inner.embed(texts)[:, : self.dimension]
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _write_small_role(knowledge_dir: Path) -> Path:
    """A valid role folder cut down from the shipped one (two competencies), so each cold ingest takes ~1 s."""
    source = SHIPPED_KNOWLEDGE / SHIPPED_ROLE
    target = knowledge_dir / SHIPPED_ROLE
    target.mkdir(parents=True)
    profile = yaml.safe_load((source / "profile.yaml").read_text())
    profile["sections"] = profile["sections"][:5]
    rubric = yaml.safe_load((source / "rubric.yaml").read_text())
    rubric["competencies"] = rubric["competencies"][:2]
    kept = {c["id"] for c in rubric["competencies"]}
    questions = yaml.safe_load((source / "questions.yaml").read_text())
    questions["questions"] = [q for q in questions["questions"] if q["competency"] in kept][:4]
    for name, data in (("profile.yaml", profile), ("rubric.yaml", rubric), ("questions.yaml", questions)):
        (target / name).write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    shutil.copy(source / "resume_template.yaml", target / "resume_template.yaml")
    shutil.copy(source / "signals.yaml", target / "signals.yaml")
    return target


@pytest.fixture
def small_role(tmp_path: Path) -> Path:
    return _write_small_role(tmp_path / "knowledge")


@pytest.fixture
def fast_embedder(memo_embedder: MemoEmbedder, knowledge_store: KnowledgeStore) -> Embedder:
    """Real vectors, memoised: the shipped texts were embedded once for `knowledge_store`, so ingests here are cheap."""
    return memo_embedder


@pytest.fixture
def counting(fast_embedder: Embedder) -> CountingEmbedder:
    return CountingEmbedder(fast_embedder)


def _store(tmp_path: Path, role_dir: Path, embedder: Embedder, **overrides: object) -> KnowledgeStore:
    settings = knowledge_settings(tmp_path / "data", assistant_knowledge_dir=role_dir.parent, **overrides)
    return KnowledgeStore(settings, embedder)


def _edit_yaml(path: Path, change: object) -> None:
    data = yaml.safe_load(path.read_text())
    change(data)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


# --------------------------------------------------------------------------------------------------- chunking
def test_every_knowledge_item_becomes_one_chunk_with_a_stable_id(role_knowledge: RoleKnowledge) -> None:
    chunks = chunk_role(role_knowledge, SHIPPED_KNOWLEDGE / SHIPPED_ROLE)
    by_kind: dict[str, int] = {}
    for chunk in chunks:
        by_kind[chunk.metadata["kind"]] = by_kind.get(chunk.metadata["kind"], 0) + 1
    template = role_knowledge.template
    assert by_kind == {
        "profile": len(role_knowledge.profile.sections) + 1,  # + salary bands
        "competency": len(role_knowledge.rubric.competencies),
        "question": len(role_knowledge.questions.questions),
        "template": 2 + len(template.bullet_patterns),  # summary pattern, bullets, keywords
    }
    assert len({c.id for c in chunks}) == len(chunks)
    question = next(c for c in chunks if c.metadata["kind"] == "question")
    item = role_knowledge.question(question.metadata["item_id"])
    assert question.id == f"{role_knowledge.role}:question:{item.id}"
    assert (
        item.text in question.text
        and item.strong_answer[0] in question.text
        and item.follow_ups[0] in question.text
    )
    assert question.metadata["competency"] == item.competency
    assert question.metadata["source"] == "questions.yaml"
    assert {c.metadata["competency"] for c in chunks if c.metadata["kind"] == "profile"} == {""}
    # Re-chunking the same knowledge gives identical ids and hashes: the basis of idempotent ingest.
    assert [(c.id, c.content_hash) for c in chunk_role(role_knowledge)] == [
        (c.id, c.content_hash) for c in chunks
    ]


def test_competency_chunk_carries_description_levels_and_signals(role_knowledge: RoleKnowledge) -> None:
    competency = role_knowledge.rubric.competencies[0]
    chunk = next(c for c in chunk_role(role_knowledge) if c.metadata["item_id"] == competency.id)
    assert chunk.text.startswith(f"Competency: {competency.name}")
    for part in (competency.description, competency.levels[1], competency.levels[5], competency.signals[0]):
        assert part in chunk.text
    assert chunk.metadata["heading"] == competency.name


# ----------------------------------------------------------------------------------------------------- ingest
def test_second_ingest_changes_nothing_and_embeds_nothing(
    tmp_path: Path, small_role: Path, counting: CountingEmbedder
) -> None:
    store = _store(tmp_path, small_role, counting)
    first = store.ingest()
    total = first.added
    assert total == len(chunk_role(load_role(small_role))) and first.rebuilt_reason is None
    counting.embedded.clear()

    second = KnowledgeStore(store.settings, counting).ingest()  # a fresh process would start like this

    assert (second.added, second.updated, second.removed, second.unchanged) == (0, 0, 0, total)
    assert counting.embedded == []
    assert store.count() == total


def test_editing_one_question_reembeds_only_that_question(
    tmp_path: Path, small_role: Path, counting: CountingEmbedder
) -> None:
    store = _store(tmp_path, small_role, counting)
    store.ingest()
    counting.embedded.clear()

    def reword(data: dict) -> None:
        data["questions"][1]["text"] = "Tell me about the quietest engineer you ever promoted to staff level."

    _edit_yaml(small_role / "questions.yaml", reword)
    report = store.ingest()

    assert (report.added, report.updated, report.removed) == (0, 1, 0)
    assert len(counting.embedded) == 1 and "quietest engineer" in counting.embedded[0]
    top = store.search("promoting a quiet engineer to staff", k=1, where={"kind": "question"})[0]
    assert "quietest engineer" in top.text


def test_removed_items_leave_the_store(tmp_path: Path, small_role: Path, fast_embedder: Embedder) -> None:
    store = _store(tmp_path, small_role, fast_embedder)
    before = store.ingest().added
    gone = yaml.safe_load((small_role / "questions.yaml").read_text())["questions"][0]["id"]

    _edit_yaml(small_role / "questions.yaml", lambda data: data["questions"].pop(0))
    report = store.ingest()

    assert (report.removed, report.unchanged) == (1, before - 1)
    assert store.count() == before - 1
    assert store.search("anything at all", k=50, where={"item_id": gone}) == []


def test_changed_embedding_model_rebuilds_the_collection(
    tmp_path: Path, small_role: Path, fast_embedder: Embedder
) -> None:
    original = _store(tmp_path, small_role, fast_embedder)
    total = original.ingest().added
    other = CountingEmbedder(fast_embedder, name="other-model", dimension=128)

    report = KnowledgeStore(original.settings, other).ingest()

    assert (
        report.rebuilt_reason
        and fast_embedder.name in report.rebuilt_reason
        and "other-model" in report.rebuilt_reason
    )
    assert report.added == total and len(other.embedded) == total
    # The first store's model no longer fits the vectors: a clear message with the fix, not a Chroma traceback.
    with pytest.raises(KnowledgeError, match="--rebuild") as info:
        original.search("salary", k=1)
    assert info.value.code == "knowledge_store_stale"


def test_rebuild_reembeds_everything(tmp_path: Path, small_role: Path, counting: CountingEmbedder) -> None:
    store = _store(tmp_path, small_role, counting)
    total = store.ingest().added
    counting.embedded.clear()
    report = store.ingest(rebuild=True)
    assert report.rebuilt_reason and report.added == total and len(counting.embedded) == total


def test_progress_reports_every_embedded_chunk(
    tmp_path: Path, small_role: Path, fast_embedder: Embedder
) -> None:
    calls: list[tuple[int, int]] = []
    report = _store(tmp_path, small_role, fast_embedder).ingest(
        progress=lambda done, total: calls.append((done, total))
    )
    assert calls[0] == (0, report.added) and calls[-1] == (report.added, report.added)


def test_ensure_ready_builds_on_first_use_then_only_when_files_change(
    tmp_path: Path, small_role: Path, counting: CountingEmbedder
) -> None:
    store = _store(tmp_path, small_role, counting)
    first = store.ensure_ready()
    assert first is not None and first.added > 0
    assert store.ensure_ready() is None
    assert KnowledgeStore(store.settings, counting).ensure_ready() is None  # a new process: checked, current

    _edit_yaml(
        small_role / "profile.yaml",
        lambda d: d["sections"][0].update(text=d["sections"][0]["text"] + " More."),
    )
    report = store.ensure_ready()
    assert report is not None and report.updated == 1


def test_deleted_store_folder_is_rebuilt_on_next_use(
    tmp_path: Path, small_role: Path, fast_embedder: Embedder
) -> None:
    store = _store(tmp_path, small_role, fast_embedder)
    total = store.ingest().added
    assert store.search("salary by level", k=1)[0].item_id == "salary_bands"
    shutil.rmtree(store.settings.chroma_dir)

    with pytest.raises(KnowledgeError, match="assistant ingest"):
        store.search("salary by level", k=1)
    report = store.ensure_ready()

    assert report is not None and report.added == total
    assert store.search("salary by level", k=1)[0].item_id == "salary_bands"


def test_broken_knowledge_file_stops_ingest_with_file_name(
    tmp_path: Path, small_role: Path, fast_embedder: Embedder
) -> None:
    (small_role / "rubric.yaml").write_text("role: ml-director\ncompetencies: [}\n")
    with pytest.raises(KnowledgeError, match="rubric.yaml"):
        _store(tmp_path, small_role, fast_embedder).ingest()


@pytest.mark.slow
def test_two_processes_ingesting_at_once_both_succeed(
    tmp_path: Path, small_role: Path, fast_embedder: Embedder
) -> None:
    env = {
        "DATA_DIR": str(tmp_path / "data"),
        "ASSISTANT_KNOWLEDGE_DIR": str(small_role.parent),
        "PATH": "/usr/bin",
    }
    cmd = [sys.executable, "-c", "from assistant.cli import app; app()", "ingest", "--json"]
    other = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    mine = _store(tmp_path, small_role, fast_embedder).ingest()
    out, err = other.communicate(timeout=180)
    assert other.returncode == 0, err
    theirs = json.loads(out)
    total = len(chunk_role(load_role(small_role)))
    # The ingest lock serialises them: one builds, the other finds everything unchanged.
    assert sorted([mine.added, theirs["added"]]) == [0, total]
    assert _store(tmp_path, small_role, fast_embedder).count() == total


# ----------------------------------------------------------------------------------------------------- search
def test_hits_carry_scores_citations_and_metadata(knowledge_store: KnowledgeStore) -> None:
    hits = knowledge_store.search("what does the salary look like at each level", k=4)
    assert len(hits) == 4
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert all(0.0 <= h.score <= 1.0 for h in hits)
    top = hits[0]
    assert top.citation == f"{top.metadata['source']} › {top.metadata['heading']}"
    assert top.metadata["role"] == SHIPPED_ROLE and top.metadata["kind"] == "profile"


def test_where_filter_restricts_results(knowledge_store: KnowledgeStore) -> None:
    questions = knowledge_store.search("hiring senior ML engineers", k=5, where={"kind": "question"})
    assert len(questions) == 5 and {h.kind for h in questions} == {"question"}
    hiring = knowledge_store.search("anything", k=50, where={"competency": "hiring"})
    assert hiring and {h.metadata["competency"] for h in hiring} == {"hiring"}
    assert {h.kind for h in hiring} == {"competency", "question"}


def test_empty_query_and_bad_k_are_input_errors(knowledge_store: KnowledgeStore) -> None:
    with pytest.raises(InputError):
        knowledge_store.search("   ")
    with pytest.raises(InputError):
        knowledge_store.search("salary", k=0)


def test_stored_collection_embeds_raw_chroma_queries_offline(knowledge_store: KnowledgeStore) -> None:
    """Our embedding function is persisted by name: a bare Chroma client can query with text, without a download."""
    import chromadb

    client = chromadb.PersistentClient(path=str(knowledge_store.settings.chroma_dir))
    collection = client.get_collection(knowledge_store.settings.chroma_collection)
    result = collection.query(query_texts=["salary bands by level"], n_results=1)
    assert result["ids"][0][0] == f"{SHIPPED_ROLE}:profile:salary_bands"


# ----------------------------------------------------------------------------------------------------- CLI
def test_cli_ingest_then_search(
    small_role: Path, fast_embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    import assistant.cli.knowledge as cli_knowledge
    from assistant.cli import app

    monkeypatch.setenv("ASSISTANT_KNOWLEDGE_DIR", str(small_role.parent))
    monkeypatch.setattr(cli_knowledge, "get_embedder", lambda _settings: fast_embedder)
    runner = CliRunner()

    built = runner.invoke(app, ["ingest"])
    assert built.exit_code == 0, built.output
    assert "added" in built.output and "0 unchanged" in built.output
    again = runner.invoke(app, ["ingest", "--json"])
    assert json.loads(again.output)["added"] == 0

    found = runner.invoke(app, ["search", "pay by experience level", "-k", "2", "--json"])
    assert found.exit_code == 0, found.output
    hits = json.loads(found.output)
    assert len(hits) == 2 and hits[0]["citation"] == "profile.yaml › Salary bands"

    human = runner.invoke(app, ["search", "pay by experience level", "-k", "1"])
    assert human.output.startswith("1. [") and "profile.yaml › Salary bands" in human.output

    empty = runner.invoke(app, ["search", " ", "--json"])
    assert empty.exit_code == 2 and json.loads(empty.output)["error"]["code"] == "invalid_input"


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A real, nearly full file system (a 600 KB tmpfs): too small for the store. Needs root to mount."""
    import os

    folder = tmp_path / "full"
    folder.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(folder)],
                                           capture_output=True).returncode != 0:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_is_named_and_not_answered_with_delete_and_rebuild(full_disk: Path, embedder: Embedder) -> None:
    settings = knowledge_settings(full_disk / "data")
    with pytest.raises(KnowledgeError) as caught:
        KnowledgeStore(settings, embedder).ensure_ready()
    error = caught.value
    assert error.code == "disk_full" and "full" in error.message and str(full_disk) in error.message
    assert "--rebuild" not in error.message and "delete" not in error.message


def test_a_disk_full_error_is_recognised_through_the_exception_chain(tmp_path: Path) -> None:
    from assistant.knowledge.store import disk_is_full

    try:
        try:
            raise OSError(28, "No space left on device")
        except OSError as inner:
            raise RuntimeError("Error in compaction: Failed to apply logs to the metadata segment") from inner
    except RuntimeError as outer:
        assert disk_is_full(outer, tmp_path / "chroma")
    assert not disk_is_full(RuntimeError("collection is corrupt"), tmp_path / "chroma")  # tmp has room


def test_a_full_disk_under_the_database_says_nothing_could_be_saved(full_disk: Path) -> None:
    from assistant.interview.store import InterviewRepository
    from assistant.storage import Database, StorageError

    (full_disk / "filler").write_bytes(b"\0" * (600 * 1024 - 8192))  # leave less than the schema needs
    with pytest.raises(StorageError) as caught:
        InterviewRepository(Database(f"sqlite:///{full_disk / 'coach.db'}")).list_sessions()
    assert "full" in caught.value.message and "interview" not in caught.value.message


def test_a_damaged_store_gets_a_plain_message_and_rebuild_repairs_it(
    tmp_path: Path, knowledge_store: KnowledgeStore, memo_embedder: MemoEmbedder, caplog: pytest.LogCaptureFixture
) -> None:
    """Chroma's own error text ("InternalError: error returned from database: (code: 26) ...") is not a message
    for a user: they get what broke, where, and the one command that fixes it; the details go to the log."""
    data = tmp_path / "data"
    shutil.copytree(knowledge_store.settings.data_dir / "chroma", data / "chroma")
    (data / "chroma" / "chroma.sqlite3").write_bytes(b"not a database " * 500)  # a damaged file
    store = KnowledgeStore(knowledge_settings(data), memo_embedder)

    with caplog.at_level("DEBUG"), pytest.raises(KnowledgeError) as caught:
        store.search("how is a director of ML engineering judged", k=3)
    error = caught.value
    raw = str(error.__cause__)
    assert raw and raw not in error.message and "InternalError" not in error.message
    assert error.code == "knowledge_store" and str(data / "chroma") in error.message
    assert "assistant ingest --rebuild" in error.message
    assert any(raw in r.getMessage() or raw in (r.exc_text or "") or (r.exc_info and raw in str(r.exc_info[1]))
               for r in caplog.records), "the details are kept in the log"

    report = store.ingest(rebuild=True)  # what the message tells the user to run
    assert report.added == store.count() > 0
    assert store.search("how is a director of ML engineering judged", k=3)
    assert [p.name for p in data.iterdir() if p.name.startswith("chroma.damaged")], "the damaged files are kept aside"


def test_an_unreachable_chroma_server_is_named_without_a_python_exception_name(
    tmp_path: Path, memo_embedder: MemoEmbedder
) -> None:
    from assistant.errors import ConfigError

    store = KnowledgeStore(knowledge_settings(tmp_path / "data", chroma_host="127.0.0.1", chroma_port=9),
                           memo_embedder)
    with pytest.raises(ConfigError) as caught:
        store.search("how is a director of ML engineering judged", k=3)
    error = caught.value
    assert error.code == "chroma_unreachable" and "127.0.0.1:9" in error.message
    assert "Error" not in error.message, error.message  # no "(ValueError)": it tells a user nothing
    assert "chroma run" in error.message and "CHROMA_HOST" in error.message
