"""The page's accessibility tree with layout boxes, read over the Chrome DevTools Protocol.

Two calls per capture: `Accessibility.getFullAXTree` (roles, names, values, states, as a
screen reader sees the page) and `DOMSnapshot.captureSnapshot` (the layout box of every DOM
node, whether it responds to clicks, whether it scrolls, its tag and a few attributes).
They are joined on the DOM node's backend id and serialised as JSON (`TreeFormat.WEB`),
read by `perception.web`:

    {"version": 1, "url": ..., "title": ..., "viewport": [w, h], "root": "ID",
     "nodes": [{"id", "role", "name", "value", "description", "props": {...},
                "bounds": [x, y, w, h] (viewport CSS px) | null, "clickable": bool,
                "scrollable": bool, "tag", "attrs": {...}, "ignored": bool,
                "children": ["ID", ...], "backend": DOM backend id | null}]}

Frames: the accessibility tree of the page stops at each `<iframe>`; when the snapshot shows
more than one document, each same-process frame's tree is read too (one more call per frame)
and hung under its `<iframe>` node, its ids prefixed with the frame's number. The snapshot
gives every document's boxes in that document's own coordinates; each is moved by the
content corner of its `<iframe>` (the box plus its border), itself moved by the frame above,
so that every box is in the viewport's pixels. Cross-origin frames that run in another
process are not in the snapshot and are left out.

A node scrolls when its computed overflow lets it (auto or scroll) and its content is larger
than its box; the page's own scrolling (the viewport) is not a node's.

Inline text boxes (one per rendered line of a text node) are dropped: their text node says
the same.
"""

from __future__ import annotations

from typing import Any

TREE_VERSION = 1
ATTRIBUTES = ("id", "type", "placeholder", "href")  # DOM attributes kept on a node
SKIPPED_ROLES = frozenset({"InlineTextBox"})
STYLES = ["cursor", "overflow-x", "overflow-y"]  # computed styles read from the snapshot
SCROLLS = frozenset({"auto", "scroll", "overlay"})
PAGE_SCROLLERS = frozenset({"html", "body"})  # their scrolling is the viewport's
_Json = dict[str, Any]


def read_page_tree(cdp: Any, url: str, viewport: tuple[int, int]) -> _Json:
    """The tree of the page behind the CDP session `cdp` (a Playwright `CDPSession`); its
    title is the name of the tree's root (the document's title)."""
    ax = cdp.send("Accessibility.getFullAXTree")
    snap = cdp.send("DOMSnapshot.captureSnapshot",
                    {"computedStyles": STYLES, "includeDOMRects": True})
    layout, frames = _layout(snap)
    nodes = _nodes(ax.get("nodes", []), layout, "")
    if frames:
        nodes += _frame_nodes(cdp, nodes, layout, frames)
    root = nodes[0]["id"] if nodes else ""
    title = nodes[0]["name"] if nodes else ""
    return {"version": TREE_VERSION, "url": url, "title": title, "viewport": list(viewport),
            "root": root, "nodes": nodes}


def _nodes(ax_nodes: list[_Json], layout: dict[int, _Json], prefix: str) -> list[_Json]:
    return [_node(n, layout, prefix) for n in ax_nodes
            if n.get("role", {}).get("value") not in SKIPPED_ROLES]


def _frame_nodes(cdp: Any, nodes: list[_Json], layout: dict[int, _Json],
                 frames: dict[int, int]) -> list[_Json]:
    """The trees of the page's child frames, each hung under its `<iframe>` node.
    `frames`: a frame document's backend id -> its `<iframe>` element's backend id."""
    by_backend = {n["backend"]: n for n in nodes if n.get("backend") is not None}
    out: list[_Json] = []
    for number, frame_id in enumerate(_child_frames(cdp.send("Page.getFrameTree")), 1):
        try:
            tree = cdp.send("Accessibility.getFullAXTree", {"frameId": frame_id})
        except Exception:  # a frame in another process, or gone meanwhile
            continue
        mine = _nodes(tree.get("nodes", []), layout, f"f{number}:")
        if not mine:
            continue
        host = by_backend.get(frames.get(mine[0].get("backend", -1), -1))
        if host is None:
            continue
        host["children"] = [*host["children"], mine[0]["id"]]
        by_backend.update((n["backend"], n) for n in mine if n.get("backend") is not None)
        out += mine
    return out


def _child_frames(frame_tree: _Json) -> list[str]:
    """Every frame's id below the main frame, parents before children."""
    out: list[str] = []
    pending = list((frame_tree.get("frameTree") or {}).get("childFrames") or [])
    while pending:
        item = pending.pop(0)
        out.append(item["frame"]["id"])
        pending += item.get("childFrames") or []
    return out


def _layout(snap: _Json) -> tuple[dict[int, _Json], dict[int, int]]:
    """(backend node id -> {bounds, clickable, scrollable, tag, attrs} for every document,
    in viewport pixels; a frame document's backend id -> its `<iframe>`'s backend id)."""
    docs = snap.get("documents") or []
    strings: list[str] = snap.get("strings", [])
    hosts: dict[int, tuple[int, int]] = {}  # document index -> (its iframe's doc, node index)
    for d, doc in enumerate(docs):
        inner = doc["nodes"].get("contentDocumentIndex") or {}
        for node_index, child in zip(inner.get("index", []), inner.get("value", []),
                                     strict=False):
            hosts[child] = (d, node_index)
    boxes = [_boxes(doc, strings) for doc in docs]
    origins: dict[int, tuple[float, float]] = {}

    def origin(d: int) -> tuple[float, float]:
        """Where document `d`'s (0, 0) is in the viewport."""
        if d not in origins:
            origins[d] = (0.0, 0.0)  # the main document; also guards against cycles
            parent, node_index = hosts.get(d, (-1, -1))
            box = boxes[parent].get(node_index) if parent >= 0 else None
            if box is not None:
                px, py = origin(parent)
                bx, by = box["client"][:2] if box["client"] else (0, 0)  # the border
                origins[d] = (px + box["bounds"][0] - docs[parent].get("scrollOffsetX", 0) + bx,
                              py + box["bounds"][1] - docs[parent].get("scrollOffsetY", 0) + by)
        return origins[d]

    out: dict[int, _Json] = {}
    frames: dict[int, int] = {}
    for d, doc in enumerate(docs):
        dom = doc["nodes"]
        ox, oy = origin(d)
        dx, dy = doc.get("scrollOffsetX", 0) - ox, doc.get("scrollOffsetY", 0) - oy
        clickable = set((dom.get("isClickable") or {}).get("index", []))
        for index, backend in enumerate(dom["backendNodeId"]):
            box = boxes[d].get(index)
            tag = strings[dom["nodeName"][index]].lower()
            out[backend] = {
                "bounds": None if box is None else [box["bounds"][0] - dx,
                                                    box["bounds"][1] - dy,
                                                    box["bounds"][2], box["bounds"][3]],
                "clickable": index in clickable or bool(box and box["pointer"]),
                "scrollable": bool(box and box["scrolls"]) and tag not in PAGE_SCROLLERS,
                "tag": tag,
                "attrs": _attributes(dom["attributes"][index], strings),
            }
        if d in hosts:
            parent, node_index = hosts[d]
            frames[dom["backendNodeId"][0]] = docs[parent]["nodes"]["backendNodeId"][node_index]
    return out, frames


def _boxes(doc: _Json, strings: list[str]) -> dict[int, _Json]:
    """node index -> {bounds, client, pointer, scrolls} for the nodes of one document that
    have a layout box."""
    lay = doc["layout"]
    scroll_rects, client_rects = lay.get("scrollRects") or [], lay.get("clientRects") or []
    out: dict[int, _Json] = {}
    for i, node_index in enumerate(lay["nodeIndex"]):
        if node_index in out:
            continue
        styles = [strings[s] if s >= 0 else "" for s in lay["styles"][i]] if i < len(
            lay["styles"]) else []
        styles += [""] * (len(STYLES) - len(styles))
        client = client_rects[i] if i < len(client_rects) and client_rects[i] else None
        content = scroll_rects[i] if i < len(scroll_rects) and scroll_rects[i] else None
        scrolls = client is not None and content is not None and (
            (styles[1] in SCROLLS and content[2] > client[2] + 1)
            or (styles[2] in SCROLLS and content[3] > client[3] + 1))
        out[node_index] = {"bounds": lay["bounds"][i], "client": client,
                           "pointer": styles[0] == "pointer", "scrolls": scrolls}
    return out


def _attributes(pairs: list[int], strings: list[str]) -> dict[str, str]:
    names = (strings[i] for i in pairs[0::2])
    values = (strings[i] for i in pairs[1::2])
    return {k: v for k, v in zip(names, values, strict=False) if k in ATTRIBUTES}


def _node(n: _Json, layout: dict[int, _Json], prefix: str = "") -> _Json:
    props = {p["name"]: p.get("value", {}).get("value") for p in n.get("properties", [])}
    backend = n.get("backendDOMNodeId")
    box = layout.get(backend if backend is not None else -1, {})
    return {
        "id": prefix + n["nodeId"],
        "role": n.get("role", {}).get("value", ""),
        "name": str(n.get("name", {}).get("value") or ""),
        "value": str(n.get("value", {}).get("value") or ""),
        "description": str(n.get("description", {}).get("value") or ""),
        "props": props,
        "bounds": box.get("bounds"),
        "clickable": box.get("clickable", False),
        "scrollable": box.get("scrollable", False),
        "tag": box.get("tag", ""),
        "attrs": box.get("attrs", {}),
        "ignored": bool(n.get("ignored")),
        "children": [prefix + c for c in n.get("childIds", [])],
        "backend": backend,
    }
