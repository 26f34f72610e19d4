"""What a shop sells: an item the request buys or puts in a cart is one of its products.

A product named by its name (written as shops print names, in capitals: "Canvas Hammock",
"Gamebox 3") is only a row that shows the whole name; a row or a page sharing a word or a
kind with it ("Hammock Stand", "Gamebox 2") is another product, whose add button is not
pressed for it. Where the shop's own page (one that offers its cart)
has a search field and does not show the item, its name is searched (which changes nothing);
when the search holds the name and no row it shows has the whole name, the shop does not
sell it: the request is infeasible, and the answer says what the search showed instead. A
description in lower case ("a warm hat") is no name: rows need not repeat its words, so
nothing is concluded from their absence, and neither is it for a ranked pick ("the
cheapest lamp"), which names a kind.

What is taken out of a cart is taken out in the cart: a request that removes its item from
the cart ("take the kettle out of my basket") opens the cart from a shop's page that is not
the cart (the cart offers checkout), since only the cart's row of the item removes it; the
item's own page in the catalogue only adds.

The purchase's own steps (`purchase`) follow, held back where payments are withheld
(`consent`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from devices.actions import ElementRef, Finish, FinishStatus, Key, PressKey, TypeText
from perception.elements import UIElement
from planners.embedded import purchase
from planners.embedded.acts import tap
from planners.embedded.asking import manner
from planners.embedded.consent import unpaid
from planners.embedded.goal import Goal, Intent, Scope
from planners.embedded.memo import Mark, Memo, memo_of
from planners.embedded.scoring import words
from planners.embedded.view import View, field_name
from planners.planner import Consents, Decision

Try = Callable[[], Decision | None]
# the words that end a verb's object and start another phrase ("... to 12 Elm Road")
_OBJECT_ENDS = frozenset({"to", "and", "for", "in", "into", "from", "with", "at", "on", "then",
                          "by", "before", "after"})
_SEARCH = re.compile(r"\bsearch", re.I)
# put "in my basket", "into the cart", "to my bag": the shopping containers of shops
_CART = r"\s+(?:my|the|your|our)\s+(?:shopping\s+)?(?:cart|basket|bag|trolley)\b"
_INTO_CART = re.compile(rf"\b(?:to|in|into){_CART}", re.I)
_FROM_CART = re.compile(rf"\b(?:out\s+of|from|in){_CART}", re.I)


def steps(goal: Goal, view: View, consents: Consents | None) -> list[Try]:
    """The shop's steps for this request on this page, first first (none: not a shop's)."""
    buying = purchase.is_purchase(goal, view)
    own = (unpaid(goal, view, consents, purchase.steps(goal, view)) if buying
           else purchase.adding(goal, view))
    if not (buying or _into_cart(goal)):
        looked = from_cart(goal, view)
    elif purchase.add_button(view) is not None and not _named_here(goal, view):
        return [lambda: _not_named(goal)]  # another product's page: its add is not for it
    else:
        looked = sold_here(goal, view)
    return [lambda: looked, *own] if looked is not None else own


def _named_here(goal: Goal, view: View) -> bool:
    name = _name(goal)
    return not name or goal.rank is not None or any(
        _shows(name, s.element.label) for s in view.content() if not s.element.editable)


def _not_named(goal: Goal) -> Decision:
    return Decision(PressKey(Key.BACK), confidence=0.6, thought=f"This page's product is not "
                    f"{_name(goal)!r} (a product is the one that shows its whole name, model "
                    "number and all): its add button is not for it. Back.")


def from_cart(goal: Goal, view: View) -> Decision | None:
    """A removal from the cart, on a shop's page that is not the cart: open the cart (once
    from this page)."""
    if goal.intent is not Intent.DELETE or not _FROM_CART.search(goal.text) or (
            purchase.checkout_button(view) is not None):
        return None
    cart = purchase.cart_button(view)
    if cart is None or view.tap_count(cart.element)[0]:
        return None
    return tap(cart.element, f"What is taken out of the cart is removed in the cart: open "
               f"it with '{cart.element.label}'.", 0.7)


def _into_cart(goal: Goal) -> bool:
    return goal.intent is Intent.CREATE and bool(_INTO_CART.search(goal.text))


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _shows(name: str, text: str) -> bool:
    """`text` has every word of `name`, plurals aside ("Wool Sock" in "Wool Socks")."""
    have = {_stem(w) for w in words(text)}
    return bool(words(name)) and all(_stem(w) in have for w in words(name))


def _search_field(view: View) -> UIElement | None:
    """The page's search field: named so, or holding what was searched (a field that shows
    its text in place of its hint names itself no more)."""
    searched = {p.action.text for p in view.history if memo_of(p).mark is Mark.SEARCH
                and isinstance(p.action, TypeText)}
    return next((f for f in view.fields() if _SEARCH.search(field_name(f))
                 or (f.text and f.text in searched)), None)


def _name(goal: Goal) -> str:
    """The product's name as the request says it: in the verb's object, the first run of
    words written with capitals, with the model numbers among them ("a Pixel 8 charger" ->
    "Pixel 8"; "two jars of the Manuka honey" -> "Manuka"), not what a bracket after them
    holds ("Tent Pegs (12 pack)" -> "Tent Pegs"); "" when none."""
    run: list[str] = []
    for word in manner(goal.text).clause.split()[1:]:  # the clause that asks, not its context
        bare = word.strip(".,;:!?'\"()")
        if bare.casefold() in _OBJECT_ENDS or (run and word.startswith("(")):
            break  # where the object ends: an address or a time after it names no product;
            #   a bracket holds a size or a pack ("(5 m)"), which shops write their own way
        if bare and (any(c.isupper() for c in bare) or (run and bare.isdigit())):
            run.append(bare)
        elif run:
            break
        if word[-1:] in ",;:.!?":
            break
    return " ".join(run)


def sold_here(goal: Goal, view: View) -> Decision | None:
    """On a shop's page with a search field that does not show the product named: search
    for it, and once searched with no row showing it, say the shop does not sell it."""
    name = _name(goal)
    field = _search_field(view)
    if (not name or goal.rank is not None or goal.scope is not Scope.ONE
            or field is None or purchase.cart_button(view) is None):
        return None
    rows = [s.element.label for s in view.content() if not s.element.editable]
    if any(_shows(name, row) for row in rows):
        return None
    query = " ".join([*name.split()[:-1], _stem(name.split()[-1])])
    if _shows(query, field.text) or query in view.typed():
        seen = "; ".join(dict.fromkeys(s.element.text for s in view.content()
                                       if s.element.text and not s.element.editable))
        answer = (f"The shop's search finds nothing called {name!r} (it shows: "
                  f"{seen[:160] or 'nothing'}): the shop has no such thing to buy or add.")
        return Decision(Finish(FinishStatus.INFEASIBLE, answer), thought=answer,
                        confidence=0.6)
    return Decision(TypeText(query, target=ElementRef(field.id), clear=True),
                    thought=f"{name!r} is not listed here: search the shop for it.",
                    confidence=0.6, memo=Memo(mark=Mark.SEARCH))
