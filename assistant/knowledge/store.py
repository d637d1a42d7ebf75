"""The knowledge store: role chunks embedded into Chroma, kept in step with the YAML files, searched by meaning.

Design decisions:
- We embed documents and queries ourselves and hand Chroma vectors, so the embedding model is chosen in one place
  (`Settings.embedding_backend`) and Chroma's default embedding function (which downloads a model) never runs.
- Ingest is idempotent: each chunk carries a content hash; a re-ingest embeds only new or changed chunks and
  deletes chunks whose source item is gone. The collection records the embedder's name and dimension, and a
  model change rebuilds it (vectors from two models are not comparable).
- Embedded (a folder under the data dir) by default; a Chroma server when `CHROMA_HOST` is set.
- Constructing a store is cheap; the Chroma client is created on first use.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import math
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

import assistant.config  # noqa: F401  (telemetry off before chromadb is imported)
from assistant.config import EmbeddingBackend, Settings
from assistant.errors import ConfigError, InputError, KnowledgeError
from assistant.knowledge.chunks import Chunk, chunk_role
from assistant.knowledge.embeddings import Embedder, LocalMiniLMEmbeddingFunction
from assistant.text.stem import stem
from assistant.text.stopwords import STOPWORDS
from assistant.text.tokens import terms as _term_list

# POSIX: serialise ingests of one data dir across processes (the app and the CLI may start together).
if sys.platform == "win32":  # pragma: no cover - no fcntl there
    fcntl = None
else:
    import fcntl

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""Called as `progress(done, total)` while chunks are embedded."""

REBUILD_HINT = "Run `assistant ingest --rebuild` to rebuild the knowledge store."


class StoreDamaged(KnowledgeError):
    """The embedded store's files cannot be opened (damaged, or held by another program)."""

    code = "knowledge_store"
# Below this much free space, a failing embedded store is taken to have run out of disk (Chroma's own errors often
# do not say so: "Error in compaction: Failed to apply logs to the metadata segment").
LOW_DISK_BYTES = 16 * 1024 * 1024
_UPSERT_BATCH = 32
_MAX_K = 50
_MIN_CANDIDATES = 20
LEXICAL_WEIGHT = 0.2
"""Share of a hit's score that comes from rare query words found in it (the rest is cosine similarity)."""
_LOCK_TIMEOUT_S = 300.0


class IngestReport(BaseModel):
    """What one ingest changed. `rebuilt_reason` says why the collection was recreated (None when it was not)."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    rebuilt_reason: str | None = None
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.rebuilt_reason)

    def summary(self) -> str:
        text = (
            f"{self.added} added, {self.updated} updated, {self.removed} removed, {self.unchanged} unchanged"
        )
        return f"Rebuilt: {self.rebuilt_reason}. {text}" if self.rebuilt_reason else text


class Hit(BaseModel):
    """One search result. `score` is relevance in 0..1: mostly cosine similarity, plus a small bonus for rare
    query words the chunk contains (see `rerank`)."""

    model_config = ConfigDict(frozen=True)

    id: str
    text: str
    score: float = Field(ge=0.0, le=1.0)
    metadata: dict[str, str]
    citation: str

    @property
    def item_id(self) -> str:
        return self.metadata.get("item_id", "")

    @property
    def kind(self) -> str:
        return self.metadata.get("kind", "")


def citation_for(metadata: dict[str, str]) -> str:
    return f"{metadata.get('source', '?')} › {metadata.get('heading', '?')}"


class KnowledgeStore:
    """Role knowledge in Chroma for one `Settings` (role, data dir or server, collection name) and one embedder."""

    def __init__(self, settings: Settings, embedder: Embedder) -> None:
        self.settings = settings
        self.embedder = embedder
        self.role = settings.role
        self.role_dir = settings.role_dir
        self._client: Any = None
        self._lock = threading.RLock()
        self._ready_signature: tuple[Any, ...] | None = None

    # ------------------------------------------------------------------------------------------------ location
    @property
    def location(self) -> str:
        """Where the vectors live, for messages: a folder or a server address."""
        if self.settings.chroma_host:
            return f"Chroma server {self.settings.chroma_host}:{self.settings.chroma_port}"
        return str(self.settings.chroma_dir)

    def _client_or_connect(self) -> Any:
        """The Chroma client, created on first use (and again if the store folder was deleted meanwhile)."""
        with self._lock:
            if (
                self._client is not None
                and not self.settings.chroma_host
                and not self.settings.chroma_dir.is_dir()
            ):
                self._forget_client()  # the folder is gone: start over with an empty store instead of failing
            if self._client is None:
                self._client = self._connect()
            return self._client

    def _connect(self) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        if self.settings.chroma_host:
            try:
                return chromadb.HttpClient(
                    host=self.settings.chroma_host, port=self.settings.chroma_port, settings=chroma_settings
                )
            except Exception as exc:
                log.warning("%s not reachable (%s)", self.location, type(exc).__name__)
                raise ConfigError(
                    f"The {self.location} is not reachable. Start it with "
                    f"`chroma run --path DIR --port {self.settings.chroma_port}`, or unset CHROMA_HOST to use the "
                    "embedded store.",
                    code="chroma_unreachable",
                ) from exc
        self.settings.chroma_dir.mkdir(parents=True, exist_ok=True)
        try:
            return chromadb.PersistentClient(path=str(self.settings.chroma_dir), settings=chroma_settings)
        except Exception as exc:
            self._raise_if_disk_full(exc, "opened")
            # Chroma's text ("InternalError: error returned from database: (code: 26) ...") is for the log only.
            log.warning("knowledge store at %s could not be opened (%s)", self.location, type(exc).__name__)
            log.debug("chroma failed to open %s", self.location, exc_info=True)
            self._drop_cached_system()
            raise StoreDamaged(
                f"The knowledge store at {self.location} could not be opened: its files are damaged, or another "
                "program is holding them. If `assistant ingest` is running elsewhere, wait for it and retry; "
                "otherwise run `assistant ingest --rebuild`, which sets the damaged folder aside and builds the "
                "store again from the knowledge files (your interviews and resumes are not kept in it).",
                code="knowledge_store",
            ) from exc

    def _set_aside_damaged(self) -> None:
        """Move an embedded store that cannot be opened out of the way (kept beside it, never deleted), so
        `ingest --rebuild` can build a new one in its place."""
        folder = self.settings.chroma_dir
        aside = folder.with_name(f"{folder.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        self._forget_client()
        folder.rename(aside)
        self._drop_cached_system()
        log.warning("knowledge store at %s could not be opened; set aside as %s and rebuilt", folder, aside)

    def _raise_if_disk_full(self, exc: BaseException, verb: str) -> None:
        """A full disk is said as such: the usual advice (delete the folder, rebuild) would only make it worse."""
        if not disk_is_full(exc, self.settings.chroma_dir):
            return
        raise KnowledgeError(
            f"The disk holding the knowledge store ({self.settings.chroma_dir}) is full, so the store could not be "
            f"{verb}. Free some space (or set DATA_DIR to a folder on a larger disk) and try again; the store does "
            "not need rebuilding.",
            code="disk_full",
        ) from exc

    def _forget_client(self) -> None:
        """Close the client so the next use opens the store afresh.

        Chroma shares one "system" per folder within a process; when the folder was deleted under it, that system
        is stale for every client, so it is dropped from Chroma's cache as well.
        """
        client, self._client = self._client, None
        self._ready_signature = None
        if client is None:
            return
        with contextlib.suppress(Exception):
            client.close()
        if not self.settings.chroma_host and not self.settings.chroma_dir.is_dir():
            self._drop_cached_system()

    def _drop_cached_system(self) -> None:
        """Forget Chroma's per-folder "system" so the next client opens the folder afresh."""
        if self.settings.chroma_host:
            return
        from chromadb.api.shared_system_client import SharedSystemClient

        stale = SharedSystemClient._identifier_to_system.pop(str(self.settings.chroma_dir), None)
        SharedSystemClient._identifier_to_refcount.pop(str(self.settings.chroma_dir), None)
        if stale is not None:
            with contextlib.suppress(Exception):
                stale.stop()

    @contextlib.contextmanager
    def _chroma_errors(self, action: str) -> Iterator[None]:
        """Turn Chroma's failures into a user-facing message with the fix; our own errors pass through."""
        try:
            yield
        except (KnowledgeError, ConfigError, InputError):
            raise
        except Exception as exc:
            log.debug("chroma failed while %s", action, exc_info=True)
            with self._lock:
                self._forget_client()  # whatever state the client is in, the next call starts clean
            if not self.settings.chroma_host:
                self._raise_if_disk_full(exc, "written")
            if self.settings.chroma_host and _looks_like_connection_error(exc):
                raise ConfigError(
                    f"The {self.location} stopped answering while {action}. Check that `chroma run` is up, or "
                    "unset CHROMA_HOST to use the embedded store.",
                    code="chroma_unreachable",
                ) from exc
            log.warning("knowledge store at %s failed while %s (%s)", self.location, action, type(exc).__name__)
            raise KnowledgeError(
                f"The knowledge store at {self.location} failed while {action}. Run `assistant ingest --rebuild` "
                "to build it again from the knowledge files; `assistant doctor` checks it, and the log has the "
                "details.",
                code="knowledge_store",
            ) from exc

    # ------------------------------------------------------------------------------------------------ collection
    def _collection_metadata(self) -> dict[str, Any]:
        return {
            "hnsw:space": "cosine",
            "embedder": self.embedder.name,
            "dimension": int(self.embedder.dimension),
        }

    def _embedding_function(self) -> Any:
        # Persisted with the collection so a raw `query(query_texts=...)` uses the same model offline. Other
        # backends store none: we always pass vectors ourselves.
        if self.settings.embedding_backend == EmbeddingBackend.LOCAL:
            return LocalMiniLMEmbeddingFunction()
        return None

    def _existing_collection(self) -> Any | None:
        from chromadb.errors import NotFoundError

        client = self._client_or_connect()
        try:
            return client.get_collection(
                self.settings.chroma_collection, embedding_function=self._embedding_function()
            )
        except (NotFoundError, ValueError) as exc:
            if isinstance(exc, NotFoundError) or "does not exist" in str(exc):
                return None
            raise

    def _create_collection(self) -> Any:
        # get_or_create, not create: replicas sharing a Chroma server may both find no collection at start-up;
        # the second one then uses the collection the first just made instead of failing with "already exists".
        return self._client_or_connect().get_or_create_collection(
            self.settings.chroma_collection,
            metadata=self._collection_metadata(),
            embedding_function=self._embedding_function(),
        )

    def _mismatch(self, collection: Any) -> str | None:
        """Why the collection's vectors do not fit the current embedder (None when they do)."""
        metadata = collection.metadata or {}
        built_with, built_dim = metadata.get("embedder"), metadata.get("dimension")
        if built_with is None:
            return "the collection was not built by this application"
        if built_with != self.embedder.name or int(built_dim or 0) != int(self.embedder.dimension):
            return (
                f"the embedding model changed from {built_with} ({built_dim} dimensions) to "
                f"{self.embedder.name} ({self.embedder.dimension} dimensions)"
            )
        return None

    # ------------------------------------------------------------------------------------------------ ingest
    def load_chunks(self) -> list[Chunk]:
        """Chunks of the configured role, read fresh from its folder (a broken file raises KnowledgeError)."""
        from assistant.knowledge.loader import load_role

        if not self.role_dir.is_dir():
            raise KnowledgeError(
                f"No knowledge folder for role {self.role!r} at {self.role_dir}. Set ROLE or ASSISTANT_KNOWLEDGE_DIR.",
                code="knowledge_missing",
            )
        chunks = chunk_role(load_role(self.role_dir), self.role_dir)
        seen: set[str] = set()
        for chunk in chunks:
            if chunk.id in seen:
                raise KnowledgeError(
                    f"Two items in {chunk.metadata['source']} share the id {chunk.metadata['item_id']!r}; "
                    "ids must be unique.",
                    code="knowledge_invalid",
                )
            seen.add(chunk.id)
        return chunks

    def ingest(self, rebuild: bool = False, progress: Progress | None = None) -> IngestReport:
        """Bring the store in line with the role's files; embeds only what is new or changed.

        `rebuild=True` drops the collection first (every chunk is embedded again).
        """
        started = time.perf_counter()
        chunks = self.load_chunks()
        with self._lock, self._ingest_lock(), self._chroma_errors("updating the knowledge store"):
            try:
                report = self._sync(chunks, rebuild=rebuild, progress=progress)
            except StoreDamaged:
                if not rebuild or self.settings.chroma_host:
                    raise
                self._set_aside_damaged()
                report = self._sync(chunks, rebuild=rebuild, progress=progress)
                report.rebuilt_reason = "the store could not be opened; its folder was set aside"
            self._ready_signature = self._files_signature()
        report.seconds = round(time.perf_counter() - started, 3)
        log.info("knowledge ingest (%s): %s", self.role, report.summary())
        return report

    def _sync(self, chunks: list[Chunk], *, rebuild: bool, progress: Progress | None) -> IngestReport:
        reason: str | None = "requested with --rebuild" if rebuild else None
        collection = self._existing_collection()
        if collection is not None and reason is None:
            reason = self._mismatch(collection)
        if collection is not None and reason is not None:
            from chromadb.errors import NotFoundError

            with contextlib.suppress(NotFoundError):  # another process sharing the server dropped it first
                self._client_or_connect().delete_collection(self.settings.chroma_collection)
            collection = None
        if collection is None:
            collection = self._create_collection()

        stored = collection.get(where={"role": self.role}, include=["metadatas"])
        stored_hash = {
            chunk_id: (metadata or {}).get("content_hash")
            for chunk_id, metadata in zip(stored["ids"], stored["metadatas"] or [], strict=False)
        }
        wanted = {chunk.id for chunk in chunks}
        to_embed = [chunk for chunk in chunks if stored_hash.get(chunk.id) != chunk.content_hash]
        added = sum(1 for chunk in to_embed if chunk.id not in stored_hash)
        removed = [chunk_id for chunk_id in stored_hash if chunk_id not in wanted]

        total = len(to_embed)
        if progress:
            progress(0, total)
        for start in range(0, total, _UPSERT_BATCH):
            batch = to_embed[start : start + _UPSERT_BATCH]
            vectors = self.embedder.embed([chunk.text for chunk in batch])
            collection.upsert(
                ids=[chunk.id for chunk in batch],
                embeddings=vectors,
                documents=[chunk.text for chunk in batch],
                metadatas=[dict(chunk.metadata) for chunk in batch],
            )
            if progress:
                progress(start + len(batch), total)
        if removed:
            collection.delete(ids=removed)
        return IngestReport(
            added=added,
            updated=total - added,
            removed=len(removed),
            unchanged=len(chunks) - total,
            rebuilt_reason=reason,
        )

    @contextlib.contextmanager
    def _ingest_lock(self) -> Iterator[None]:
        """One ingest at a time per data dir, across processes; a second process waits, then finds little to do."""
        if fcntl is None:  # pragma: no cover
            yield
            return
        self.settings.data_dir.mkdir(parents=True, exist_ok=True)
        path = self.settings.data_dir / ".knowledge-ingest.lock"
        with path.open("a") as handle:
            deadline = time.monotonic() + _LOCK_TIMEOUT_S
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise KnowledgeError(
                            "Another process has been updating the knowledge store for over "
                            f"{int(_LOCK_TIMEOUT_S)} s. If none is running, delete {path} and retry.",
                            code="knowledge_busy",
                        ) from None
                    time.sleep(0.2)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _files_signature(self) -> tuple[Any, ...]:
        """Cheap fingerprint of the role folder (names, sizes, mtimes): a change means ingest again."""
        if not self.role_dir.is_dir():
            return ()
        return tuple(
            (p.name, p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(self.role_dir.iterdir())
            if p.is_file()
        )

    def ensure_ready(self) -> IngestReport | None:
        """Make the store usable: ingest when it is missing, empty, stale or built with another model.

        Returns the report when something had to change, None when the store was already current. Cheap to call
        again: a repeat in the same process only compares the role folder's file sizes and times.
        """
        with self._lock:
            store_present = bool(self.settings.chroma_host) or self.settings.chroma_dir.is_dir()
            if (
                store_present
                and self._ready_signature is not None
                and self._ready_signature == self._files_signature()
            ):
                return None
            report = self.ingest()
            return report if report.changed else None

    # ------------------------------------------------------------------------------------------------ search
    def search(self, text: str, k: int = 4, where: dict[str, Any] | None = None) -> list[Hit]:
        """The `k` chunks of this role closest in meaning to `text`, best first.

        `where` is a Chroma metadata filter (e.g. `{"kind": "question"}` or `{"competency": "people_leadership"}`).
        """
        text = text.strip()
        if not text:
            raise InputError("The search text is empty.", code="invalid_input")
        if not 1 <= k <= _MAX_K:
            raise InputError(f"k must be between 1 and {_MAX_K}.", code="invalid_input")
        query_vector = self.embedder.embed([text])
        role_filter: dict[str, Any] = {"role": self.role}
        full_where = {"$and": [role_filter, where]} if where else role_filter
        with self._lock, self._chroma_errors("searching the knowledge store"):
            collection = self._existing_collection()
            if collection is None or collection.count() == 0:
                raise KnowledgeError(
                    f"The knowledge store at {self.location} is empty. Run `assistant ingest` to build it.",
                    code="knowledge_store_empty",
                )
            mismatch = self._mismatch(collection)
            if mismatch:
                raise KnowledgeError(
                    f"The knowledge store cannot be searched: {mismatch}. {REBUILD_HINT}",
                    code="knowledge_store_stale",
                )
            candidates = min(max(k * 4, _MIN_CANDIDATES), collection.count())
            result = collection.query(
                query_embeddings=query_vector,
                n_results=candidates,
                where=full_where,
                include=["documents", "metadatas", "distances"],
            )
        hits = [
            _hit(chunk_id, document or "", metadata or {}, 1.0 - float(distance))
            for chunk_id, document, metadata, distance in zip(
                result["ids"][0],
                result["documents"][0],
                result["metadatas"][0],
                result["distances"][0],
                strict=True,
            )
        ]
        return rerank(text, hits)[:k]

    def count(self) -> int:
        """Chunks stored for this role (0 when the store does not exist yet)."""
        with self._lock, self._chroma_errors("counting chunks"):
            collection = self._existing_collection()
            if collection is None:
                return 0
            return len(collection.get(where={"role": self.role}, include=[])["ids"])

    def delete_all(self) -> None:
        """Drop the collection (used by "delete my data" and tests); the next `ensure_ready` rebuilds it."""
        with self._lock, self._chroma_errors("deleting the knowledge store"):
            if self._existing_collection() is not None:
                self._client_or_connect().delete_collection(self.settings.chroma_collection)
            self._ready_signature = None


def _looks_like_connection_error(exc: BaseException) -> bool:
    names = {type(e).__name__ for e in _causes(exc)}
    return bool(
        names & {"ConnectError", "ConnectionError", "ConnectTimeout", "ReadTimeout", "RemoteProtocolError"}
    )


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: BaseException | None = exc
    while seen is not None:
        yield seen
        seen = seen.__cause__ or seen.__context__


def _hit(chunk_id: str, text: str, metadata: dict[str, Any], similarity: float) -> Hit:
    meta = {key: str(value) for key, value in metadata.items()}
    score = round(min(1.0, max(0.0, similarity)), 4)
    return Hit(id=chunk_id, text=text, score=score, metadata=meta, citation=citation_for(meta))


def _terms(text: str) -> set[str]:
    """Stems of the content words, so "judged"/"judge" and "metrics"/"metric" meet (the text core's stemmer)."""
    return {stem(word) for word in _term_list(text) if word not in STOPWORDS}


def rerank(query: str, hits: list[Hit]) -> list[Hit]:
    """Blend cosine similarity with an IDF-weighted share of the query's words found in each hit.

    A small embedding model blurs a distinctive word ("judged", "on-call", "budget") into the topic of the whole
    sentence; when most candidates share the topic words, the rare word the user typed is what tells them apart.
    IDF is computed over the candidates themselves, so a word every candidate contains counts for nothing.
    """
    query_terms = _terms(query)
    if not hits or not query_terms:
        return hits
    hit_terms = [_terms(hit.text) for hit in hits]
    n = len(hits)
    idf = {t: math.log((n + 1) / (1 + sum(t in terms for terms in hit_terms))) for t in query_terms}
    total = sum(idf.values())
    if total <= 0:
        return hits
    blended = []
    for hit, terms in zip(hits, hit_terms, strict=True):
        lexical = sum(weight for t, weight in idf.items() if t in terms) / total
        score = (1 - LEXICAL_WEIGHT) * hit.score + LEXICAL_WEIGHT * lexical
        blended.append(hit.model_copy(update={"score": round(min(1.0, max(0.0, score)), 4)}))
    return sorted(blended, key=lambda hit: -hit.score)


def disk_is_full(exc: BaseException, folder: Path) -> bool:
    """Whether `exc` (or an exception it was raised from) says the disk is full, or the disk holding `folder`
    has almost no space left."""
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            break
        text = str(seen).lower()
        if getattr(seen, "errno", None) == errno.ENOSPC or "disk is full" in text or "no space left" in text:
            return True
        seen = seen.__cause__ or seen.__context__
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    try:
        return shutil.disk_usage(existing).free < LOW_DISK_BYTES
    except OSError:
        return False
