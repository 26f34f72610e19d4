"""Reading uiautomator XML (a `uiautomator dump`, uiautomator2's dump, Appium's page source)
into the few nodes that matter, in one streaming pass.

Each XML node is judged as it opens, with what its ancestors already decided:

- pure layout (nothing to say, nothing to do): no record, it only passes its context down;
- an *absorber* (clickable, long-clickable or editable, not scrollable): a target that
  collects the labels and the checkable state of the plain nodes under it;
- a *scrollable*: a list; it never collects labels, and is the container of what it holds;
- a plain node with text, a description or a checkable state: merged into the nearest
  absorber above it, or kept on its own when there is none.

Whether a merge really happens is decided later, when bounds and counts are known
(`perception.merge`).
"""

from __future__ import annotations

import re

from lxml import etree

from perception.errors import PerceptionError
from perception.roles import is_editable_class

_T = "true"
# Private-use icon glyphs (icon fonts) and zero-width characters carry no readable text.
_DROP = {c: None for c in range(0xE000, 0xF900)} | {0x200B: None, 0xFEFF: None, 0x200E: None}
# Java's XML serializer writes characters beyond the BMP as two surrogate references.
_SURROGATES = re.compile(r"&#(5[5-7]\d{3});(?:&#(5[6-7]\d{3});)?")


def clean_text(value: str | None) -> str:
    """Text as a person reads it: icon glyphs dropped, blanks collapsed, ends stripped."""
    if not value:
        return ""
    if not value.isascii():
        value = value.translate(_DROP)
    if "\n" in value or "  " in value or "\t" in value or "\r" in value:
        value = " ".join(value.split())
    return value.strip()


def parse_bounds(value: str | None) -> tuple[int, int, int, int]:
    """`[x1,y1][x2,y2]` -> (x1, y1, x2, y2); anything unreadable is an empty rectangle."""
    if not value:
        return (0, 0, 0, 0)
    try:
        x1, y1, x2, y2 = value[1:-1].replace("][", ",").split(",")
        return (int(x1), int(y1), int(x2), int(y2))
    except ValueError:
        return (0, 0, 0, 0)


class RawNode:
    """One XML node that may become an element (or part of one)."""

    __slots__ = (
        "absorbed", "bounds", "checkable", "checked", "class_name", "clickable", "container",
        "description", "editable", "enabled", "focused", "hint", "index", "kind",
        "long_clickable", "merge", "outer", "owner", "package", "parent", "password", "raw_bounds",
        "resource_id", "scrollable", "selected", "text", "window",
    )

    def __init__(self) -> None:
        self.absorbed: list[RawNode] = []
        self.owner: RawNode | None = None  # the absorber this node's label merges into
        self.outer: RawNode | None = None  # the nearest actionable node above
        self.container: RawNode | None = None  # the nearest scrollable node above
        self.bounds: tuple[int, int, int, int] | None = None  # clipped to the screen; None: unseen
        self.merge: list[RawNode] | None = None  # the absorbed nodes it really takes

    @property
    def label(self) -> str:
        return self.text or self.description


# What a node hands its children: (owner, container, outer, window).
_Context = tuple[RawNode | None, RawNode | None, RawNode | None, int]

_EDIT_HINTS = ("Edit", "AutoComplete", "TextField")


def _may_matter(e: etree._Element) -> bool:
    """A cheap first look: can this node do or say anything? (The rest is layout.)"""
    g = e.get
    if g("text") or g("content-desc") or g("clickable") == _T or g("scrollable") == _T:
        return True
    if g("long-clickable") == _T or g("checkable") == _T:
        return True
    class_name = g("class")
    return bool(class_name) and any(h in class_name for h in _EDIT_HINTS)


class TreeReader:
    """Reads a parsed tree into `RawNode`s; see the module docstring."""

    def __init__(self, root: etree._Element) -> None:
        self.root: dict[str, str] = dict(root.attrib) if root.tag == "hierarchy" else {}
        tops = list(root) if root.tag == "hierarchy" else [root]
        self.windows = [(w.get("package") or "", parse_bounds(w.get("bounds"))) for w in tops]
        self.nodes: list[RawNode] = []
        self._context: dict[etree._Element, _Context] = {
            w: (None, None, None, i) for i, w in enumerate(tops)
        }
        self._parents: dict[etree._Element, int] = {}  # keeps parent proxies alive, numbered
        self._element = root
        self.screen = (0, 0, 0, 0)

    def read(self, width: int, height: int) -> None:
        """Collect the nodes visible on a `width` x `height` screen."""
        self.screen = (0, 0, width, height)
        for element in self._element.iter():
            if element.tag != "hierarchy" and _may_matter(element):
                self._visit(element)

    def _context_of(self, element: etree._Element) -> tuple[_Context, int]:
        """The context the nearest candidate above hands down, and the parent's number."""
        parent = element.getparent()
        number = self._parents.setdefault(parent, len(self._parents))
        if element in self._context:  # a window's root
            return self._context[element], number
        passed = []
        above = parent
        context: _Context = (None, None, None, -1)
        while above is not None:
            found = self._context.get(above)
            if found is not None:
                context = found
                break
            passed.append(above)
            above = above.getparent()
        for layout in passed:  # layout nodes pass the context on; siblings find it at once
            self._context[layout] = context
        return context, number

    def _visit(self, element: etree._Element) -> None:
        (owner, container, outer, window), parent = self._context_of(element)
        node = _node(element, len(self.nodes), parent, window, self.screen)
        if node is None:
            if element not in self._context:
                self._context[element] = (owner, container, outer, window)
            return
        node.container, node.outer = container, outer
        self.nodes.append(node)
        if node.kind == "list":
            self._context[element] = (None, node, node, window)
        elif node.kind == "target":
            self._context[element] = (node, container, node, window)
        else:
            if owner is not None:
                node.owner = owner
                owner.absorbed.append(node)
            self._context[element] = (owner, container, outer, window)


def _visible(raw: tuple[int, int, int, int],
             screen: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
    """The part of `raw` on the screen, None when nothing is."""
    x1, y1, x2, y2 = raw
    x1, y1 = max(x1, 0), max(y1, 0)
    x2, y2 = min(x2, screen[2]), min(y2, screen[3])
    return (x1, y1, x2, y2) if x2 > x1 and y2 > y1 else None


def _node(e: etree._Element, index: int, parent: int, window: int,
          screen: tuple[int, int, int, int]) -> RawNode | None:
    g = e.get
    if g("visible-to-user") == "false" or g("displayed") == "false":
        return None
    raw = parse_bounds(g("bounds"))
    bounds = _visible(raw, screen)
    if bounds is None:
        return None
    clickable = g("clickable") == _T
    long_clickable = g("long-clickable") == _T
    checkable = g("checkable") == _T
    scrollable = g("scrollable") == _T
    class_name = g("class") or ""
    editable = is_editable_class(class_name) if class_name else False
    text = clean_text(g("text"))
    description = clean_text(g("content-desc"))
    if not (clickable or long_clickable or checkable or scrollable or editable or text
            or description):
        return None
    n = RawNode()
    n.index, n.parent, n.window = index, parent, window
    n.raw_bounds, n.bounds = raw, bounds
    n.class_name, n.package = class_name, g("package") or ""
    n.resource_id = g("resource-id") or ""
    n.text, n.description = text, description
    n.hint = clean_text(g("hint"))
    n.clickable, n.long_clickable, n.checkable = clickable, long_clickable, checkable
    n.scrollable, n.editable = scrollable, editable
    n.checked = g("checked") == _T
    n.focused = g("focused") == _T
    n.enabled = g("enabled") != "false"
    n.selected = g("selected") == _T
    n.password = g("password") == _T
    if editable and text and (text == n.hint or g("showing-hint") == _T):
        n.hint, n.text = text, ""  # an empty field shows its hint as its text
    if scrollable and not editable:
        n.kind = "list"
    elif clickable or long_clickable or editable:
        n.kind = "target"
    else:
        n.kind = "plain"
    return n


def _fix_surrogates(match: re.Match[str]) -> str:
    high, low = int(match.group(1)), match.group(2)
    if low is not None and 0xD800 <= high < 0xDC00 and 0xDC00 <= int(low) < 0xE000:
        return chr(0x10000 + ((high - 0xD800) << 10) + (int(low) - 0xDC00))
    if 0xD800 <= high < 0xE000:
        return "\ufffd" + (f"&#{low};" if low is not None else "")
    return match.group(0)


def extract_document(xml: str) -> str:
    """The XML document inside what a tool printed: leading junk and trailing notes cut off."""
    if not isinstance(xml, str):
        raise PerceptionError(f"tree must be a str, not {type(xml).__name__}")
    start = xml.find("<?xml")
    if start < 0:
        start = xml.find("<hierarchy")
    if start < 0:
        start = xml.find("<")
    if start < 0:
        raise PerceptionError("no XML in the tree" if xml.strip() else "the tree is empty")
    end = xml.rfind("</hierarchy>")
    end = end + len("</hierarchy>") if end >= 0 else xml.rfind(">") + 1
    doc = xml[start:end]
    if "&#5" in doc:
        doc = _SURROGATES.sub(_fix_surrogates, doc)
    return doc


def _parser() -> etree.XMLParser:
    # No entity expansion or network: a tree comes from a device and is data, never trusted.
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True,
                           remove_comments=True, remove_pis=True, load_dtd=False)


_PARSER = _parser()


def parse_document(xml: str) -> etree._Element:
    """The root element of the XML in `xml`; PerceptionError on anything unreadable."""
    doc = extract_document(xml)
    if "<!DOCTYPE" in doc or "<!ENTITY" in doc:
        raise PerceptionError("a document type declaration has no place in a UI dump")
    try:
        return etree.fromstring(doc.encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError as e:
        raise PerceptionError("malformed XML: " + " ".join((e.msg or str(e)).split())) from e


def read_tree(xml: str) -> TreeReader:
    """A `TreeReader` over the parsed XML, nodes not read yet (see `TreeReader.read`);
    PerceptionError on anything unreadable."""
    root = parse_document(xml)
    if root.tag != "hierarchy" and root.get("bounds") is None:
        raise PerceptionError(f"not a UI hierarchy: the root element is <{root.tag}>")
    return TreeReader(root)
