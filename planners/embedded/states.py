"""How a state is said after its thing: "bluetooth off", "bluetooth enabled", "the alarm
silenced", the state a verb leaves a thing in, and the verb that does; or a level made
higher or lower ("the screen brighter", "make the type bigger").

A word reads as a verb's past when it ends in "-ed" after a stem with a vowel ("shed",
"sled", "speed" and "need" are words of their own). Its verb is the first of the usual
spellings that the sentence model's vocabulary holds as a whole word: "silenced" is
"silence", "switched" is "switch", "dimmed" is "dim", "emptied" is "empty". Where it holds
none ("deleted": the vocabulary splits "delete"), a doubled last letter is undoubled, and a
silent "e" follows a single vowel and one consonant ("delete", "rename"; "unlock").
"""

from __future__ import annotations

import re

from planners.embedded.spelling import known_words
from planners.embedded.wording import closed_class

# comparatives of a level: a thing wanted so, or made so, is a level, not a switch
LEVELS = closed_class("brighter darker dimmer louder quieter softer higher lower bigger smaller "
                      "larger warmer cooler")
_DETERMINERS = closed_class("a an the my your our his her their this that some another new")


def level_after_object(clause: str) -> bool:
    """A comparative of a level follows the verb's object, as its complement ("make the
    type bigger on here", "get it louder"); before a noun ("a bigger mug") it only says
    which thing."""
    words = [w.lower() for w in re.findall(r"[\w'-]+", clause)]
    return any(w in LEVELS and i >= 2 and words[i - 1] not in _DETERMINERS
               for i, w in enumerate(words))


def past_form(word: str) -> bool:
    """The word has the shape of a verb's past ("arrived", "moved")."""
    word = word.lower()
    return word.endswith("ed") and not word.endswith("eed") and re.search(
        r"[aeiouy]", word[:-2]) is not None


def verb_of(word: str) -> str | None:
    """The verb whose past `word` is, or None when it has no such shape."""
    word = word.lower()
    if not past_form(word):
        return None
    stem = word[:-2]
    doubled = len(stem) > 2 and stem[-1] == stem[-2]
    spellings = ([stem[:-1] + "y"] if stem.endswith("i") else
                 [stem + "e", stem] + ([stem[:-1]] if doubled else []))
    known = known_words()
    if (verb := next((v for v in spellings if v in known), None)) is not None:
        return verb
    if doubled:
        return stem[:-1]
    silent_e = re.search(r"[^aeiou][aeiou][^aeiouwxy]$", stem) is not None
    return stem + "e" if silent_e else stem


_STATE_TAIL = re.compile(r"^(.+?)\s+(?:back\s+)?((?:turned\s+|switched\s+|set\s+)?(?:on|off)|"
                         r"at\s+.+|to\s+\d.*|enabled|disabled|active|inactive)"
                         r"(?:\s+(?:again|once\s+more))?$", re.I)  # said again: the same state


def split_state(phrase: str) -> tuple[str, str]:
    """'torch off' -> ('torch', 'off'); 'the alarm silenced' -> ('alarm', 'silenced'), the
    state a verb leaves it in; 'silent mode' -> ('silent mode', '')."""
    m = _STATE_TAIL.match(phrase.strip())
    if m is not None:
        return bare(m.group(1)), m.group(2).strip()
    *thing, last = phrase.split() or [""]
    if thing and past_form(last):
        return bare(" ".join(thing)), last
    return bare(phrase), ""


def bare(phrase: str) -> str:
    """A noun phrase without its leading article or possessive pronoun."""
    return re.sub(r"^(?:the|my|our|your|a|an)\s+", "", phrase.strip(), flags=re.I)
