"""Which language a request in Latin letters is written in, told by its closed-class words.

The sentence model's vocabulary holds many words of other languages that use Latin letters
("aus", "luz", "het"), and a short request names things by words every language shares
("Bluetooth", "WLAN"), so the share of known words cannot tell that "Bluetooth aus" or
"lampe an bitte" is no English. The small words that every sentence needs can: articles,
pronouns, prepositions, conjunctions, negation, and the word for "please" are a closed class
in each language, few and frequent, and a request that uses another language's and fewer of
English's is written in that language.

The lists hold the languages in Latin letters that the multilingual model reads (Dutch,
French, German, Italian, Polish, Portuguese, Spanish, Turkish); a word that is also an
English word ("die", "was", "per", "con", "met") is in none of them, and a small word just
before a capitalised one is the particle of a name ("Jan de Boer", "Anna von Berg").
"""

from __future__ import annotations

import re

from planners.embedded.wording import closed_class

_ENGLISH = closed_class(
    "the a an to on off of in at for with from by into onto about my your our their his her "
    "its me us him them it i you we he she they this that these those is are was were be been "
    "am do does did not no and or but if so please pls can could would will should what which "
    "who how when where up down out all every some any there here")
_OTHERS = closed_class(
    # German
    "bitte danke aus ein eine einen einem und der das dem mit nicht auf ist mein meine meinen "
    "mir mich ich sie wie für fuer von noch jetzt bei oder aber auch kein keine zu bis vom zum "
    "zur dass sind wird "
    # French
    "de la le les des du et est une je tu vous moi toi sur avec dans s'il plaît plait merci "
    # Spanish, Portuguese, Italian
    "el los las por una y que gracias tu su il gli della dello che di favore grazie mio "
    "uma meu minha não nao você voce obrigado obrigada "
    # Dutch
    "het een aan uit mijn niet alsjeblieft alstublieft graag "
    # Polish, Turkish
    "proszę prosze nie się sie jest lütfen lutfen bir ve için icin ile")
_NAME_PARTICLES = closed_class("de da di del della van von der den du la le dos das")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_QUOTED = re.compile(r"[\"“”«»„]([^\"“”«»„]*)[\"“”«»„]|(?<!\w)'([^']*)'(?!\w)")


def _small_words(text: str) -> list[str]:
    """The request's words that may be closed-class words, lower case: neither quoted nor
    a name's particle, and not capitalised inside the sentence (a name)."""
    words = _WORD.findall(_QUOTED.sub(" ", text))
    small = []
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        if i > 0 and word[:1].isupper():
            continue
        if word.lower() in _NAME_PARTICLES and following[:1].isupper():
            continue
        small.append(word.lower())
    return small


def other_language(text: str) -> bool:
    """Whether the request uses more closed-class words of another language than of English
    (see the module docstring)."""
    small = _small_words(text)
    theirs = sum(w in _OTHERS for w in small)
    ours = sum(w in _ENGLISH and (w != "an" or _before_vowel(small, i))
               for i, w in enumerate(small))
    return theirs > 0 and theirs > ours


def _before_vowel(words: list[str], i: int) -> bool:
    """English "an" stands before a vowel ("an alarm"); "lampe an" is German's "on"."""
    return i + 1 < len(words) and words[i + 1][:1] in "aeiouh"
