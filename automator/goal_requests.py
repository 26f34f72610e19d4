"""What a goal asks for, as far as the safety gate needs to know: which consequential kinds of
action (placing a call, sending, deleting, paying, changing an existing item) and which
objects it names.

Kinds are read per clause ("add Jo to my contacts, then text her"), after the politeness
("could you", "please") and the values (quoted text, what follows a colon) are set aside; a
clause that is a question asks for nothing. A clause asks for a kind when
- it starts with one of the kind's core verbs ("ring Mia", "give Omar a call", "get rid of
  the old list"), or with one written without its vowels as people text ("txt Mia"), or
  holds one in another language ("Ruf Anna an", "supprime la note"); the lists are the
  few verbs of each kind's meaning, not phrasings collected from requests;
- or, when it holds no known verb, the sentence model finds it, names read as "someone",
  much nearer to the kind's short descriptions than to those of everyday operations that
  are not consequential ("shoot Priya a text" is a message; "make the screen brighter" is
  none of them);
- or, for a change to an existing item, it states the new state ("Sam has a new number").
What a request forbids asks for nothing: "keep them, don't delete anything" asks for no
deletion, "do not call Anna" for no call (`negation.without_negated`).

Names are what the request names specifically, its values (quoted text, a message's words)
left out: capitalised words past a sentence's first word (or possessive: "Sam's"), words of
scripts without capitals; and its numbers of three digits or more. The model is loaded only
when a clause needs it, the first time the gate asks.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from functools import cached_property

from perception.sensitive import CALL, DELETION, OVERWRITE, PAYMENT, SEND, SEND_MONEY
from planners.embedded.encoder import TextEncoder, default_encoder
from planners.embedded.negation import without_negated
from planners.embedded.restated import plainly
from planners.embedded.wording import without_pictographs

log = logging.getLogger(__name__)

KINDS = (CALL, SEND, DELETION, PAYMENT, OVERWRITE)  # the kinds a goal is read for
_KIND_OF = {SEND_MONEY: PAYMENT}  # a category read as the kind that covers it

MODEL_MIN = 0.45  # cosine (-1..1) a clause needs with a kind's description to ask for it
MODEL_MARGIN = 0.08  # cosine by which it must beat the nearest everyday operation


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Core verbs a clause starts with (English) ...
_HEADS: dict[str, frozenset[str]] = {
    CALL: _set("call phone ring dial redial"),
    SEND: _set("send text message reply respond email e-mail mail sms dm ping forward "
                    "notify tell"),
    DELETION: _set("delete remove erase clear wipe discard trash purge empty "
                        "scrap"),
    PAYMENT: _set("pay buy purchase order checkout subscribe rent book donate transfer "
                       "wire reorder"),
    OVERWRITE: _set("change edit update fix correct rename replace modify amend "
                         "alter"),
}
# ... idioms made of several words (from the clause's start) ...
_IDIOMS: dict[str, re.Pattern[str]] = {
    CALL: re.compile(r"^(give|make)\b.*\ba (phone )?(call|ring|buzz)\b|^(video|voice) "
                     r"(call|chat)\b|^get hold of\b.*\bphone\b"),
    SEND: re.compile(r"^let\b.*\bknow\b|^write (back )?to\b|^drop\b.*\ba (line|note)\b"
                     r"|^ask(?: \S+){1,4} (if|whether)\b"),  # a question put to someone
    DELETION: re.compile(r"^get rid of\b|^throw\b.*\b(away|out)\b|^take\b.*\b(off|out)\b"
                         r"|^clean\b.*\bout\b"),
    PAYMENT: re.compile(r"^check ?out\b|^send\b.*(money|[$€£¥₹]\s?\d|\d\s?[$€£¥₹])"),
    # an item that exists given a new time ("move my alarm to 7", "push it back an hour")
    OVERWRITE: re.compile(r"^(move|set|push|shift|bump|put|reset|bring) (my|the|our|this|that) "
                          r".*\b((to|for|till|until) \d+|later|earlier|back|forward)\b"),
}
# ... and a kind's verbs in other languages, anywhere in the clause (accents stripped).
_FOREIGN: dict[str, frozenset[str]] = {
    CALL: _set("anrufen ruf rufe telefoniere telefonieren appelle appeler appelez "
                    "telephone telephoner llama llamar llame telefonea chiama chiamare "
                    "telefona ligar liga ligue bel bellen opbellen"),
    SEND: _set("schreib schreibe schreiben schick schicke schicken sende senden antworte "
                    "envoie envoyer envoyez ecris ecrire reponds envia enviar escribe escribir "
                    "responde manda mandar invia inviare scrivi scrivere rispondi envie mande "
                    "escreva responda stuur sturen schrijf"),
    DELETION: _set("losche loschen losch entferne entfernen supprime supprimer efface "
                        "effacer borra borrar elimina eliminar eliminare cancella cancellare "
                        "rimuovi exclua excluir remova remover verwijder verwijderen "
                        "wis"),
    PAYMENT: _set("bezahle bezahlen kaufe kaufen bestelle bestellen uberweise uberweisen "
                       "paie payer achete acheter commande commander paga pagar compra comprar "
                       "pagare comprare ordina ordinare pague compre betaal betalen koop kopen "
                       "bestel"),
    OVERWRITE: _set("andern aendern bearbeite bearbeiten korrigiere aktualisiere modifie "
                         "modifier corrige corriger renomme renommer cambia cambiar edita "
                         "editar modifica modificar corregir actualiza actualizar cambiare "
                         "modificare correggi aggiorna rinomina altere alterar mude mudar "
                         "edite corrija atualize wijzig wijzigen verander veranderen bewerk "
                         "bewerken hernoem"),
}
# ... and in scripts written without spaces, anywhere in the clause.
_FOREIGN_UNSPACED: dict[str, tuple[str, ...]] = {
    CALL: ("打电话", "打個電話", "打电話", "致电", "呼叫", "電話して", "電話をかけ", "전화해",
           "전화 걸"),
    SEND: ("发消息", "发短信", "发信息", "傳訊息", "发送", "送信", "メッセージを送", "메시지 보내",
           "문자 보내"),
    DELETION: ("删除", "刪除", "削除", "삭제"),
    PAYMENT: ("付款", "支付", "购买", "購入", "買って", "결제", "구매"),
    OVERWRITE: ("修改", "更改", "编辑", "編集", "変更", "수정"),
}
# A clause that states the new state of an existing item ("Sam has a new number") or gives
# a value for a field of someone's ("add X as Sam's e-mail").
_NEW_STATE = re.compile(r"\b(has|have|got) (a |an )?new\b|\b(is|are)\b[^,]*\bnow\b"
                        r"|\bnow (is|are)\b|\bchanged (to|his|her|their|the|my)\b"
                        r"|\bas (\S+'s|his|her|their) \w+")
# Short descriptions of each kind, and of everyday operations that are none of them.
_DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    CALL: ("call someone on the phone", "phone a person", "ring someone", "dial a number",
           "give someone a call", "make a phone call"),
    SEND: ("send someone a message", "text a person", "reply to someone",
           "send an email to someone", "write to someone", "let someone know something",
           "ask someone a question"),
    DELETION: ("delete it", "remove it", "erase it", "get rid of it", "throw it away",
               "clear them out"),
    PAYMENT: ("pay for it", "buy it", "place an order", "check out and pay",
              "purchase something", "order something online"),
    OVERWRITE: ("change a detail of an entry", "edit an existing entry", "update the details",
                "correct a mistake", "rename it", "replace the old value with a new one"),
}
_EVERYDAY = (
    "turn on a setting", "switch it off", "open an app", "look something up",
    "what is the answer", "who is it", "how many are there", "find something",
    "read a message", "create a new item", "add a new entry", "save a new contact",
    "set an alarm", "start a timer", "show me something", "explore the app",
    "make it brighter", "add something to a list", "write a note", "connect to a network",
    "who called me", "look up a phone number", "mute the sound",
    "change a sound setting such as the ringtone or the ring volume", "see my call history",
    "assign a custom ringtone to a contact",
)

_POLITE = re.compile(
    r"^(?:please|pls|plz|kindly|just|now|also|and|then|ok|okay|so|hey|quickly|"
    r"(?:can|could|would|will) (?:you|u)(?: please)?(?: mind)?|"
    r"i(?:'d| would)? (?:like|want|need)(?: you)? to|i need you to|go ahead and|"
    r"help me|let's|lets|try to|make sure to|remember to)\b[\s,]*",
    re.I,
)
_QUESTION_HEADS = _set(
    "what what's whats which who who's whom whose where where's when why how is are am was "
    "were do does did has have had should shall may tell"
)
_STATING = _set("i i'm i've i'll we we're we've my our")  # a clause that tells about the person
_QUOTED = re.compile(r"(?<!\w)[\"“”'‘’«]([^\"“”‘’»]+?)[\"“”'‘’»](?=\s|$|[.,!?;:)])")
_CLAUSE_SPLIT = re.compile(r"[.!?;]+(?:\s|$)|,\s*|\s+(?:and then|and|then|&)\s+", re.I)
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_PRONOUNS = _set("i i'm i'll i'd i've am pm ok")
_NUMBER = re.compile(r"\+?\d[\d\s().:\-/]*\d")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CONTENT = re.compile(r":|\b(?:saying|that says|to say|with the text)\b", re.I)


def fold(text: str) -> str:
    """Case-folded, accents stripped, curly apostrophes straightened."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))


def kind_of(category: str) -> str:
    """The kind of request that covers a sensitive category (send_money: payment)."""
    return _KIND_OF.get(category, category)


def _values_out(goal: str) -> str:
    """The goal without the values it gives: quoted text, and what follows a colon or
    "saying" to the end of its sentence (a message's words ask for nothing and name nothing
    the action concerns)."""
    text = _QUOTED.sub(" ", goal)
    return " . ".join(_CONTENT.split(part)[0] for part in re.split(r"(?<=[.!?;])\s+", text))


def clauses(goal: str) -> list[str]:
    """The goal's clauses, folded, without quoted values, values after a colon, or
    politeness: "Reply to Mom: I'll call later" -> ["reply to mom"]."""
    out = []
    text = _values_out(without_negated(plainly(without_pictographs(goal))))  # "don't delete
    #   anything": no deletion; "... so I notice when he rings": no call (its purpose asks
    #   for nothing); what is said the way people talk is read as the plain order the
    #   planner reads, an emoji as a pause
    for raw in _CLAUSE_SPLIT.split(fold(text)):
        clause = raw.strip(" ,.")
        while (stripped := _POLITE.sub("", clause, count=1).strip(" ,")) != clause:
            clause = stripped
        if clause:
            out.append(_bare_verb(clause))
    return out


def _bare_verb(clause: str) -> str:
    """The clause with a verb in "-ing" that opens it as an order ("(would you mind) letting
    mia know ..."), as its bare form: the one of "let", "lett", "lette" whose clause reads
    as a kind, else the clause as it is."""
    head, _, rest = clause.partition(" ")
    if not head.endswith("ing") or len(head) < 6:
        return clause
    stem = head[:-3]
    for verb in (stem, stem[:-1] if stem[-1] == stem[-2] else stem, f"{stem}e"):
        if _verb_kinds(f"{verb} {rest}".strip()):
            return f"{verb} {rest}".strip()
    return clause


_VOWELS = frozenset("aeiouy")


def _skeleton(word: str) -> str:
    """The word as texting shorthand writes it: its first letter, then its consonants with
    no letter twice in a row ("message" -> "msg", "text" -> "txt", "delete" -> "dlt")."""
    out = word[:1]
    for c in word[1:]:
        if c not in _VOWELS and c != out[-1]:
            out += c
    return out


def shorthand_of(word: str, verbs: Collection[str]) -> bool:
    """`word` is one of `verbs` written the way people text in a hurry, without its vowels
    ("txt", "msg", "snd", "dlt"); a word of three letters or more that has vowels after its
    first letter is a word of its own, never a shorthand."""
    if len(word) < 3 or not word.isalpha() or _VOWELS & set(word[1:]):
        return False
    return any(_skeleton(v) == word for v in verbs if v.isalpha())


def _verb_kinds(clause: str) -> set[str] | None:
    """The kinds a clause's verbs ask for; None when no verb of any kind is known there. A
    statement about the person ("i keep missing calls", once wishes are taken off as
    courtesy) tells the context and asks for nothing."""
    words = clause.split()
    head = words[0]
    if head in _QUESTION_HEADS and not (head == "tell" and words[1:2] != ["me"]):
        return set()
    if head in _STATING and not _NEW_STATE.search(clause):
        return set()
    if head == "call" and words[1:2] in (["it"], ["this"]):
        return set()  # naming: "... and call it Nap"
    found = {k for k, heads in _HEADS.items() if head in heads or shorthand_of(head, heads)}
    found |= {k for k, idiom in _IDIOMS.items() if idiom.search(clause)}
    found |= {k for k, verbs in _FOREIGN.items() if verbs & set(words)}
    found |= {k for k, verbs in _FOREIGN_UNSPACED.items() if any(v in clause for v in verbs)}
    if _NEW_STATE.search(clause):
        found.add(OVERWRITE)
    return found or None


@dataclass
class GoalRequests:
    """What one goal asks for; kinds are read once, on first use."""

    goal: str
    encoder: TextEncoder | None = None  # None: the shared sentence model, loaded when needed

    def asks_for(self, category: str) -> bool:
        """Whether the goal asks for an action of `category`'s kind."""
        return kind_of(category) in self.kinds

    @cached_property
    def kinds(self) -> frozenset[str]:
        """The consequential kinds the goal asks for (`KINDS`)."""
        found: set[str] = set()
        unknown = []
        for clause in clauses(self.goal):
            verbs = _verb_kinds(clause)
            if verbs is None:
                unknown.append(clause)
            else:
                found |= verbs
        if unknown:
            found |= self._model_kinds([self._masked(c) for c in unknown])
        log.debug("goal %r asks for %s", self.goal, sorted(found) or "nothing consequential")
        return frozenset(found)

    def _masked(self, clause: str) -> str:
        """Names and numbers read as "someone": the model knows verbs, not people."""
        return " ".join("someone" if re.sub(r"'s$", "", w) in self.names
                        or any(c.isdigit() for c in w) else w for w in clause.split())

    def _model_kinds(self, texts: list[str]) -> set[str]:
        encoder = self.encoder or default_encoder()
        kinds = list(_DESCRIPTIONS)
        phrases = [p for k in kinds for p in _DESCRIPTIONS[k]]
        sims = encoder.encode(texts) @ encoder.encode([*phrases, *_EVERYDAY]).T
        everyday = sims[:, len(phrases):].max(axis=1)
        found = set()
        start = 0
        for kind in kinds:
            end = start + len(_DESCRIPTIONS[kind])
            best = sims[:, start:end].max(axis=1)
            if ((best >= MODEL_MIN) & (best >= everyday + MODEL_MARGIN)).any():
                found.add(kind)
            start = end
        return found

    @cached_property
    def _request(self) -> str:
        """The goal without its values and e-mail addresses: where names are looked for."""
        return _EMAIL.sub(" ", _values_out(self.goal))

    @cached_property
    def names(self) -> frozenset[str]:
        """Folded words the goal names specifically (see the module docstring)."""
        out = set()
        # only a sentence's first word is capitalised by the grammar; past "and", "then" or
        # a comma a capital is the writer's ("text Ada and Omar": both are names)
        for sentence in re.split(r"[.!?;]\s*", self._request):
            words = _WORD.findall(sentence)
            for i, word in enumerate(words):
                token = fold(re.sub(r"['’]s$", "", word))
                if token in _PRONOUNS or any(c.isdigit() for c in token):
                    continue
                if (word[0].isupper() and (i > 0 or token != fold(word))) or not _cased(word):
                    out.add(token)
        return frozenset(out)

    @cached_property
    def numbers(self) -> frozenset[str]:
        """The digits of each number of three digits or more the goal names."""
        found = (re.sub(r"\D", "", m) for m in _NUMBER.findall(self._request))
        return frozenset(d for d in found if len(d) >= 3)

    def names_something(self) -> bool:
        return bool(self.names or self.numbers)

    def named_in(self, texts: Collection[str], fields: Collection[str] = (),
                 page: Collection[str] = ()) -> bool:
        """Whether the texts around an action name what the goal names: a name of the goal
        among them or in the page's text `fields` (the item a form edits), or a number of
        the goal among them or anywhere on the `page` (a card's number names the card). A
        field holds the new value just typed, so its numbers count only where the goal
        names nobody ("Sam has a new number, 555 0101": nothing to check but the number)."""
        if self._has_name([*texts, *fields]):
            return True
        shown = (*texts, *page) if self.names else (*texts, *page, *fields)
        digits = [re.sub(r"\D", "", m) for t in shown for m in _NUMBER.findall(t)]
        return any(n in d or d in n for n in self.numbers for d in digits if len(d) >= 3)

    def _has_name(self, texts: Collection[str]) -> bool:
        folded = [fold(t) for t in texts]
        if self.names & {w for t in folded for w in _WORD.findall(t)}:
            return True
        uncased = [n for n in self.names if not _cased(n) and len(n) >= 2]
        return any(n in t or (w in n and len(w) >= 2) for n in uncased for t in folded
                   for w in _WORD.findall(t))

    def shown(self) -> str:
        """The names for people: "Mia, 5550101"."""
        return ", ".join(sorted(self.names) + sorted(self.numbers))


def _cased(word: str) -> bool:
    """Written in a script with capitals (Latin, Greek, Cyrillic, ...)."""
    return any(c.isupper() or c.islower() for c in word)

