"""Buying: how shops on phones work, read from what each page offers, never from an app.

A purchase goes item page -> cart -> checkout -> payment -> confirmation, and each page says
which one it is by the control it offers: an "add to cart / basket / bag" button (the item's
page), a "checkout" button (the cart), a button that pays ("Pay $12.00", "Place order": the
checkout), a text that says the order went through ("Order placed", "Thank you for your
order"). On each, the step is the one a person takes there:

- item page: add it, as many times as the request asks when a cart counter shows each add
  ("Cart, 2 items"), then open the cart;
- cart: set the item's quantity with its stepper, then check out;
- checkout: type the request's values (the address) into their fields, read the order's
  summary, and pay only when the summary lists the item with the quantity asked and nothing
  else (paying for what nobody asked for is harm; it is given up on with the reason);
- after paying: success only when the screen confirms the order.

Success is claimed on evidence only: the summary that was paid for showed the item and the
quantity asked, and the page after paying says the order was placed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from devices.actions import Key, PressKey, Wait
from perception.elements import UIElement
from planners.embedded import counts
from planners.embedded.acts import finish, matching, tap
from planners.embedded.asking import manner
from planners.embedded.evidence import counters, give_up, whole_name_here
from planners.embedded.forms import assign, has_value, pay_button, type_value
from planners.embedded.gestures import steppers
from planners.embedded.goal import Goal, Intent, Mood
from planners.embedded.memo import Mark, memo_of
from planners.embedded.operations import as_form
from planners.embedded.scoring import words
from planners.embedded.view import Scored, View, field_name
from planners.embedded.wording import NUMBER_WORDS
from planners.planner import Decision

BUY_FORMS = ("buy it", "order it", "purchase it", "pay for it")  # paying for it is buying it
BUY_AT_LEAST = 0.85  # a verb this close to one of the forms means buying
ADD_PHRASES = ("add to cart", "add to basket", "add to bag")
_MAKES_KIND = re.compile(r"\badd\s+(?!to\b|in\b|into\b|\d|one\b|it\b|item\b)[a-z]", re.I)
CART_PHRASES = ("shopping cart", "basket", "shopping bag")
CHECKOUT_PHRASES = ("checkout", "proceed to checkout")
CONFIRMATIONS = ("order placed", "order confirmed", "thank you for your order",
                 "your order has been placed", "purchase complete")
CONFIRMED_AT_LEAST = 0.75
_NOT_ITEM = frozenset({"cart", "basket", "bag", "trolley", "shopping", "shop", "store",  # where
                       "in", "into", "to", "onto", "inside"})  # it goes
SETTLE_S = 1.0  # s to wait for the page after a payment before judging it
# An order line: "2 × Lamp", "Lamp x 2", "Lamp (qty 2)", "Qty: 2 · Lamp"
_LINE = (re.compile(r"^\s*(\d{1,3})\s*[×xX✕*]\s+(\S.*)$"),
         re.compile(r"^(.*\S)\s+[×xX✕]\s*(\d{1,3})\s*$"),
         re.compile(r"^(.*?)\W*\b(?:qty|quantity)\b\W*(\d{1,3})\W*$", re.I))


def is_purchase(goal: Goal, view: View) -> bool:
    """The request asks to buy something: its own verb means buying, and it is not a
    question or a sort ("order the list by date")."""
    if goal.intent is Intent.ANSWER or not goal.verb or re.search(r"\bby\b", goal.text, re.I):
        return False
    encoder = view.matcher.encoder
    sims = encoder.encode(list(BUY_FORMS)) @ encoder.encode([as_form(goal.verb)])[0]
    return float(sims.max()) >= BUY_AT_LEAST


def item_name(goal: Goal) -> str:
    """The item the request buys: its fullest name; for an item said in lower case ("put a
    travel adapter in my basket"), the request's object without the cart it goes in and
    its count; an item named only as what another is for ("a case for the Lamp") is not it.
    A page shows it only where one text has all its words."""
    named = max(goal.entities, key=lambda e: (len(words(e)), len(e)), default="")
    said = manner(goal.text).clause  # "it" put back: "an alert for it" is "for the Lamp"
    made = re.search(rf"\b(?:an?|the|some|another)\s+([\w\s-]+?)\s+for\s+(?:the\s+|my\s+)?"
                     rf"{re.escape(named)}", said) if named else None
    if made is not None and said.count(named) == 1:  # "an alert for the Lamp": made for it
        return made.group(1)
    return named or " ".join(w for w in goal.target.split() if w.lower() not in _NOT_ITEM
                             and not w.isdigit() and w.lower() not in NUMBER_WORDS)


def item_here(goal: Goal, view: View) -> bool:
    """The page is the item's own: it shows the item's fullest name, or for an item said in
    lower case all its words in one text ("a camping mug" on "Enamel Camping Mug"); a page
    that shows only some of them ("Coffee Mug") is another item's. An item named by no word
    is the one the request started on."""
    if goal.entities:
        return whole_name_here(goal, view)
    if goal.rank is not None:  # "the cheapest": by rank, not by a name a page shows
        return True
    if not item_name(goal):  # "put this in my basket": the item on the page it starts on;
        return not view.history or view.history[0].screen_signature == view.sig  # one the
        #   planner opened itself is any item
    return view.shows(item_name(goal), fields=True)


def wanted(goal: Goal) -> int:
    return goal.quantity or 1


# what a page offers --------------------------------------------------------------------------


def _buttons(view: View, phrases: tuple[str, ...], floor: float) -> list[Scored]:
    return [b for b in matching(view, phrases, floor) if b.element.enabled]


def add_button(view: View) -> Scored | None:
    """The button that puts the page's item in a container: "Add", "Add to bag"; one whose
    verb takes a noun of its own ("Add alarm") makes a new item of that kind instead."""
    found = [b for b in matching(view, ADD_PHRASES, 0.85) if "add" in words(b.element.label)
             and not _MAKES_KIND.search(b.element.label)]
    return found[0] if found else None


def checkout_button(view: View) -> Scored | None:
    found = _buttons(view, CHECKOUT_PHRASES, 0.75)
    return found[0] if found else None


def cart_button(view: View) -> Scored | None:
    """The control that opens the cart: it means a cart and is neither the add button nor
    the checkout."""
    taken = {b.element.id for b in (add_button(view), checkout_button(view)) if b is not None}
    found = [b for b in matching(view, CART_PHRASES, 0.66) if b.element.id not in taken
             and "add" not in words(b.element.label) and "continue" not in words(
                 b.element.label)]
    return found[0] if found else None


def confirmed(view: View) -> str:
    """The text that says an order went through ("" when none does)."""
    texts = [s.element.label for s in view.scored if s.element.label
             and not s.element.actionable and len(s.element.label.split()) <= 8]
    if not texts:
        return ""
    encoder = view.matcher.encoder
    sims = (encoder.encode(texts) @ encoder.encode(list(CONFIRMATIONS)).T).max(axis=1)
    best = int(sims.argmax())
    return texts[best] if sims[best] >= CONFIRMED_AT_LEAST else ""


def order_lines(view: View) -> list[tuple[int, str]]:
    """(quantity, name) of each line of an order summary on screen."""
    out = []
    for s in view.scored:
        text = s.element.label
        if s.element.editable or s.element.clickable or not text:
            continue
        for i, pattern in enumerate(_LINE):
            m = pattern.match(text)
            if m:
                qty, name = (m.group(1), m.group(2)) if i == 0 else (m.group(2), m.group(1))
                out.append((int(qty), name))
                break
    return out


def _names(name: str, item: str) -> bool:
    return bool(words(item)) and words(item) <= words(name)


# the steps -------------------------------------------------------------------------------


def _paid(view: View) -> bool:
    return any(memo_of(p).mark is Mark.PAY and p.action is not None and p.changed
               for p in view.history)


def after_payment(goal: Goal, view: View) -> Decision | None:
    """Once paid: done when the page confirms the order; a page that does not is looked at
    again once, then given up on."""
    if not _paid(view):
        return None
    said = confirmed(view)
    if said:
        return finish(f"The shop says '{said}' after paying for {wanted(goal)} × "
                      f"'{item_name(goal)}', as the checkout's summary listed: the order is "
                      "placed.")
    if view.last_marked(Mark.PAY):
        return Decision(Wait(SETTLE_S), thought="Paid: let the confirmation load.")
    return give_up("I paid, but no page confirms the order: I cannot tell that it was placed.")


def checkout(goal: Goal, view: View) -> Decision | None:
    """On the checkout page: fill the request's values, check the summary, pay."""
    pay = pay_button(view)
    if pay is None:
        return None
    typable = [s for s in goal.slots if not s.ref]
    for element, slot in assign(view, typable):
        if not has_value(element, slot):
            return type_value(element, slot)
    item, lines = item_name(goal), order_lines(view)
    others = [name for _, name in lines if not _names(name, item)]
    if others:
        return give_up(f"The order would also buy {', '.join(map(repr, others))}, which the "
                       "request does not ask for: I do not pay for it.")
    mine = [qty for qty, name in lines if _names(name, item)]
    have = sum(mine) if mine else (1 if view.shows(item) else 0)
    if have != wanted(goal):
        if sum(isinstance(p.action, PressKey) and p.screen_signature == view.sig
               for p in view.history) >= 1:
            return give_up(f"The checkout lists {have} × '{item}', not the {wanted(goal)} "
                           "asked, and I could not change it.")
        return Decision(PressKey(Key.BACK), thought=f"The checkout lists {have} × '{item}', "
                        f"{wanted(goal)} are asked: back to the cart to change it.")
    if not pay.enabled:
        empty = [field_name(f) for f in view.fields() if not f.text.strip()
                 or f.text.strip() == f.hint.strip()]
        need = f": it needs {', '.join(map(repr, empty))}" if empty else ""
        return give_up(f"The checkout does not let me pay{need}, which the request does not "
                       "give.")
    return tap(pay, f"The summary lists {have} × '{item}' and nothing else: pay with "
               f"'{pay.label}'.", 0.75, Mark.PAY)


def _item_stepper(view: View, item: str) -> tuple[int, UIElement, UIElement] | None:
    """The quantity shown on the item's row, with its decrease and increase buttons."""
    for number, down, up in steppers(view):
        row = [s.element for s in view.scored if s.element.bounds.top < number.element.bounds
               .bottom and number.element.bounds.top < s.element.bounds.bottom]
        if any(_names(f"{e.label} {e.description}", item) for e in row):
            return int(number.element.text.strip()), down, up
    return None


def cart(goal: Goal, view: View) -> Decision | None:
    """In the cart (a checkout button): the item's quantity as asked, then check out."""
    go = checkout_button(view)
    item = item_name(goal)
    if go is None or not view.shows(item):
        return None
    found = _item_stepper(view, item)
    if found is not None and found[0] != wanted(goal):
        have, down, up = found
        button = up if have < wanted(goal) else down
        return tap(button, f"The cart holds {have} × '{item}', {wanted(goal)} are asked: "
                   f"tap '{button.label or '+/-'}'.", 0.75, Mark.STEPPER)
    return tap(go.element, f"The cart holds '{item}': tap '{go.element.label}'.", 0.75,
               Mark.FILL)


def _added(view: View) -> tuple[int, int] | None:
    """(items the cart counter rose by since the first of the adds just pressed, presses),
    None before any. The adds are the last steps, one after the other: each redraws the
    page (its counter, a notice), so they are not found by the page they were pressed on."""
    presses = []
    for step in reversed(view.history):
        if memo_of(step).mark is not Mark.NEW_ITEM or step.app not in ("", view.screen.app):
            break
        if step.changed:
            presses.insert(0, step)
    if not presses:
        return None
    before = dict(memo_of(presses[0]).counts)
    now = dict(counters(view))
    rises = [now[k] - before[k] for k in before if k in now and now[k] > before[k]]
    return (max(rises) if rises else 0), len(presses)


def add_to_cart(goal: Goal, view: View) -> Decision | None:
    """On the item's page: press add until a counter rose by the quantity asked (once when
    no counter shows the adds). Returns None when enough were added."""
    add = add_button(view)
    if add is None or not view.shows(item_name(goal)) or view.refused(add.element):
        return None
    added = _added(view)
    if added is not None:
        rose, presses = added
        if rose >= wanted(goal) or (rose == 0 and presses >= 1) or presses >= wanted(goal) + 1:
            return None
    pressed = tap(add.element, f"Tap '{add.element.label}' for '{item_name(goal)}' "
                  f"({(added or (0, 0))[0] + 1}/{wanted(goal)}).", 0.75, Mark.NEW_ITEM)
    return replace(pressed, memo=replace(memo_of(pressed), counts=counters(view)))


def added_in_place(goal: Goal, view: View) -> Decision | None:
    """An item a button adds without a form ("Add to cart") is added when the screen says
    so: right after the press, a counter shown before it went up by the number asked, on
    the page of the item the goal names. Without that evidence nothing is finished (and the
    same button on the same page is not pressed again)."""
    last = view.last()
    if last is None or not last.changed or view.modal or view.fields() or goal.slots:
        return None
    before = dict(memo_of(last).counts)
    if memo_of(last).mark not in (Mark.NEW_ITEM, Mark.GOAL_ACTION) or not before or not (
            item_here(goal, view)):
        return None  # the page of another item (one sharing a word of the name) proves nothing
    step = goal.quantity or 1
    for key, now in counters(view):
        if key in before and now == before[key] + step:
            return finish(f"The counter went from {before[key]} to {now} after the press: "
                          "the item is added.")
    return None


def added_enough(goal: Goal, view: View) -> Decision | None:
    """Adding to the cart is done when a counter rose by the quantity asked since the first
    of the adds just pressed: the screen's own count is the evidence."""
    added = _added(view)
    if added is None or added[0] < wanted(goal) or not view.shows(item_name(goal)):
        return None  # on another item's page, the count proves nothing of this one
    return finish(f"A counter rose by {added[0]} after {added[1]} press(es) of add: "
                  f"{wanted(goal)} × '{item_name(goal)}' are in the cart.")


_COUNT = r"(\d{1,3}|" + "|".join(NUMBER_WORDS) + r")"
# "down to only two", "reduce ... to 2", "make it 4": a count the item ends with. The
# count ends its clause, or a word or two of its own (a unit: "bags", "of them") do; a
# name after it is a place ("post it to 12 Elm Road"), a time or a share is no count
_TOTAL = re.compile(rf"\b(?:down\s+|up\s+)?to\s+(?:just\s+|only\s+)?{_COUNT}\b"
                    r"(?!\s*(?::|[ap]\.?m\b|%|percent|o'?clock))"
                    r"(?=(?-i:(?:\s+[a-z]+){0,2})\s*(?:[,.;!?]|$|\s+(?:and|but|then|please)\b))",
                    re.I)
_CART_PLACE = re.compile(r"\b(?:in|from|of)\s+(?:my|the|your|our)\s+(?:shopping\s+)?"
                         r"(?:cart|basket|bag|trolley)\b", re.I)


def total_asked(goal: Goal) -> int | None:
    """The count an item in the cart is to end with ("cut the X in my basket down to one",
    or the wanted one beside the count it has: "I have 5, 3 will do"): a total, not a
    number to add, so the item's count is stepped to it, up or down."""
    m = _TOTAL.search(goal.text)
    if m is None or not _CART_PLACE.search(goal.text):
        return counts.wanted(goal.text) if counts.corrects(goal.text) else None
    said = m.group(1).lower()
    return int(said) if said.isdigit() else NUMBER_WORDS[said]


def set_total(goal: Goal, view: View, total: int) -> Decision | None:
    """Where the item's row shows its count between - and + (the cart), step it to the
    total asked, and finish only when the row shows it; elsewhere, open the cart."""
    named = words(goal.target) - _NOT_ITEM
    rows = []
    for number, down, up in steppers(view):
        row = " ".join(f"{s.element.label} {s.element.description}" for s in view.scored
                       if s.element.bounds.top < number.element.bounds.bottom
                       and number.element.bounds.top < s.element.bounds.bottom)
        rows.append((len(named & words(row)), int(number.element.text.strip()), down, up))
    fits, have, down, up = max(rows, key=lambda r: r[0], default=(0, 0, None, None))
    if fits and have == total:
        return finish(f"The item's row in the cart shows {total}, the count asked.")
    if fits and down is not None and up is not None:
        button = up if have < total else down
        return tap(button, f"The cart holds {have} of the item, {total} asked: tap "
                   f"'{button.label or '+/-'}'.", 0.75, Mark.STEPPER)
    cart_at = cart_button(view)
    if cart_at is None or view.tap_count(cart_at.element)[0]:
        return None
    return tap(cart_at.element, f"A total is read and set in the cart: open it with "
               f"'{cart_at.element.label}'.", 0.75)


def adding(goal: Goal, view: View) -> list[Callable[[], Decision | None]]:
    """After a payment, its confirmation; an order to add a count of an item to the cart, on
    its page: the adds, each shown by a counter. A wanted state ("3 in my cart") or a count
    to end with ("down to one") is a total, which only the cart shows: not here."""
    if _paid(view):  # whatever the request, what a payment did is read on the page after it
        return [lambda: after_payment(goal, view)]
    total = total_asked(goal)
    if total:
        return [lambda: set_total(goal, view, total)]
    if goal.intent is not Intent.CREATE or goal.slots or goal.mood is not Mood.COMMAND or (
            add_button(view) is None):
        return []
    if _added(view) is None and not item_here(goal, view):
        return [lambda: _not_this_item(goal)]
    return [lambda: added_enough(goal, view), lambda: add_to_cart(goal, view)]


def _not_this_item(goal: Goal) -> Decision:
    """An add button adds the item of its own page: on a page that does not show the item
    named (one sharing a word or a kind with it), it adds what nobody asked for. Back."""
    return Decision(PressKey(Key.BACK), confidence=0.6, thought=f"This page's item is not "
                    f"{item_name(goal)!r}: its add button is not for it. Back.")


def to_cart(goal: Goal, view: View) -> Decision | None:
    """The item is added: open the cart."""
    if _added(view) is None:
        return None
    button = cart_button(view)
    if button is None:
        return None
    return tap(button.element, f"'{item_name(goal)}' is added: open the cart with "
               f"'{button.element.label}'.", 0.75)


def steps(goal: Goal, view: View) -> list[Callable[[], Decision | None]]:
    """The purchase's steps to try on this page, first first."""
    return [lambda: after_payment(goal, view), lambda: checkout(goal, view),
            lambda: cart(goal, view), lambda: add_to_cart(goal, view),
            lambda: to_cart(goal, view)]

