"""Messages: conversation list, a conversation with a compose bar, and a "Start chat" picker.

State (`messages`):
    threads: list of {id, contact, phone, unread, messages}, most recent conversation first;
        `contact` is the display name (the phone number for unknown senders);
        messages: list of {sender, text, time}, oldest first; `sender` is "me" or the contact.
    sent: list of {to, phone, text}: every message sent since the phone started, in order.

Seed 0 holds the threads below; other seeds draw theirs (`world_data.threads`). The seed's
`Variant` puts the "new conversation" control in a floating button or in the top bar.
"""

from __future__ import annotations

from typing import Any

from devices.virtual import world_data
from devices.virtual.view import (
    FRAME,
    IMAGE_BUTTON,
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
    fab,
    icon_button,
    label,
    list_item,
    scroll_list,
    text_field,
)


def _thread(tid: int, contact: str, phone: str, unread: bool,
            lines: list[tuple[str, str, str]]) -> dict[str, Any]:
    msgs = [{"sender": "me" if who == "me" else contact, "text": text, "time": time}
            for who, text, time in lines]
    return {"id": tid, "contact": contact, "phone": phone, "unread": unread, "messages": msgs}


def _seed() -> list[dict[str, Any]]:
    return [
        _thread(1, "Anna Schmidt", "555-0101", True, [
            ("them", "Are we still on for dinner tonight?", "8:55 AM"),
            ("me", "Yes! 7 pm at Luigi's", "8:58 AM"),
            ("them", "Great, see you at 7!", "9:02 AM")]),
        _thread(2, "Mom", "555-0117", False, [
            ("them", "Did you call your grandmother?", "Yesterday"),
            ("me", "Not yet, I will tomorrow", "Yesterday"),
            ("them", "Don't forget, her birthday is on the 12th", "Yesterday")]),
        _thread(3, "Bob Carter", "555-0102", False, [
            ("me", "Can you send me the slides?", "Mon"),
            ("them", "Sent them to your email", "Mon")]),
        _thread(4, "72345", "72345", False, [
            ("them", "Your pharmacy order RX-4471 is ready for pickup.", "Sun")]),
        _thread(5, "José García", "555-0112", False, [
            ("them", "¿Nos vemos el sábado para el partido?", "Sat"),
            ("me", "Sí, claro", "Sat")]),
        _thread(6, "Kenji Tanaka", "555-0113", False, [
            ("them", "The package arrived, thanks!", "May 2")]),
        _thread(7, "Priya Sharma", "555-0120", False, [
            ("me", "Happy birthday Priya!", "Apr 28"),
            ("them", "Thank you so much!", "Apr 28")]),
    ]


def clock_text(hour: int, minute: int) -> str:
    return f"{(hour % 12) or 12}:{minute:02d} {'AM' if hour < 12 else 'PM'}"


class MessagesApp(App):
    key = "messages"
    package = "com.google.android.apps.messaging"
    label = "Messages"
    icon = "message"

    def initial_state(self) -> dict[str, Any]:
        threads = _seed() if self.world.reference else world_data.threads(self.world)
        return {"threads": threads, "sent": []}

    def build(self, page: Page, ctx: AppContext) -> View:
        pages = {"main": self._main, "new_chat": self._new_chat,
                 "conversation": self._conversation}
        return pages[page.name](page, ctx)

    # -- conversation list --------------------------------------------------------------------

    def _main(self, page: Page, ctx: AppContext) -> View:
        rows = []
        for t in ctx.state["threads"]:
            last = t["messages"][-1] if t["messages"] else {"text": "", "time": "", "sender": ""}
            snippet = ("You: " if last["sender"] == "me" else "") + last["text"]
            row = list_item(t["contact"], snippet, rid="conversation_list_item", icon="person",
                            on_click=lambda t=t: _open(ctx, t["contact"], t["phone"]),
                            on_long_click=lambda t=t: _confirm_delete(ctx, t),
                            trailing=View(TEXT, text=last["time"], rid="conversation_timestamp",
                                          width=220, style=Style(size=34, fg="muted")))
            row.children[1].children[0].style = Style(size=46, bold=t["unread"])
            rows.append(row)
        if not rows:
            rows.append(label("No conversations yet", rid="empty_view", muted=True, height=200))
        search = View(IMAGE_BUTTON, desc="Search", width=120, style=Style(icon="search"))
        if self.world.variant.messages_new == "toolbar":
            compose = icon_button("edit", "New conversation", lambda: ctx.push("new_chat"),
                                  rid="action_new_conversation")
            bar = app_bar("Messages", actions=[compose, search])
            return View(LINEAR, children=[bar, scroll_list(rows, rid="conversation_list")])
        bar = app_bar("Messages", actions=[search])
        body = View(LINEAR, children=[bar, scroll_list(rows, rid="conversation_list")])
        return View(FRAME, layout="stack", children=[
            body, fab("chat", "Start chat", lambda: ctx.push("new_chat"),
                      rid="start_chat_fab")])

    # -- recipient picker ---------------------------------------------------------------------

    def _new_chat(self, page: Page, ctx: AppContext) -> View:
        query = page.args.get("query", "")
        q = query.strip().casefold()
        contacts = ctx.app_state("contacts").get("contacts", [])
        rows: list[View] = []
        digits = "".join(ch for ch in q if ch.isdigit())
        if digits and all(ch in "0123456789-+() " for ch in q):
            rows.append(list_item(f"Send to {query.strip()}", rid="send_to_number", icon="phone",
                                  on_click=lambda: _start(ctx, query.strip(), query.strip())))
        for c in contacts:
            if c.get("phone") and (not q or q in c["name"].casefold() or (
                    digits and digits in "".join(ch for ch in c["phone"] if ch.isdigit()))):
                rows.append(list_item(c["name"], c["phone"], rid="contact_picker_item",
                                      icon="person",
                                      on_click=lambda c=c: _start(ctx, c["name"], c["phone"])))
        to = text_field(query, lambda t: page.args.__setitem__("query", t),
                        hint="Type name, phone number, or email", rid="recipient_text_view",
                        height=140)
        to_row = View(LINEAR, layout="row", height=180, padding=20, gap=20, children=[
            View(TEXT, text="To", width=90, style=Style(size=44, fg="muted")), to])
        return View(LINEAR, children=[app_bar("New conversation", on_back=ctx.pop), to_row,
                                      scroll_list(rows, rid="contact_picker_list")])

    # -- one conversation ---------------------------------------------------------------------

    def _conversation(self, page: Page, ctx: AppContext) -> View:
        contact, phone = page.args["contact"], page.args["phone"]
        thread = _find(ctx, contact, phone)
        bubbles = [_bubble(m) for m in (thread["messages"] if thread else [])]
        draft = page.args.get("draft", "")
        compose = text_field(draft, lambda t: page.args.__setitem__("draft", t),
                             hint="Text message", rid="compose_message_text", height=140)
        send = View(IMAGE_BUTTON, desc="Send SMS", rid="send_message_button_icon", width=140,
                    clickable=bool(draft.strip()), enabled=bool(draft.strip()), focusable=True,
                    on_click=lambda: _send(ctx, page), style=Style(icon="send", bg="primary",
                                                                    fg="on_primary", radius=70))
        bar = View(LINEAR, layout="row", height=190, padding=24, gap=20, rid="compose_bar",
                   children=[compose, send], style=Style(bg="surface"))
        messages = scroll_list(bubbles, rid="message_list", gap=16)
        messages.padding = 24
        actions = [View(IMAGE_BUTTON, desc="Call", width=120, rid="action_call",
                        style=Style(icon="phone"))]
        if thread is not None:
            actions.append(icon_button("delete", "Delete conversation",
                                       lambda: _confirm_delete(ctx, thread, leave=True),
                                       rid="action_delete"))
        return View(LINEAR, children=[app_bar(contact, on_back=ctx.pop, actions=actions),
                                      messages, bar])


def _bubble(message: dict[str, Any]) -> View:
    mine = message["sender"] == "me"
    lines = max(1, len(message["text"]) // 30 + 1)
    text = View(TEXT, text=message["text"], rid="message_text", height=60 * lines + 40,
                padding=20, style=Style(bg="primary" if mine else "muted",
                                        fg="on_primary" if mine else "text", radius=36))
    stamp = View(TEXT, text=message["time"], rid="message_status", height=50,
                 style=Style(size=30, fg="muted"))
    pad = View(width=240)
    row = View(LINEAR, layout="row", height=60 * lines + 40,
               children=[pad, text] if mine else [text, pad])
    return View(LINEAR, layout="column", height=60 * lines + 90, rid="message_content",
                children=[row, stamp])


def _find(ctx: AppContext, contact: str, phone: str) -> dict[str, Any] | None:
    return next((t for t in ctx.state["threads"]
                 if t["phone"] == phone or t["contact"] == contact), None)


def _open(ctx: AppContext, contact: str, phone: str) -> None:
    thread = _find(ctx, contact, phone)
    if thread is not None:
        thread["unread"] = False
    ctx.push("conversation", contact=contact, phone=phone)


def _start(ctx: AppContext, contact: str, phone: str) -> None:
    ctx.pop()
    _open(ctx, contact, phone)


def _send(ctx: AppContext, page: Page) -> None:
    text = page.args.get("draft", "").strip()
    if not text:
        return
    contact, phone = page.args["contact"], page.args["phone"]
    threads = ctx.state["threads"]
    thread = _find(ctx, contact, phone)
    if thread is None:
        thread = {"id": max((t["id"] for t in threads), default=0) + 1, "contact": contact,
                  "phone": phone, "unread": False, "messages": []}
    else:
        threads.remove(thread)
    threads.insert(0, thread)
    thread["messages"].append({"sender": "me", "text": text, "time": clock_text(*ctx.now())})
    ctx.state["sent"].append({"to": contact, "phone": phone, "text": text})
    page.args["draft"] = ""


def _confirm_delete(ctx: AppContext, thread: dict[str, Any], leave: bool = False) -> None:
    def delete() -> None:
        ctx.state["threads"] = [t for t in ctx.state["threads"] if t["id"] != thread["id"]]
        if leave:
            ctx.pop()
        ctx.toast("Conversation deleted")

    ctx.dialog("Delete this conversation?", f"Your conversation with {thread['contact']} "
               "will be deleted from this device.",
               [DialogButton("Cancel"), DialogButton("Delete", delete)])
