"""Drives a VirtualPhone the way a script drives a real one: read the uiautomator dump, find a
node by text, content-desc or resource id, tap the centre of its bounds."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from devices.actions import Point, TypeText

SUITE = Path(__file__).resolve().parents[2] / "datasets" / "tasks" / "virtual-phone" / "dev"
_BOUNDS = re.compile(r"\[(-?\d+),(-?\d+)\]\[(-?\d+),(-?\d+)\]")


@dataclass(frozen=True)
class Node:
    text: str
    desc: str
    rid: str
    cls: str
    bounds: tuple[int, int, int, int]
    scrollable: bool
    enabled: bool

    @property
    def centre(self) -> tuple[int, int]:
        x1, y1, x2, y2 = self.bounds
        return (x1 + x2) // 2, (y1 + y2) // 2


def load_task(task_id: str) -> dict[str, Any]:
    return yaml.safe_load((SUITE / f"{task_id}.yaml").read_text(encoding="utf-8"))


class Driver:
    def __init__(self, phone: Any) -> None:
        self.phone = phone

    def nodes(self) -> list[Node]:
        root = ET.fromstring(self.phone.dump_hierarchy().encode("utf-8"))
        out = []
        for n in root.iter("node"):
            b = tuple(int(v) for v in _BOUNDS.fullmatch(n.get("bounds", "")).groups())
            out.append(Node(n.get("text", ""), n.get("content-desc", ""),
                            n.get("resource-id", "").split(":id/")[-1], n.get("class", ""),
                            b, n.get("scrollable") == "true", n.get("enabled") == "true"))
        return out

    def find(self, text: str = "", desc: str = "", rid: str = "",
             prefix: bool = False) -> Node | None:
        def same(got: str, want: str) -> bool:
            return got.startswith(want) if prefix else got == want

        # windows are dumped topmost first: the first match is the one a finger reaches
        for node in self.nodes():
            if ((text and same(node.text, text)) or (desc and same(node.desc, desc))
                    or (rid and node.rid == rid)):
                return node
        return None

    def tap(self, text: str = "", desc: str = "", rid: str = "", prefix: bool = False,
            scrolls: int = 6) -> Node:
        node = self.find(text, desc, rid, prefix)
        for _ in range(scrolls):
            if node is not None:
                break
            self.scroll_down()
            node = self.find(text, desc, rid, prefix)
        assert node is not None, f"nothing on screen with text={text!r} desc={desc!r} rid={rid!r}"
        self.phone.tap(*node.centre)
        return node

    def scroll_down(self) -> None:
        """Swipe up on the biggest scrollable of the app."""
        lists = [n for n in self.nodes() if n.scrollable]
        assert lists, "nothing scrolls here"
        big = max(lists, key=lambda n: (n.bounds[3] - n.bounds[1]))
        x = (big.bounds[0] + big.bounds[2]) // 2
        top, bottom = big.bounds[1], big.bounds[3]
        self.phone.swipe(x, bottom - 60, x, top + (bottom - top) // 3, 300)

    def type_into(self, text: str, rid: str) -> None:
        self.tap(rid=rid)
        self.phone.input_text(text)

    def replace_text(self, text: str, rid: str) -> None:
        """Replace a field's text, as uiautomator2's `send_keys` does."""
        node = self.find(rid=rid)
        assert node is not None, f"no field {rid!r} on screen"
        self.phone.execute(TypeText(text, target=Point(*node.centre), clear=True))

    def find_all(self, rid: str) -> list[Node]:
        return [n for n in self.nodes() if n.rid == rid]

    def texts(self) -> list[str]:
        return [n.text for n in self.nodes() if n.text]

    def state(self, key: str) -> Any:
        return self.phone.state()[key]

    def home(self) -> None:
        self.phone.press_key("home")
