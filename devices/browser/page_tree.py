"""The page's accessibility tree with layout boxes, read over the Chrome DevTools Protocol.

Two calls per capture: `Accessibility.getFullAXTree` (roles, names, values, states, as a
screen reader sees the page) and `DOMSnapshot.captureSnapshot` (the layout box of every DOM
node, whether it responds to clicks, its tag and a few attributes). They are joined on the
DOM node's backend id and serialised as JSON (`TreeFormat.WEB`), read by `perception.web`:

    {"version": 1, "url": ..., "title": ..., "viewport": [w, h], "root": "ID",
     "nodes": [{"id", "role", "name", "value", "description", "props": {...},
                "bounds": [x, y, w, h] (viewport CSS px) | null, "clickable": bool,
                "tag", "attrs": {...}, "ignored": bool, "children": ["ID", ...]}]}

Inline text boxes (one per rendered line of a text node) are dropped: their text node says
the same.
"""

from __future__ import annotations

from typing import Any

TREE_VERSION = 1
ATTRIBUTES = ("id", "type", "placeholder", "href")  # DOM attributes kept on a node
SKIPPED_ROLES = frozenset({"InlineTextBox"})
_Json = dict[str, Any]


def read_page_tree(cdp: Any, url: str, viewport: tuple[int, int]) -> _Json:
    """The tree of the page behind the CDP session `cdp` (a Playwright `CDPSession`); its
    title is the name of the tree's root (the document's title)."""
    ax = cdp.send("Accessibility.getFullAXTree")
    snap = cdp.send("DOMSnapshot.captureSnapshot",
                    {"computedStyles": ["cursor"], "includeDOMRects": True})
    layout = _layout(snap)
    nodes = [_node(n, layout) for n in ax.get("nodes", [])
             if n.get("role", {}).get("value") not in SKIPPED_ROLES]
    root = nodes[0]["id"] if nodes else ""
    title = nodes[0]["name"] if nodes else ""
    return {"version": TREE_VERSION, "url": url, "title": title, "viewport": list(viewport),
            "root": root, "nodes": nodes}


def _layout(snap: _Json) -> dict[int, _Json]:
    """backend node id -> {bounds, clickable, tag, attrs} for the main document."""
    docs = snap.get("documents") or []
    if not docs:
        return {}
    strings: list[str] = snap.get("strings", [])
    doc = docs[0]
    dom, lay = doc["nodes"], doc["layout"]
    dx, dy = doc.get("scrollOffsetX", 0), doc.get("scrollOffsetY", 0)
    clickable = set((dom.get("isClickable") or {}).get("index", []))
    boxes: dict[int, list[float]] = {}
    pointer: set[int] = set()
    for i, node_index in enumerate(lay["nodeIndex"]):
        boxes.setdefault(node_index, lay["bounds"][i])
        styles = lay["styles"][i] if i < len(lay["styles"]) else []
        if styles and styles[0] >= 0 and strings[styles[0]] == "pointer":
            pointer.add(node_index)
    out: dict[int, _Json] = {}
    for index, backend in enumerate(dom["backendNodeId"]):
        box = boxes.get(index)
        out[backend] = {
            "bounds": None if box is None else [box[0] - dx, box[1] - dy, box[2], box[3]],
            "clickable": index in clickable or index in pointer,
            "tag": strings[dom["nodeName"][index]].lower(),
            "attrs": _attributes(dom["attributes"][index], strings),
        }
    return out


def _attributes(pairs: list[int], strings: list[str]) -> dict[str, str]:
    names = (strings[i] for i in pairs[0::2])
    values = (strings[i] for i in pairs[1::2])
    return {k: v for k, v in zip(names, values, strict=False) if k in ATTRIBUTES}


def _node(n: _Json, layout: dict[int, _Json]) -> _Json:
    props = {p["name"]: p.get("value", {}).get("value") for p in n.get("properties", [])}
    box = layout.get(n.get("backendDOMNodeId", -1), {})
    return {
        "id": n["nodeId"],
        "role": n.get("role", {}).get("value", ""),
        "name": str(n.get("name", {}).get("value") or ""),
        "value": str(n.get("value", {}).get("value") or ""),
        "description": str(n.get("description", {}).get("value") or ""),
        "props": props,
        "bounds": box.get("bounds"),
        "clickable": box.get("clickable", False),
        "tag": box.get("tag", ""),
        "attrs": box.get("attrs", {}),
        "ignored": bool(n.get("ignored")),
        "children": n.get("childIds", []),
    }
