"""signature: the same page whatever its states, different pages apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from perception import parse_uiautomator, signature

FIXTURES = Path(__file__).parent / "fixtures"
DUMPS = Path(__file__).resolve().parents[2] / "datasets" / "dumps"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def sig(xml: str) -> str:
    return signature(parse_uiautomator(xml))


def edit(xml: str, change) -> str:
    root = etree.fromstring(xml.encode())
    change(root)
    return etree.tostring(root, encoding="unicode")


def set_attr(xpath: str, name: str, value: str):
    def change(root: etree._Element) -> None:
        for node in root.xpath(xpath):
            node.set(name, value)
    return change


def drop_rows(count: int):
    """Scroll: the first rows of every list leave, the rest move up."""
    def change(root: etree._Element) -> None:
        for holder in root.xpath("//node[@class='androidx.recyclerview.widget.RecyclerView']"):
            for row in list(holder)[:count]:
                holder.remove(row)
    return change


SETTINGS = read(DUMPS / "settings_list.xml")
FORM = read(DUMPS / "signup_form_keyboard.xml")
ROWS = read(FIXTURES / "switch_rows.xml")
MESSAGES = read(DUMPS / "messaging_thread.xml")

SAME_PAGE = [
    ("checked states", ROWS, edit(ROWS, set_attr("//node[@checkable='true']", "checked",
                                                  "false"))),
    ("typed text", FORM, edit(FORM, set_attr("//node[contains(@resource-id, 'email')]",
                                             "text", "anna@example.com"))),
    ("clock", SETTINGS, SETTINGS.replace('text="10:42"', 'text="11:07"')
                                .replace('content-desc="10:42"', 'content-desc="11:07"')),
    ("battery and notifications", SETTINGS, SETTINGS.replace("84 percent", "83 percent")),
    ("scrolled list", SETTINGS, edit(SETTINGS, drop_rows(4))),
    ("scrolled messages", MESSAGES, MESSAGES.replace("Hey! Are we", "New message, are we")),
    ("focus", FORM, edit(FORM, set_attr("//node[@focused='true']", "focused", "false"))),
]


@pytest.mark.unit
@pytest.mark.parametrize(("what", "before", "after"), SAME_PAGE, ids=[s[0] for s in SAME_PAGE])
def test_same_page_same_signature(what: str, before: str, after: str) -> None:
    assert before != after
    assert sig(before) == sig(after)


@pytest.mark.unit
def test_keyboard_does_not_change_the_page() -> None:
    no_keyboard = edit(FORM, lambda root: root.remove(root[2]))  # the keyboard's window
    assert "inputmethod" not in no_keyboard
    assert sig(FORM) == sig(no_keyboard)


@pytest.mark.unit
def test_toast_does_not_change_the_page() -> None:
    toast = ('<node index="0" text="" resource-id="" class="android.widget.LinearLayout" '
             'package="com.android.settings" content-desc="" checkable="false" checked="false" '
             'clickable="false" enabled="true" focusable="false" focused="false" '
             'scrollable="false" long-clickable="false" password="false" selected="false" '
             'bounds="[200,1900][880,2040]"><node index="0" text="Copied to clipboard" '
             'resource-id="android:id/message" class="android.widget.TextView" '
             'package="com.android.settings" content-desc="" checkable="false" checked="false" '
             'clickable="false" enabled="true" focusable="false" focused="false" '
             'scrollable="false" long-clickable="false" password="false" selected="false" '
             'bounds="[240,1930][840,2010]" /></node></hierarchy>')
    with_toast = SETTINGS.replace("</hierarchy>", toast)
    assert sig(with_toast) == sig(SETTINGS)


@pytest.mark.unit
def test_different_pages_differ() -> None:
    pages = [read(p) for p in sorted(DUMPS.glob("*.xml"))]
    # appium.xml is another settings list with no title, as switch_rows.xml: no tree tells
    # such pages apart without reading the items a scroll changes.
    skip = {"truncated.xml", "appium.xml"}
    pages += [read(p) for p in sorted(FIXTURES.glob("*.xml")) if p.name not in skip]
    signatures = [sig(xml) for xml in pages]
    assert len(set(signatures)) == len(signatures)


@pytest.mark.unit
def test_dialog_and_selected_tab_make_another_page() -> None:
    dialog = read(DUMPS / "delete_dialog.xml")
    no_dialog = edit(dialog, lambda root: root.remove(root[1]))
    assert sig(dialog) != sig(no_dialog)
    contacts = read(DUMPS / "appium_contacts.xml")
    other_tab = contacts.replace('selected="true"', 'selected="false"', 1)
    assert sig(contacts) != sig(other_tab)


@pytest.mark.unit
def test_same_layout_other_title_differs() -> None:
    assert sig(ROWS.replace('text="Bluetooth"', 'text="NFC"')) == sig(ROWS)  # a list's item
    other = MESSAGES.replace('text="Anna Schmidt"', 'text="Ben Carter"')
    assert sig(other) != sig(MESSAGES)  # another conversation: its title is outside the list


@pytest.mark.unit
def test_signature_is_short_and_stable() -> None:
    first = sig(SETTINGS)
    assert first == sig(SETTINGS) and len(first) == 16
