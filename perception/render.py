"""Text renderings of a `Screen` for model prompts: compact lines, HTML-like, JSON."""

from __future__ import annotations

from html import escape
from typing import Any

from perception.elements import Screen, UIElement

MAX_TEXT = 400  # characters of one text shown in a prompt line; the rest is cut with "…"
_HTML_TAGS = {"text": "p", "image": "img", "list": "div"}


def _short(value: str) -> str:
    return value if len(value) <= MAX_TEXT else value[: MAX_TEXT - 1] + "…"


def _quote(value: str) -> str:
    return '"' + _short(value).replace('"', "'") + '"'


def _states(e: UIElement) -> list[str]:
    states = []
    if e.checkable:
        states.append("on" if e.checked else "off")
    if e.scrollable:
        states.append("scrollable")
    if e.long_clickable and not e.clickable:
        states.append("long-press")
    if e.selected:
        states.append("selected")
    if e.focused and e.editable:
        states.append("focused")
    if not e.enabled:
        states.append("disabled")
    if e.source != "tree":
        states.append(e.source)
    return states


def _input_words(e: UIElement) -> list[str]:
    name = e.hint or e.description or e.resource_id.rpartition("/")[2].replace("_", " ")
    words = [_quote(name)] if name else []
    if e.password and e.text:
        words.append("= (hidden)")
    elif e.text:
        words.append("= " + _quote(e.text))
    else:
        words.append("(empty)")
    return words


def _label_words(e: UIElement) -> list[str]:
    if e.editable:
        return _input_words(e)
    words = []
    label = e.label
    if label:
        words.append(_quote(label))
    if e.description and e.text and e.description != label:
        words.append("(" + _short(e.description) + ")")
    if not label and e.actionable:
        words.append("at [{},{},{},{}]".format(*e.bounds.as_list()))
    return words


def element_line(e: UIElement) -> str:
    """`3 switch "Wi-Fi" on`, `7 input "Search" (empty)`, `12 list scrollable`."""
    return " ".join([str(e.id), e.role, *_label_words(e), *_states(e)])


def render_text(screen: Screen) -> str:
    """One compact line per element, for a model prompt."""
    return "\n".join(element_line(e) for e in screen.elements)


def _html_attrs(e: UIElement) -> str:
    attrs = [f"id={e.id}"]
    if e.editable:
        attrs.append(f'value="{escape(e.text)}"' if not e.password else 'value="***"')
        placeholder = e.hint or e.description
        if placeholder:
            attrs.append(f'placeholder="{escape(placeholder)}"')
    elif e.description and e.text:
        attrs.append(f'title="{escape(_short(e.description))}"')
    flags = (("checked", e.checkable and e.checked), ("scrollable", e.scrollable),
             ("selected", e.selected), ("disabled", not e.enabled),
             ("focused", e.focused and e.editable),
             ("longpress", e.long_clickable and not e.clickable), ("vision", e.source != "tree"))
    attrs.extend(name for name, on in flags if on)
    return " ".join(attrs)


def element_html(e: UIElement) -> str:
    """`<button id=3>OK</button>`, `<input id=4 value="" placeholder="Name">`."""
    tag = "input" if e.editable else _HTML_TAGS.get(e.role, e.role)
    attrs = _html_attrs(e)
    if e.editable:
        return f"<{tag} {attrs}>"
    inner = escape(_short(e.text or e.description or e.hint))
    if not inner and e.actionable and e.resource_id:
        inner = escape(e.label)
    return f"<{tag} {attrs}>{inner}</{tag}>"


def render_html(screen: Screen) -> str:
    """One HTML-like element per line."""
    return "\n".join(element_html(e) for e in screen.elements)


def element_json(e: UIElement) -> dict[str, Any]:
    return {
        "id": e.id, "role": e.role, "text": e.text, "description": e.description,
        "resource_id": e.resource_id, "bounds": e.bounds.as_list(), "clickable": e.clickable,
        "editable": e.editable, "scrollable": e.scrollable, "checkable": e.checkable,
        "checked": e.checked, "focused": e.focused, "enabled": e.enabled,
        "selected": e.selected, "password": e.password, "long_clickable": e.long_clickable,
        "hint": e.hint, "class_name": e.class_name, "package": e.package, "source": e.source,
        "window": e.window, "container": e.container,
    }


def render_json(screen: Screen) -> dict[str, Any]:
    """`{"screen": {"width", "height", "app"}, "elements": [...]}`, JSON-ready."""
    return {
        "screen": {"width": screen.width, "height": screen.height, "app": screen.app},
        "elements": [element_json(e) for e in screen.elements],
    }
