"""Notes: a list of notes, and an editor that saves as you type (like Google Keep).

State (`notes`):
    notes: list of {id, title, body}, most recently created first. A note left with an empty
        title and body is discarded; blanks are content (a body of blank lines is kept and
        shown as it is).

Seed 0 holds the notes below; other seeds draw theirs (`world_data.notes`).
"""

from __future__ import annotations

from typing import Any

from devices.virtual import world_data
from devices.virtual.view import (
    EDIT,
    FRAME,
    LINEAR,
    App,
    AppContext,
    DialogButton,
    Page,
    Style,
    View,
)
from devices.virtual.widgets import app_bar, fab, icon_button, label, list_item, scroll_list

_SEED = [
    ("Groceries", "Milk, eggs, sourdough bread, spinach, coffee beans, bananas"),
    ("Wi-Fi at the cabin", "Network: LakeHouse\nPassword: loon-2024"),
    ("Books to read", "The Left Hand of Darkness\nPiranesi\nThe Overstory\nKlara and the Sun"),
    ("Gift ideas", "Mom: silk scarf\nBob: board game (Wingspan)\nPriya: pottery class"),
    ("Meeting notes 3/14", "Budget review moved to Thursday. Kenji owns the Q3 roadmap."),
    ("Packing list", "Passport, charger, adapter, sunscreen, hiking boots"),
    ("Pancake recipe", "2 cups flour, 2 eggs, 1.5 cups milk, 2 tbsp sugar, pinch of salt"),
    ("Car", "Oil change due at 45,000 miles. Tire pressure 35 psi."),
    ("Garden", "Plant tomatoes after the last frost. Water basil every other day."),
    ("Café recommendations", "Café Lumière on 5th street: best croissants"),
]


def snippet(body: str, limit: int = 60) -> str:
    """The body on one line, shortened; a body of only blanks is shown as it is (a note
    with blank lines is not an empty note)."""
    flat = " ".join(body.split()) or body
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class NotesApp(App):
    key = "notes"
    package = "com.example.notes"
    label = "Notes"
    icon = "note"

    def initial_state(self) -> dict[str, Any]:
        if not self.world.reference:
            return {"notes": world_data.notes(self.world)}
        return {"notes": [{"id": i + 1, "title": t, "body": b} for i, (t, b) in enumerate(_SEED)]}

    def build(self, page: Page, ctx: AppContext) -> View:
        return self._editor(page, ctx) if page.name == "editor" else self._main(page, ctx)

    def _main(self, page: Page, ctx: AppContext) -> View:
        query = page.args.get("query", "").strip().casefold()
        rows = []
        for note in ctx.state["notes"]:
            if query and query not in (note["title"] + "\n" + note["body"]).casefold():
                continue
            rows.append(list_item(note["title"] or "Untitled", snippet(note["body"]),
                                  rid="note_row",
                                  on_click=lambda n=note: ctx.push("editor", id=n["id"]),
                                  on_long_click=lambda n=note: _confirm_delete(ctx, n, False)))
        if not rows:
            rows.append(label("No notes" if not query else "No matching notes",
                              rid="empty_view", muted=True, height=200))
        search = View(EDIT, text=page.args.get("query", ""), hint="Search your notes",
                      rid="search_box", clickable=True, focusable=True, height=140,
                      on_text=lambda t: page.args.__setitem__("query", t),
                      style=Style(bg="field", radius=70))
        header = View(LINEAR, layout="row", height=190, padding=24, children=[search],
                      style=Style(bg="surface"))
        body = View(LINEAR, children=[header, scroll_list(rows, rid="notes_list")])
        return View(FRAME, layout="stack", children=[
            body, fab("add", "New note", lambda: ctx.push("editor", id=None), rid="new_note")])

    def _editor(self, page: Page, ctx: AppContext) -> View:
        note = _by_id(ctx, page.args.get("id"))
        title = note["title"] if note else ""
        body = note["body"] if note else ""
        actions = [icon_button("check", "Done", ctx.pop, rid="done")]
        if note is not None:
            actions.insert(0, icon_button("delete", "Delete note",
                                          lambda: _confirm_delete(ctx, note, True),
                                          rid="delete_note"))
        bar = app_bar("", on_back=ctx.pop, actions=actions)
        title_field = View(EDIT, text=title, hint="Title", rid="editable_title", clickable=True,
                           focusable=True, height=140, on_text=lambda t: _edit(ctx, page, title=t),
                           style=Style(size=60, bold=True))
        body_field = View(EDIT, text=body, hint="Note", rid="edit_note_text", clickable=True,
                          focusable=True, height=480, on_text=lambda t: _edit(ctx, page, body=t),
                          multiline=True, style=Style(size=44))
        return View(LINEAR, children=[
            bar, View(LINEAR, padding=36, gap=24, children=[title_field, body_field])])


def _by_id(ctx: AppContext, nid: Any) -> dict[str, Any] | None:
    return next((n for n in ctx.state["notes"] if n["id"] == nid), None)


def _edit(ctx: AppContext, page: Page, **change: str) -> None:
    """Save as the user types; an emptied note disappears, a new one appears on first input."""
    notes = ctx.state["notes"]
    note = _by_id(ctx, page.args.get("id"))
    if note is None:
        note = {"id": max((n["id"] for n in notes), default=0) + 1, "title": "", "body": ""}
        notes.insert(0, note)
        page.args["id"] = note["id"]
    note.update(change)
    if not note["title"] and not note["body"]:
        notes.remove(note)
        page.args["id"] = None


def _confirm_delete(ctx: AppContext, note: dict[str, Any], leave: bool) -> None:
    def delete() -> None:
        ctx.state["notes"] = [n for n in ctx.state["notes"] if n["id"] != note["id"]]
        if leave:
            ctx.pop()
        ctx.toast("Note deleted")

    ctx.dialog("Delete note?", f"“{note['title'] or 'Untitled'}” will be deleted.",
               [DialogButton("Cancel"), DialogButton("Delete", delete)])
