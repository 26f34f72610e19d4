"""Seeds other than 0: each draws its own data and layout, the same seed always the same
phone, and every layout variant still works when driven as a script drives a phone."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import fields

import pytest
from phone_driver import Driver
from screen_tour import SETTINGS_PAGES, digest

from devices.virtual.phone import VirtualPhone
from devices.virtual.variant import Variant
from devices.virtual.world import World
from devices.virtual.world_data.people import ascii_fold

pytestmark = pytest.mark.sim

SEEDS = range(1, 11)


def first_screens(phone: VirtualPhone) -> dict[str, str]:
    """The digest of every app's first page and of every Settings category's page."""
    d = Driver(phone)
    out = {"launcher": digest(phone)}
    for app in ("contacts", "messages", "clock", "notes", "shop", "game", "settings"):
        phone.start_app(app)
        out[app] = digest(phone)
    for name in SETTINGS_PAGES:
        phone.force_stop("settings")
        phone.start_app("settings")
        d.tap(rid=f"category_{name}")
        out[f"settings/{name}"] = digest(phone)
    return out


def script(text: str) -> str:
    """The script a name is written in: the first word of its first letter's Unicode name."""
    letter = next(ch for ch in text if ch.isalpha())
    word = unicodedata.name(letter).split()[0]
    return {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "HANGUL"}.get(word, word)


def seeds_where(test) -> list[int]:
    return [s for s in range(1, 41) if test(World(s).variant)]


# --- the same seed, the same phone ---------------------------------------------------------


def test_a_seed_gives_the_same_phone_every_time() -> None:
    for seed in (1, 7):
        assert VirtualPhone(seed=seed).state() == VirtualPhone(seed=seed).state()
        assert first_screens(VirtualPhone(seed=seed)) == first_screens(VirtualPhone(seed=seed))


def test_seeds_differ_in_data_and_most_in_layout() -> None:
    states = [VirtualPhone(seed=s).state() for s in (0, *SEEDS)]
    for key, path in (("contacts", "contacts"), ("messages", "threads"), ("notes", "notes"),
                      ("clock", "alarms"), ("shop", "products")):
        values = [json.dumps(st[key][path], sort_keys=True) for st in states]
        assert len(set(values)) == len(values), f"two seeds share {key}.{path}"
    variants = [World(s).variant for s in SEEDS]
    assert sum(v != Variant.reference() for v in variants) >= 9
    assert len(set(variants)) == len(variants)


def test_states_are_json_and_switches_start_off() -> None:
    for seed in SEEDS:
        state = VirtualPhone(seed=seed).state()
        assert json.loads(json.dumps(state)) == state
        system = state["system"]
        assert not (system["wifi"] or system["bluetooth"] or system["airplane_mode"]
                    or system["dark_mode"])
    batteries = {VirtualPhone(seed=s).state()["system"]["battery"] for s in SEEDS}
    assert len(batteries) >= 5


# --- data ---------------------------------------------------------------------------------


def test_people_are_many_cultures_with_unique_first_and_full_names() -> None:
    scripts: set[str] = set()
    for seed in SEEDS:
        contacts = VirtualPhone(seed=seed).state()["contacts"]["contacts"]
        firsts = [c["first_name"].casefold() for c in contacts]
        names = [c["name"] for c in contacts]
        assert 15 <= len(contacts) <= 30
        assert len(set(firsts)) == len(firsts) and len(set(names)) == len(names)
        assert all(c["phone"] for c in contacts) and any(not c["email"] for c in contacts)
        seed_scripts = {script(n) for n in names}
        assert "LATIN" in seed_scripts and len(seed_scripts) >= 2
        scripts |= seed_scripts
    assert {"LATIN", "ARABIC", "CJK", "HANGUL", "CYRILLIC", "GREEK", "DEVANAGARI",
            "HEBREW"} <= scripts


def test_some_seeds_have_family_members_by_role() -> None:
    roles = {"Mom", "Dad", "Grandma", "Grandpa", "Mum", "Nana", "Papa", "Mamá", "Oma", "Opa",
             "Baba", "Auntie Rose", "Uncle Sam"}
    with_roles = [s for s in SEEDS if roles & {c["name"] for c in
                                               VirtualPhone(seed=s).state()["contacts"]["contacts"]}]
    assert 2 <= len(with_roles) < len(SEEDS)


def test_threads_are_with_the_seeds_people_and_a_business() -> None:
    for seed in SEEDS:
        state = VirtualPhone(seed=seed).state()
        phones = {c["phone"]: c["name"] for c in state["contacts"]["contacts"]}
        threads = state["messages"]["threads"]
        people = [t for t in threads if t["phone"] in phones]
        assert len(people) >= 3 and len(threads) > len(people)
        assert all(phones[t["phone"]] == t["contact"] for t in people)
        assert [t["id"] for t in threads] == sorted(t["id"] for t in threads)  # newest first
        assert all(t["messages"] and t["messages"][0]["text"] for t in threads)
        assert not any("{" in m["text"] for t in threads for m in t["messages"])


def test_notes_and_alarms_are_drawn_in_the_documented_order() -> None:
    for seed in SEEDS:
        state = VirtualPhone(seed=seed).state()
        notes = state["notes"]["notes"]
        assert len(notes) >= 5 and [n["id"] for n in notes] == sorted(
            (n["id"] for n in notes), reverse=True)
        assert all(n["title"] and n["body"] and "{" not in n["title"] + n["body"]
                   for n in notes)
        alarms = state["clock"]["alarms"]
        assert 2 <= len(alarms) <= 6
        assert alarms == sorted(alarms, key=lambda a: (a["hour"], a["minute"]))


def test_a_seeds_catalogue_is_listed_and_bought_at_its_prices() -> None:
    phone = VirtualPhone(seed=4, app="shop")
    products = phone.state()["shop"]["products"]
    assert len(products) >= 12 and all(isinstance(p["price"], int) for p in products)
    d = Driver(phone)
    first = products[0]
    d.tap(text=first["name"])
    d.tap(rid="add_to_cart_button")
    d.tap(rid="action_cart")
    d.tap(rid="checkout_button")
    d.replace_text("1 Main St", rid="shipping_address")
    d.tap(rid="pay_button")
    order = d.state("shop")["orders"][0]
    assert order["items"] == [{"product": first["name"], "qty": 1,
                               "price": first["price"] / 100}]


def test_a_task_state_still_overrides_a_seeds_data() -> None:
    products = [{"name": "Kettle", "price": 2500, "category": "Kitchen", "description": "1 l"}]
    phone = VirtualPhone(seed=3, state={"shop": {"products": products},
                                        "system": {"wifi": True, "battery": 12}})
    state = phone.state()
    assert state["shop"]["products"] == products
    assert state["system"]["wifi"] and state["system"]["battery"] == 12
    assert state["contacts"] == VirtualPhone(seed=3).state()["contacts"]


# --- layout variants, driven --------------------------------------------------------------


def test_every_variant_value_occurs_on_some_seed() -> None:
    for f in fields(Variant):
        values = {getattr(World(s).variant, f.name) for s in range(1, 41)}
        assert len(values) >= 2, f"{f.name} never varies"


def test_wifi_behind_an_internet_page_is_turned_on_and_connected() -> None:
    seed = seeds_where(lambda v: v.internet_page)[0]
    phone = VirtualPhone(seed=seed, app="settings")
    d = Driver(phone)
    network = phone.world.variant.settings_title("network")
    d.tap(text=network)
    assert d.find(rid="wifi_switch_row") is None  # not on this page: one level deeper
    d.tap(text="Internet")
    d.tap(rid="wifi_switch_row")
    assert d.state("system")["wifi"]
    home = d.state("settings")["saved_networks"][0]
    d.tap(text=home)
    assert d.state("system")["wifi_network"] == home


def test_wifi_on_the_network_page_where_there_is_no_internet_page() -> None:
    seed = seeds_where(lambda v: not v.internet_page)[0]
    d = Driver(VirtualPhone(seed=seed, app="settings"))
    d.tap(text=d.phone.world.variant.settings_title("network"))
    d.tap(rid="wifi_switch_row")
    assert d.state("system")["wifi"]


def test_dark_theme_behind_appearance() -> None:
    seed = seeds_where(lambda v: v.appearance_page)[0]
    d = Driver(VirtualPhone(seed=seed, app="settings"))
    d.tap(text=d.phone.world.variant.settings_title("display"))
    assert d.find(rid="dark_theme_row") is None
    d.tap(text="Appearance")
    d.tap(rid="dark_theme_row")
    assert d.state("system")["dark_mode"]


def test_settings_lists_categories_in_the_variants_order_and_names() -> None:
    seed = seeds_where(lambda v: v.settings_order[2] != "apps")[0]
    d = Driver(VirtualPhone(seed=seed, app="settings"))
    variant = d.phone.world.variant
    rows = d.find_all("title")
    want = [variant.settings_title(k) for k in variant.settings_order]
    assert [n.text for n in rows] == want[:len(rows)]


def test_settings_search_finds_a_category_by_this_phones_name() -> None:
    seed = seeds_where(lambda v: v.settings_title("network") == "Connections")[0]
    d = Driver(VirtualPhone(seed=seed, app="settings"))
    d.replace_text("connect", rid="search_src_text")
    assert "Connections" in d.texts()


def test_contacts_toolbar_button_creates_a_contact() -> None:
    seed = seeds_where(lambda v: v.contacts_add == "toolbar")[0]
    d = Driver(VirtualPhone(seed=seed, app="contacts"))
    assert d.find(desc="Create contact") is None
    d.tap(desc="Add contact")
    d.replace_text("Zeynep", rid="editor_first_name")
    d.replace_text("555-0199", rid="editor_phone")
    d.tap(text="Save")
    assert any(c["name"] == "Zeynep" for c in d.state("contacts")["contacts"])


def test_contacts_sorted_by_last_name() -> None:
    seed = seeds_where(lambda v: v.contacts_sort == "last")[0]
    phone = VirtualPhone(seed=seed, app="contacts")
    shown = [n.text for n in Driver(phone).find_all("title") if n.text != "Contacts"]
    people = {c["name"]: c for c in phone.state()["contacts"]["contacts"]}
    keys = [people[name]["last_name"] or people[name]["first_name"] for name in shown]
    latin = [k for k in keys if k[:1].isascii()]
    assert latin == sorted(latin, key=lambda k: ascii_fold(k).casefold())


def test_clock_opens_on_its_first_tab() -> None:
    seed = seeds_where(lambda v: v.clock_tabs[0] != "alarm")[0]
    d = Driver(VirtualPhone(seed=seed, app="clock"))
    tabs = [n for n in d.nodes() if n.rid.startswith("tab_")]
    assert [n.rid for n in tabs] == [f"tab_{k}" for k in d.phone.world.variant.clock_tabs]
    assert d.find(rid="alarm_recycler_view") is None  # not on the alarm tab
    d.tap(rid="tab_alarm")
    assert d.find(rid="alarm_recycler_view") is not None


def test_messages_toolbar_button_starts_a_conversation() -> None:
    seed = seeds_where(lambda v: v.messages_new == "toolbar")[0]
    d = Driver(VirtualPhone(seed=seed, app="messages"))
    assert d.find(desc="Start chat") is None
    d.tap(desc="New conversation")
    d.replace_text("555-0142", rid="recipient_text_view")
    d.tap(text="Send to 555-0142")
    d.replace_text("On my way", rid="compose_message_text")
    d.tap(desc="Send SMS")
    assert d.state("messages")["sent"] == [{"to": "555-0142", "phone": "555-0142",
                                            "text": "On my way"}]
