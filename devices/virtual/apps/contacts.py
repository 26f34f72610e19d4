"""Contacts: an alphabetical list with search, contact details, an editor and a call screen.

State (`contacts`):
    contacts: list of {id, first_name, last_name, name, phone, email}, sorted by name;
        `name` is "<first> <last>" (or whichever is present), kept in step with the parts.
    call_log: list of {name, phone}, most recent last (calls placed from this app).

Seed 0 holds the people below; other seeds draw theirs (`world_data.people`). The seed's
`Variant` picks a floating "Create contact" button or a "+" in a top bar, and whether the
list sorts by first or last name.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from devices.virtual import world_data
from devices.virtual.view import (
    FRAME,
    LINEAR,
    TEXT,
    App,
    AppContext,
    DialogButton,
    Page,
    Style,
    View,
)
from devices.virtual.widgets import (
    app_bar,
    button,
    fab,
    icon_button,
    label,
    list_item,
    scroll_list,
    text_field,
)
from devices.virtual.world import World
from devices.virtual.world_data.people import ascii_fold

_PEOPLE = [  # first, last, phone, email
    ("Anna", "Schmidt", "555-0101", "anna.schmidt@example.com"),
    ("Bob", "Carter", "555-0102", "bob.carter@example.com"),
    ("Carlos", "Mendoza", "555-0103", "carlos.mendoza@example.com"),
    ("Chloé", "Dubois", "555-0104", "chloe.dubois@example.fr"),
    ("David", "Kim", "555-0105", "dkim@example.com"),
    ("Emily", "Watson", "555-0106", "emily.watson@example.com"),
    ("Fatima", "Al-Sayed", "555-0107", "fatima.alsayed@example.com"),
    ("George", "Papadopoulos", "555-0108", "george.p@example.gr"),
    ("Hannah", "Müller", "555-0109", "hannah.mueller@example.de"),
    ("Ivan", "Petrov", "555-0110", "ivan.petrov@example.com"),
    ("Jamal", "Robinson", "555-0111", "jamal.robinson@example.com"),
    ("José", "García", "555-0112", "jose.garcia@example.es"),
    ("Kenji", "Tanaka", "555-0113", "kenji.tanaka@example.jp"),
    ("Laura", "Bianchi", "555-0114", "laura.bianchi@example.it"),
    ("Liam", "O'Connor", "555-0115", "liam.oconnor@example.ie"),
    ("Mei", "Chen", "555-0116", "mei.chen@example.com"),
    ("Mom", "", "555-0117", ""),
    ("Nadia", "Haddad", "555-0118", "nadia.haddad@example.com"),
    ("Olivia", "Brown", "555-0119", "olivia.brown@example.com"),
    ("Priya", "Sharma", "555-0120", "priya.sharma@example.in"),
    ("Ravi", "Patel", "555-0121", "ravi.patel@example.com"),
    ("Sofia", "Rossi", "555-0122", "sofia.rossi@example.it"),
    ("Tom", "Nguyen", "555-0123", "tom.nguyen@example.com"),
    ("Zoë", "Williams", "555-0124", "zoe.williams@example.co.uk"),
    ("李伟", "", "555-0125", "li.wei@example.cn"),
]

_FIELDS = [("first_name", "First name"), ("last_name", "Last name"), ("phone", "Phone"),
           ("email", "Email")]


def full_name(first: str, last: str) -> str:
    return " ".join(part for part in (first.strip(), last.strip()) if part)


def sort_key(name: str) -> tuple[int, str]:
    """Latin names alphabetically ignoring accents, then other scripts (as Android's '#')."""
    plain = ascii_fold(name).casefold()
    return (0, plain) if plain[:1].isalpha() else (1, name)


def section(name: str) -> str:
    plain = ascii_fold(name)
    return plain[:1].upper() if plain[:1].isalpha() else "#"


def _rows(people: Iterable[tuple[str, str, str, str]]) -> list[dict[str, Any]]:
    """Contacts from (first, last, phone, email), numbered in that order, sorted by name."""
    rows = [{"id": i + 1, "first_name": f, "last_name": la, "name": full_name(f, la),
             "phone": p, "email": e} for i, (f, la, p, e) in enumerate(people)]
    return sorted(rows, key=lambda c: sort_key(c["name"]))


def _seed(world: World) -> list[dict[str, Any]]:
    if world.reference:
        return _rows(_PEOPLE)
    return _rows((p.first, p.last, p.phone, p.email) for p in world_data.people(world))


def list_key(contact: dict[str, Any], by: str) -> str:
    """The name the list sorts and sections `contact` by: its full name, or with `by` "last"
    its last name then first name (people without a last name by their first)."""
    if by == "last" and contact.get("last_name"):
        return f"{contact['last_name']} {contact.get('first_name', '')}".strip()
    return contact["name"]


def matches(contact: dict[str, Any], query: str) -> bool:
    """Search as Contacts does: by name or email, or by digits of the phone number."""
    q = query.strip().casefold()
    digits = "".join(ch for ch in q if ch.isdigit())
    phone = "".join(ch for ch in contact.get("phone", "") if ch.isdigit())
    by_number = bool(digits) and all(ch in "0123456789-+() " for ch in q) and digits in phone
    return not q or q in contact["name"].casefold() or q in contact.get("email", "").casefold() \
        or by_number


class ContactsApp(App):
    key = "contacts"
    package = "com.android.contacts"
    label = "Contacts"
    icon = "contacts"

    def initial_state(self) -> dict[str, Any]:
        return {"contacts": _seed(self.world), "call_log": []}

    def build(self, page: Page, ctx: AppContext) -> View:
        pages = {"main": self._main, "details": self._details, "editor": self._editor,
                 "call": self._call}
        return pages[page.name](page, ctx)

    # -- list ---------------------------------------------------------------------------------

    def _main(self, page: Page, ctx: AppContext) -> View:
        query = page.args.get("query", "")
        shown = [c for c in ctx.state["contacts"] if matches(c, query)]
        rows: list[View] = []
        last_section = ""
        by = self.world.variant.contacts_sort
        for contact in sorted(shown, key=lambda c: sort_key(list_key(c, by))):
            if section(list_key(contact, by)) != last_section:
                last_section = section(list_key(contact, by))
                rows.append(View(TEXT, text=last_section, rid="section_header", height=96,
                                 padding=24, style=Style(size=38, fg="primary", bold=True)))
            rows.append(list_item(contact["name"], rid="contact_row", icon="person",
                                  on_click=lambda c=contact: ctx.push("details", id=c["id"])))
        if not rows:
            rows.append(label("No contacts found", rid="empty_view", muted=True, height=200))
        search = text_field(query, lambda t: page.args.__setitem__("query", t),
                            hint="Search contacts", rid="search_bar", height=140)
        header = View(LINEAR, layout="row", height=190, padding=24, rid="search_container",
                      children=[search], style=Style(bg="surface"))

        def create() -> None:
            ctx.push("editor", id=None)

        if self.world.variant.contacts_add == "toolbar":
            bar = app_bar("Contacts", actions=[icon_button("add", "Add contact", create,
                                                           rid="menu_add_contact")])
            return View(LINEAR, layout="column",
                        children=[bar, header, scroll_list(rows, rid="contact_list")])
        body = View(LINEAR, layout="column",
                    children=[header, scroll_list(rows, rid="contact_list")])
        return View(FRAME, layout="stack", children=[
            body, fab("add", "Create contact", create, rid="floating_action_button")])

    # -- details ------------------------------------------------------------------------------

    def _details(self, page: Page, ctx: AppContext) -> View:
        contact = _by_id(ctx, page.args["id"])
        if contact is None:
            return View(LINEAR, children=[app_bar("Contact", on_back=ctx.pop),
                                          label("Contact not found", muted=True)])
        actions = [
            icon_button("edit", "Edit contact", lambda: ctx.push("editor", id=contact["id"]),
                        rid="menu_edit"),
            icon_button("delete", "Delete", lambda: _confirm_delete(ctx, contact),
                        rid="menu_delete"),
        ]
        quick = View(LINEAR, layout="row", height=200, padding=24, gap=24, children=[
            button("Call", (lambda: _call(ctx, contact)) if contact["phone"] else None,
                   rid="call_button"),
            button("Message", (lambda: _message(ctx, contact)) if contact["phone"] else None,
                   rid="message_button"),
        ])
        info: list[View] = []
        if contact["phone"]:
            info.append(list_item(contact["phone"], "Mobile", icon="phone", rid="phone_row",
                                  on_click=lambda: _call(ctx, contact)))
        if contact["email"]:
            info.append(list_item(contact["email"], "Email", icon="email", rid="email_row",
                                  on_click=lambda: ctx.toast("No email app installed")))
        avatar = View(TEXT, text=contact["name"][:1].upper(), rid="photo", height=260,
                      style=Style(size=120, align="center", bold=True, fg="primary"))
        name = View(TEXT, text=contact["name"], rid="large_title", height=130,
                    style=Style(size=64, align="center"))
        content = scroll_list([avatar, name, quick, *info], rid="contact_details")
        return View(LINEAR, children=[app_bar("", on_back=ctx.pop, actions=actions), content])

    # -- editor -------------------------------------------------------------------------------

    def _editor(self, page: Page, ctx: AppContext) -> View:
        contact = _by_id(ctx, page.args.get("id"))
        draft = page.args.setdefault(
            "draft", {k: (contact or {}).get(k, "") for k, _ in _FIELDS})
        fields = []
        for key, hint in _FIELDS:
            fields.append(text_field(draft[key], lambda t, k=key: draft.__setitem__(k, t),
                                     hint=hint, rid=f"editor_{key}"))
        save = button("Save", lambda: _save(ctx, page), rid="editor_menu_save_button",
                      width=240, height=120)
        title = "Edit contact" if contact else "Create contact"
        bar = app_bar(title, on_back=ctx.pop, actions=[save])
        bar.children[0].desc = "Cancel"
        form = View(LINEAR, layout="column", padding=36, gap=36, children=[*fields, View()])
        return View(LINEAR, children=[bar, form])

    # -- call ---------------------------------------------------------------------------------

    def _call(self, page: Page, ctx: AppContext) -> View:
        who = {"name": page.args["who"], "phone": page.args["phone"]}
        return View(LINEAR, padding=48, gap=24, style=Style(bg="surface"), children=[
            View(height=200),
            View(TEXT, text=who["name"], rid="contactgrid_contact_name", height=140,
                 style=Style(size=72, align="center")),
            View(TEXT, text=who["phone"], rid="contactgrid_number", height=90,
                 style=Style(size=44, align="center", fg="muted")),
            View(TEXT, text="Calling…", rid="contactgrid_status_text", height=90,
                 style=Style(size=44, align="center", fg="muted")),
            View(),
            button("End call", ctx.pop, rid="incall_end_call", danger=True),
        ])


def _by_id(ctx: AppContext, cid: Any) -> dict[str, Any] | None:
    return next((c for c in ctx.state["contacts"] if c["id"] == cid), None)


def _save(ctx: AppContext, page: Page) -> None:
    draft = {k: v.strip() for k, v in page.args["draft"].items()}
    if not (draft["first_name"] or draft["last_name"] or draft["phone"] or draft["email"]):
        ctx.toast("Nothing to save")
        return
    name = full_name(draft["first_name"], draft["last_name"]) or draft["phone"] or draft["email"]
    contacts = ctx.state["contacts"]
    contact = _by_id(ctx, page.args.get("id"))
    if contact is None:
        contact = {"id": max((c["id"] for c in contacts), default=0) + 1}
        contacts.append(contact)
    contact.update(draft, name=name)
    contacts.sort(key=lambda c: sort_key(c["name"]))
    ctx.pop()
    if page.args.get("id") is None:
        ctx.push("details", id=contact["id"])
    ctx.toast(f"{name} saved")


def _confirm_delete(ctx: AppContext, contact: dict[str, Any]) -> None:
    def delete() -> None:
        ctx.state["contacts"] = [c for c in ctx.state["contacts"] if c["id"] != contact["id"]]
        ctx.pop()
        ctx.toast(f"{contact['name']} deleted")

    ctx.dialog("Delete this contact?", f"{contact['name']} will be removed from your contacts.",
               [DialogButton("Cancel"), DialogButton("Delete", delete)])


def _call(ctx: AppContext, contact: dict[str, Any]) -> None:
    ctx.state["call_log"].append({"name": contact["name"], "phone": contact["phone"]})
    ctx.push("call", who=contact["name"], phone=contact["phone"])


def _message(ctx: AppContext, contact: dict[str, Any]) -> None:
    """Open Messages. (The contract's `open_app` takes no page, so it opens at its thread list.)"""
    del contact
    ctx.open_app("messages")
