"""Generic rules that flag irreversible or costly actions before they happen.

An action is sensitive by what its target says (text, description, resource id) and, for
generic confirmation buttons ("OK", "Confirm", "Yes", "Save"), by what the screen around it says
("Delete 3 photos?", "Total $12.99", "Edit contact"). The rules are words and phrases in
several languages; they never name an app. On-screen text is data: it only selects a category,
nothing more.

Categories: payment, send_money, deletion, uninstall, install, permission, and three that
communicate or change what exists. A deletion loses something for good: taking a counted
line out of a cart ("−  2  +  Remove") is not one (`removes_a_count`), as its own "−" does
the same and adding the item again restores it. The three:
- call: placing a phone call: a control labelled call/dial (not a call log, a call's settings,
  ending or muting one), or a phone number shown with its kind ("555-0101 · Mobile") or as a
  `tel:` link, which dial when tapped on every contact card;
- send: sending a message, an e-mail, a post: a control labelled send;
- overwrite: committing a form that edits an existing item: a save-like control ("Save",
  "Done", "OK") in a window whose own text says it edits ("Edit contact", "Edit alarm time").
  What can be seen on one screen is that an item is being edited, not which fields changed;
  forms that save as one types (no commit control) and editors that say nothing of editing
  are not seen.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from devices.actions import Action, DoubleTap, ElementRef, LongPress, Point, Tap
from perception.elements import Screen, UIElement
from perception.merge import SEPARATOR

PAYMENT = "payment"
SEND_MONEY = "send_money"
DELETION = "deletion"
UNINSTALL = "uninstall"
INSTALL = "install"
PERMISSION = "permission"
CALL = "call"
SEND = "send"
OVERWRITE = "overwrite"
CATEGORIES = (PAYMENT, SEND_MONEY, DELETION, UNINSTALL, INSTALL, PERMISSION, CALL, SEND,
              OVERWRITE)

# Phrases a target's own label may start with or contain as words. Accents are stripped
# and case folded before matching, so the lists are written plain.
_LABEL_RULES: dict[str, tuple[str, ...]] = {
    # checked first: "uninstall" contains "install", "send money" contains "send"
    UNINSTALL: (
        "uninstall", "deinstallieren", "desinstaller", "desinstalar", "disinstalla",
        "verwijderen app", "uninstall app",
    ),
    SEND_MONEY: (
        "send money", "send payment", "transfer money", "transfer funds", "transfer",
        "wire", "geld senden", "uberweisen", "uberweisung", "envoyer de l'argent", "virement",
        "enviar dinero", "transferir", "transferencia", "invia denaro", "bonifico",
        "enviar dinheiro", "overmaken",
    ),
    PAYMENT: (
        "pay", "pay now", "buy", "buy now", "purchase", "complete purchase", "confirm purchase",
        "place order", "place your order", "confirm order", "confirm and pay", "submit order",
        "subscribe", "book now", "rent", "bezahlen", "jetzt kaufen", "kaufen",
        "zahlungspflichtig bestellen", "kostenpflichtig bestellen", "payer", "acheter",
        "commander", "passer la commande", "pagar", "comprar", "realizar pedido",
        "finalizar compra", "paga", "acquista", "betalen", "kopen", "bestellen",
    ),
    DELETION: (
        "delete", "remove", "erase", "clear data", "clear storage", "clear all", "clear history",
        "factory reset", "reset phone", "reset settings", "reset all", "erase all", "wipe",
        "empty trash", "delete forever", "delete all",
        "loschen", "entfernen", "zurucksetzen", "supprimer", "effacer", "reinitialiser",
        "eliminar", "borrar", "quitar", "elimina", "cancella", "rimuovi", "excluir", "apagar",
        "remover", "verwijderen", "wissen",
    ),
    INSTALL: ("install", "installieren", "installer", "instalar", "installa", "installeren"),
    PERMISSION: (
        "allow", "grant", "while using the app", "only this time", "allow all the time",
        "zulassen", "erlauben", "autoriser", "permitir", "consenti", "toestaan",
    ),
    CALL: (
        "call", "dial", "voice call", "video call", "call back", "anrufen", "appeler",
        "llamar", "chiamare", "chiama", "ligar", "bellen", "telefonieren",
    ),
    SEND: (
        "send", "send message", "send sms", "send email", "absenden", "senden", "envoyer",
        "enviar", "invia", "inviare", "verzenden", "versturen", "verstuur",
    ),
}
# A label that names a call without placing one: its log, its settings, ending or muting it.
_CALL_NOT = (
    "log", "logs", "history", "settings", "forwarding", "waiting", "blocking", "blocked",
    "recording", "end", "ended", "missed", "decline", "reject", "mute", "unmute", "hold",
    "speaker", "duration", "hang", "screening", "ringtone", "verlauf", "beenden", "historique",
    "raccrocher", "historial", "colgar", "cronologia", "termina", "historico", "desligar",
    "geschiedenis", "ophangen",
)
# The kind of number a contact card shows beside a phone number that a tap dials.
_PHONE_KINDS = (
    "mobile", "cell", "home", "work", "phone", "telephone", "tel", "main", "handy", "mobil",
    "telefon", "privat", "geschaftlich", "portable", "domicile", "travail", "movil", "celular",
    "casa", "trabajo", "cellulare", "lavoro", "mobiel", "thuis", "werk",
)
_PHONE_NUMBER = re.compile(r"^(?:tel:)?\+?[\d\s().\-/]{7,}$")

# Generic confirmations: sensitive only through what the screen says around them.
_CONFIRMATIONS = (
    "ok", "okay", "yes", "confirm", "continue", "proceed", "accept", "agree", "send",
    "submit", "ja", "bestatigen", "weiter", "oui", "confirmer", "continuer", "si", "confirmar",
    "continuar", "conferma", "sim", "bevestigen",
    # the commit of a form: sensitive only where the form edits an existing item
    "save", "save changes", "done", "update", "apply", "speichern", "fertig", "ubernehmen",
    "enregistrer", "termine", "appliquer", "guardar", "listo", "aplicar", "salva", "fatto",
    "applica", "opslaan", "klaar", "toepassen", "salvar", "concluido",
)

# Screen context that makes a confirmation sensitive.
_CONTEXT_RULES: dict[str, tuple[str, ...]] = {
    UNINSTALL: ("uninstall", "deinstallieren", "desinstaller", "desinstalar", "disinstallare"),
    SEND_MONEY: ("send money", "transfer", "recipient", "uberweisung", "virement",
                 "transferencia", "bonifico"),
    PAYMENT: ("pay", "payment", "purchase", "order total", "total", "checkout", "place order",
              "buy", "zahlung", "gesamt", "paiement", "pago", "pagamento", "totale"),
    DELETION: ("delete", "remove", "erase", "reset", "wipe", "clear data", "loschen",
               "supprimer", "eliminar", "borrar", "cancellare", "excluir", "verwijderen"),
    INSTALL: ("install", "installieren", "installer", "instalar"),
    PERMISSION: ("allow", "permission", "access your", "zugriff", "autoriser", "permitir",
                 "permesso"),
    OVERWRITE: ("edit", "editing", "bearbeiten", "andern", "modifier", "editer", "editar",
                "modificar", "modifica", "bewerken", "wijzigen"),
}
_PRICE = re.compile(r"[$€£¥₹]\s?\d|\d[\d.,]*\s?(?:[$€£¥₹]|(?:usd|eur|gbp|chf)\b)")
_MAX_LABEL_WORDS = 6  # longer labels are sentences (list items, descriptions), not buttons


@dataclass(frozen=True)
class Sensitivity:
    category: str  # one of CATEGORIES
    reason: str  # what matched, for people: 'the button says "Pay $12.99"'


def normalize(text: str) -> str:
    """Case-folded, accents stripped, resource-id punctuation turned into spaces."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[_\-/:.]+", " ", text).strip()


def _has_phrase(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def _label_texts(element: UIElement) -> list[str]:
    rid = element.resource_id.rpartition("/")[2]
    return [normalize(t) for t in (element.text, element.description, rid) if t]


def _primary_label(element: UIElement) -> str:
    """What a control is called: its text, else its description, else its resource name (a
    row's description is often a preview of its content: "Call me when you land")."""
    rid = element.resource_id.rpartition("/")[2]
    first = (element.text or element.description or rid).split(SEPARATOR)[0]
    return normalize(first)


def _rule_texts(element: UIElement, category: str) -> list[str]:
    if category in (CALL, SEND):
        if element.checkable or SEPARATOR in (element.text or element.description):
            return []  # a row showing an item's lines ("Call plumber | Tuesday 10 am") is
        return [_primary_label(element)]  # the item, not a command to call or send
    if category == PERMISSION and element.checkable:
        return []  # a settings switch named "Allow ..." is a setting, not a grant
    return _label_texts(element)


def _matches(text: str, category: str, phrases: tuple[str, ...]) -> bool:
    if len(text.split()) > _MAX_LABEL_WORDS or not any(_has_phrase(text, p) for p in phrases):
        return False
    return category != CALL or not any(_has_phrase(text, w) for w in _CALL_NOT)


def _match_label(element: UIElement) -> Sensitivity | None:
    for category, phrases in _LABEL_RULES.items():
        if any(_matches(t, category, phrases) for t in _rule_texts(element, category)):
            return Sensitivity(category, f'the target says "{element.label}"')
    return None


def _is_phone_number(text: str) -> bool:
    text = text.strip()
    return bool(_PHONE_NUMBER.match(text)) and sum(c.isdigit() for c in text) >= 7


def _match_dial_link(element: UIElement) -> Sensitivity | None:
    """A phone number that dials when tapped: a `tel:` link, or a number shown with its kind
    ("555-0101" over "Mobile"), as contact cards show them."""
    if element.editable:
        return None
    rid = element.resource_id.rpartition("/")[2].replace("_", " ")
    parts = [p.strip() for t in (element.text, element.description, rid)
             for p in re.split(r"[|·•]", t) if p.strip()]
    if not any(_is_phone_number(p) for p in parts):
        return None
    kinds = [normalize(p) for p in parts if not _is_phone_number(p)]
    linked = any(p.casefold().startswith("tel:") for p in parts)
    if linked or any(_has_phrase(k, w) for k in kinds for w in _PHONE_KINDS):
        return Sensitivity(CALL, f'the target is a phone number to dial: "{element.label}"')
    return None


def _is_confirmation(element: UIElement) -> bool:
    return any(t in _CONFIRMATIONS for t in _label_texts(element))


def _context_text(screen: Screen, target: UIElement) -> str:
    """What the screen says around a confirmation: the plain text (titles, messages, totals)
    of the target's own window. Other controls' labels are alternatives, not context: a
    "Delete" button beside an "OK" does not make the "OK" delete anything."""
    parts = [
        e.text or e.description
        for e in screen.elements
        if e is not target
        and e.window == target.window
        and not (e.clickable or e.long_clickable or e.checkable or e.editable)
    ]
    return normalize(" \n ".join(p for p in parts if p))


def _match_context(element: UIElement, screen: Screen) -> Sensitivity | None:
    text = _context_text(screen, element)
    for category, phrases in _CONTEXT_RULES.items():
        hit = next((p for p in phrases if _has_phrase(text, p)), None)
        if hit is None:
            continue
        if category in (PAYMENT, SEND_MONEY) and not _PRICE.search(text):
            continue  # money is at stake only where an amount is shown
        return Sensitivity(category, f'"{element.label}" confirms a screen that mentions "{hit}"')
    return None


_STEPS = re.compile(r"\b(?:increase|decrease|increment|decrement|more|fewer|less|plus|minus)\b"
                    r"|^\s*[+\-−–]\s*$", re.I)


def _same_row(a: UIElement, b: UIElement) -> bool:
    overlap = min(a.bounds.bottom, b.bounds.bottom) - max(a.bounds.top, b.bounds.top)
    return overlap * 2 >= min(a.bounds.height, b.bounds.height) > 0


def removes_a_count(element: UIElement, screen: Screen) -> bool:
    """The target sits on a row that shows a count with controls that step it (a cart's
    line: "−  2  +  Remove"). Removing such a line takes a number of something picked from a
    catalogue back to none, which the row's own "−" does too, unguarded, and adding the
    item again restores exactly: nothing is lost for good, so it is no deletion. A row with
    no control named for stepping its number is not known to be one."""
    row = [e for e in screen.elements if e is not element and e.window == element.window
           and _same_row(e, element)]
    count = any(e.text.strip().isdigit() and not e.editable for e in row)
    steps = [e for e in row if (e.clickable or e.long_clickable)
             and any(_STEPS.search(t) for t in (e.text, e.description) if t)]
    return count and bool(steps)


def classify_element(element: UIElement, screen: Screen) -> Sensitivity | None:
    """The sensitive category of activating `element` on `screen`, or None."""
    found = _match_label(element) or _match_dial_link(element)
    if found is not None and found.category == DELETION and removes_a_count(element, screen):
        return None
    if found is not None and found.category == SEND:
        money = _match_context(element, screen)  # "Send" under "Transfer $50 to Bob"
        if money is not None and money.category in (PAYMENT, SEND_MONEY):
            return money
    if found is None and _is_confirmation(element):
        found = _match_context(element, screen)
    return found


def element_at(screen: Screen, point: Point) -> UIElement | None:
    """The element a tap at `point` most likely hits: the smallest clickable one containing
    it, else the smallest of any kind."""
    hits = [e for e in screen.elements if e.bounds.contains(point)]
    clickable = [e for e in hits if e.clickable or e.checkable or e.long_clickable]
    pool = clickable or hits
    return min(pool, key=lambda e: e.bounds.area) if pool else None


def target_element(action: Action, screen: Screen) -> UIElement | None:
    """The element an action activates: named by id, or hit by its point."""
    target = getattr(action, "target", None)
    if isinstance(target, ElementRef):
        try:
            return screen.element(target.id)
        except KeyError:
            return None
    return element_at(screen, target) if isinstance(target, Point) else None


def classify_action(action: Action, screen: Screen) -> Sensitivity | None:
    """The sensitive category of `action` on `screen`, or None.

    Only actions that activate an element (tap, long press, double tap) can be sensitive;
    typing, scrolling, keys and opening apps are not.
    """
    if not isinstance(action, Tap | LongPress | DoubleTap):
        return None
    element = target_element(action, screen)
    return classify_element(element, screen) if element is not None else None


def sensitive_category(action: Action, screen: Screen) -> str | None:
    """Just the category name of `classify_action`."""
    found = classify_action(action, screen)
    return found.category if found else None
