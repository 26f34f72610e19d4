"""Statements of a person's new value, restated as the edit they ask for: "Kim's new number
is 555 0101" (said with "new" or "now"); "Kim switched her address to kim@x.org", a change
the person made; "Kim moved to another mail provider, it's kim@x.org now", "Kim went abroad
and got another phone: 555 0101", or "Kim asked me to write to her office address: kim@x.org",
where the field goes unsaid and the value's shape names it (an e-mail, a phone number): the
value is to replace the old one in
that person's entry ("change Kim's email to kim@x.org"), whatever the statement's verb, and
with or without a closing order that points back at it ("... - sort that out", "correct that in my
phonebook"); so is a field said to be wrong and what it should be ("Kim's surname has a typo,
it should be Leigh", "I misspelt Kim's surname, ..."). A person's name and number said
alone (or the person said to be someone, "the plumber was Kim Lee, his number's ..."), with an
order about the person or about their number, is their card to keep.
"""

from __future__ import annotations

import re

from planners.embedded.wording import EMAIL, NAMES, PHONE, without_courtesy

_NEW_VALUE = re.compile(rf"^\s*({NAMES})'s\s+(new\s+)?([a-z]+(?:\s+[a-z]+)?)\s+is\s+(now\s+)?"
                        r"([^,;?!]+?)(\s+now)?\s*[.!]?$")
_NOW_IT_IS = re.compile(rf"^\s*({NAMES})\s[^,;]*[,;]\s*(?i:it's|it is|its)\s+(\S+?)(?:\s+(?i:now))?"
                        r"\s*[.!]?$")
# a closing order that points back at the statement ("- fix that", ", update it please",
# "change his card?"): it asks for the edit the statement implies, and adds nothing to it
_FIX_THAT = re.compile(r"(?:\s*[-–—,;.:]\s*|\s+(?:so|and)\s+)"
                       r"(?i:(?:please\s+|(?:can|could|would)\s+you\s+)?"
                       r"[a-z]+\s+(?:that|it|this|(?:his|her|their)\s+[a-z]+(?:\s+[a-z]+)?)(?:\s+(?:out|up|over))?"
                       r"(?:\s+in\s+(?:(?:my|the|his|her|their)\s+)?[a-z]+(?:\s+card)?)?(?:\s+(?:please|for\s+me))?)"
                       r"(?i:,?\s+(?:but|and)\s+(?:leave|keep)\s[^.!?]*)?\s*[.!?]?\s*$")
# "Kim has a new phone: 555 0100", "Kim got a new phone, ...", "Kim moved and has a
# different phone now: ...": the field said to be new (or other than it was), its value
# after a pause
_HAS_NEW = re.compile(rf"^\s*({NAMES})(?:\s+[^,.;:!?]*?\s+and)?"
                      r"(?:(?:'s|\s+has)\s+(?:got\s+)?|(?<!'s)\s+(?:got|gets)\s+)"
                      r"(?:a\s+(?:new|different)|another)\s+([a-z]+(?:\s+(?!now\b)[a-z]+)?)"
                      r"(?:\s+now)?"
                      r"\s*[,:;–—-]\s*(?i:(?:it's|it\s+is|its)\s+)?(\S+?|\+?\d[\d\s().-]*\d)(?:\s+now)?"
                      r"\s*[.!]?$")
# "Kim moved to another provider, her new address is kim@x.org" (", and her ..."): a person
# told of, then the new value of one of theirs (or its value now, where an order after it
# asks to put it right)
_NEW_IS = re.compile(rf"^\s*({NAMES})\s[^.;?!]*?(?:[,;:.]|\s(?i:and))\s*(?:(?i:so|and)\s+)?"
                     r"(?i:the|her|his|their)\s+(?i:(new)\s+)?([a-z]+(?:\s+[a-z]+)?)"
                     r"(?:\s+(?:to|for)\s+[a-z]+(?:\s+[a-z]+){0,3}?)?"  # "to use for them"
                     r"(?:\s+now)?"
                     r"\s+(?:is|'s)\s+(\S+?|\+?\d[\d\s().-]*\d)"
                     r"(?:\s+now)?\s*[.!]?$")
# "Kim changed jobs and asked me to mail her office address instead: kim@x.org": a person
# told of, a value of theirs spoken of, the value itself after a colon
_THEIRS_GIVEN = re.compile(rf"^\s*({NAMES})\s[^.;?!:]*?\b(?i:his|her|their)\s[^.;?!:]*:\s*"
                           r"(\S+?|\+?\d[\d\s().-]*\d)\s*[.!]?$")
# "..., I'd like his number saved. Kim Lee, 555 0101.": a person's number the request speaks
# of, then the person's name and number alone: the card to keep
_CARD_GIVEN = re.compile(rf"\b(?:his|her|their)\s+(?:phone\s+)?number\b.*[.!?]\s+({NAMES}),?\s+"
                         r"(\+?\d[\d\s().-]*\d)\s*[.!]?$", re.I)
# "... Kim Lee, 555 0101. Save her to my contacts": a person's name and number (and e-mail)
# alone or each after its word ("his name's Kim Lee, number ..."), then an order that points
# at the person: the order, with that person and number
_CARD_FIRST = re.compile(r"^(?P<told>.*?[.!?:]\s+)?"
                         r"(?i:(?:her|his|their)\s+name(?:['’]s|\s+is)\s+)?"
                         rf"(?P<name>{NAMES}),?\s+(?i:(?:phone\s+)?number\s+)?"
                         r"(?P<phone>\+?\d[\d\s().-]*\d)(?:,?\s+(?i:e-?mail\s+)?(?P<email>\S+@\S+?))?"
                         r"\s*[.!]\s+"
                         r"(?P<order>\S.*\b(?:him|her|them)\b.*)$")
# "The plumber was Kim Lee, his number's 555 0101. Save him": a person said to be someone
# (or named after a sentence that tells), then their number, then an order that points at
# them: the same card to keep
_CARD_TOLD = re.compile(rf"^(?:.*?\s(?:was|is|called|named)\s+|.*?[.!?]\s+)?(?P<name>{NAMES})"
                        r"(?:,|\s+and)\s+"
                        r"(?:his|her|their)\s+(?:phone\s+|mobile\s+|cell\s+)?(?:number|phone)"
                        r"(?:'s|\s+is)\s+(?P<phone>\+?\d[\d\s().-]*\d)(?P<email>)\s*[.!]\s+"
                        r"(?P<order>\S.*\b(?:him|her|them)\b.*)$")
# "Kim switched her address to kim@x.org", "Kim moved her cell to 555 0100": the
# person's own change of a value, told
_CHANGED_OWN = re.compile(rf"^\s*({NAMES})\s+(?:has\s+|just\s+)?"
                          r"(?:changed|switched|updated|moved)\s+(?:his|her|their)\s+([a-z]+(?:\s+[a-z]+)?)\s+(?:over\s+)?to\s+"
                          r"(\S+?|\+?\d[\d\s().-]*\d)\s*[.!]?$")
# "Kim Lee's surname has a typo, it should be Leigh": the field is wrong, the value right
_WRONG = re.compile(rf"^.*?\b({NAMES})'s\s+([a-z]+(?:\s+(?!is\b|was\b|has\b|got\b)[a-z]+)?)\s+"
                    r"(?:(?:is|was|has\s+been|got)\s+)?(?:(?:spelt|spelled|written|typed|entered|"
                    r"saved)\s+)?(?:wrong|wrongly|incorrectly)[^,;.]*?(?:[,;.]|\s[-–—])\s*(?i:it|that)\s+(?i:should\s+be|must\s+be|is)\s+(\S+?)\s*[.!]?$")
# "I misspelt Kim Lee's surname, it should be Leigh": a verb that says the field is wrong
_MISSPELT = re.compile(rf"^.*?\b(?:misspel(?:t|led)|mistyped|misspelt|got)\s+({NAMES})'s\s+"
                       r"([a-z]+(?:\s+[a-z]+)?)(?:\s+wrong)?\s*(?:[,;.:]|\s[-–—])\s*(?i:it|that)\s+"
                       r"(?i:should\s+be|must\s+be|is)\s+(\S+?)\s*[.!]?$")


def new_value(text: str) -> str:
    """A statement of someone's new value restated as the edit it asks for (see the module
    docstring); `text` itself when it is none."""
    m = _NEW_VALUE.match(text)
    if m and (m.group(2) or m.group(4) or m.group(6)):
        return f"change {m.group(1)}'s {m.group(3)} to {m.group(5)}"
    m = _WRONG.match(_FIX_THAT.sub("", text)) or _MISSPELT.match(_FIX_THAT.sub("", text))
    m = m or _CHANGED_OWN.match(_FIX_THAT.sub("", text))
    if m is None and (m := _HAS_NEW.match(_FIX_THAT.sub("", text))) is not None and not (
            EMAIL.fullmatch(m.group(3)) or PHONE.fullmatch(m.group(3))):
        m = None  # a new thing that is no value of an entry ("a new bike, a red one")
    if m:
        return f"change {m.group(1)}'s {m.group(2)} to {m.group(3)}"
    m = _CARD_FIRST.match(text) or _CARD_TOLD.match(text)
    if m and PHONE.fullmatch(m["phone"]):
        order = without_courtesy(re.sub(r"\b(?:him|her|them)\b", m["name"], m["order"], count=1))
        email = f" and the email {m['email']}" if m["email"] else ""
        told = re.sub(r":\s*$", ". ", m.groupdict().get("told") or "")  # (a colon: no message)
        order = order[:1].lower() + order[1:] if told else order  # read as the order it is
        return f"{told}{order.rstrip(' ?')} with the number {m['phone']}{email}"
    m = _CARD_GIVEN.search(text)
    if m and PHONE.fullmatch(m.group(2)):
        return f"save {m.group(1)}'s number, {m.group(2)}"
    m = _NEW_IS.match(_FIX_THAT.sub("", text))
    if m and (m.group(2) or _FIX_THAT.search(text)):  # said to be new, or to be put right
        return f"change {m.group(1)}'s {_shape(m.group(4)) or m.group(3)} to {m.group(4)}"
    m = _THEIRS_GIVEN.match(_FIX_THAT.sub("", text)) if _FIX_THAT.search(text) else None
    if m and (shape := _shape(m.group(2))):  # (the value's shape names the field)
        return f"change {m.group(1)}'s {shape} to {m.group(2)}"
    m = _NOW_IT_IS.match(_FIX_THAT.sub("", text))
    shape = _shape(m.group(2)) if m else ""
    return f"change {m.group(1)}'s {shape} to {m.group(2)}" if m and shape else text


def _shape(value: str) -> str:
    """The field a value's shape names ("email", "phone number"), or ""."""
    return "email" if EMAIL.fullmatch(value) else "phone number" if PHONE.fullmatch(value) else ""
