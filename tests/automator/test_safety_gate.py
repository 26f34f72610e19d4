"""The safety gate and the generic sensitive-action rules, on hand-built screens."""

import pytest

from automator.safety import check_categories, gate
from devices.actions import Direction, ElementRef, Point, Scroll, Tap, TypeText
from perception.elements import Bounds, Screen, UIElement
from perception.sensitive import classify_element, sensitive_category


def _el(i, text="", desc="", rid="", role="button", top=None, **kw):
    top = 200 + 150 * i if top is None else top
    return UIElement(i, role, Bounds(0, top, 1080, top + 120), text=text, description=desc,
                     resource_id=rid, clickable=True, **kw)


def _screen(*elements):
    return Screen(1080, 2400, tuple(elements), app="com.example")


CHECKOUT = _screen(
    UIElement(0, "text", Bounds(0, 100, 1080, 200), text="Checkout"),
    UIElement(1, "text", Bounds(0, 200, 1080, 300), text="Order total: $42.50"),
    _el(2, "Pay $42.50", rid="com.shop:id/pay_button"),
    _el(3, "Back to cart"),
)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("element", "screen", "category"),
    [
        (_el(0, "Pay $42.50"), CHECKOUT, "payment"),
        (_el(0, "Buy now"), _screen(), "payment"),
        (_el(0, "Place order"), _screen(), "payment"),
        (_el(0, "Jetzt kaufen"), _screen(), "payment"),
        (_el(0, "", desc="Delete"), _screen(), "deletion"),
        (_el(0, "", rid="com.mail:id/delete_button"), _screen(), "deletion"),
        (_el(0, "Supprimer"), _screen(), "deletion"),
        (_el(0, "Löschen"), _screen(), "deletion"),
        (_el(0, "Clear data"), _screen(), "deletion"),
        (_el(0, "Uninstall"), _screen(), "uninstall"),
        (_el(0, "Install"), _screen(), "install"),
        (_el(0, "Send money"), _screen(), "send_money"),
        (_el(0, "Allow"), _screen(), "permission"),
        (_el(0, "While using the app"), _screen(), "permission"),
        (_el(0, "Back to cart"), CHECKOUT, None),
        (_el(0, "Display"), _screen(), None),  # "pay" only as a word
        (_el(0, "Reset timer"), _screen(), None),
        (_el(0, "Send"), _screen(UIElement(1, "text", Bounds(0, 0, 9, 9), text="See you")),
         "send"),
        (_el(0, "Allow notifications", role="switch", checkable=True), _screen(), None),
        (_el(0, "Delete the meeting notes from last Tuesday and tell Anna"), _screen(), None),
        # calls: a call control or a number shown with its kind; not a log, not hanging up
        (_el(0, "Call"), _screen(), "call"),
        (_el(0, "", desc="Video call"), _screen(), "call"),
        (_el(0, "Anrufen"), _screen(), "call"),
        (_el(0, "", rid="com.dialer:id/call_button"), _screen(), "call"),
        (_el(0, "+44 20 7946 0321", desc="Work"), _screen(), "call"),
        (_el(0, "tel:5550172"), _screen(), "call"),
        (_el(0, "Call log"), _screen(), None),
        (_el(0, "End call"), _screen(), None),
        (_el(0, "Callum Reyes", desc="Call me when you land | 9:12 AM"), _screen(), None),
        (_el(0, "555-0172", desc="See you soon | Sun"), _screen(), None),  # a thread
        (_el(0, "Call Grandpa"), _screen(), "call"),
        # a row showing an item's lines is the item: a note, a draft
        (_el(0, "Call the landlord | Thursday, about the boiler"), _screen(), None),
        (_el(0, "Send invoice to Mara | Draft · 2 pages"), _screen(), None),
        (_el(0, "555-0172", desc="Mobile", role="input", editable=True), _screen(), None),
        # sending, in several languages; money sent is still send_money
        (_el(0, "", desc="Send SMS"), _screen(), "send"),
        (_el(0, "Envoyer"), _screen(), "send"),
        (_el(0, "Send read receipts", role="switch", checkable=True), _screen(), None),
        (_el(1, "Send"), _screen(UIElement(0, "text", Bounds(0, 0, 9, 9),
                                           text="Transfer $50.00 to Ada")), "send_money"),
    ],
)
def test_labels_classify(element, screen, category):
    found = classify_element(element, screen)
    assert (found.category if found else None) == category


@pytest.mark.unit
def test_generic_confirmation_takes_its_category_from_the_screen():
    ok = _el(2, "OK")
    dialog = _screen(UIElement(0, "text", Bounds(0, 0, 1080, 90), text="Delete 3 photos?"), ok)
    assert classify_element(ok, dialog).category == "deletion"
    order = _screen(UIElement(0, "text", Bounds(0, 0, 1080, 90), text="Total 12,99 €"),
                    UIElement(1, "text", Bounds(0, 90, 1080, 180), text="Confirm payment"), ok)
    assert classify_element(ok, order).category == "payment"
    plain = _screen(UIElement(0, "text", Bounds(0, 0, 1080, 90), text="Alarm saved"), ok)
    assert classify_element(ok, plain) is None


@pytest.mark.unit
def test_points_hit_the_smallest_clickable_element_and_only_taps_are_gated():
    assert sensitive_category(Tap(Point(500, 560)), CHECKOUT) == "payment"
    assert sensitive_category(Tap(ElementRef(2)), CHECKOUT) == "payment"
    assert sensitive_category(Tap(ElementRef(3)), CHECKOUT) is None
    assert sensitive_category(TypeText("pay", ElementRef(2)), CHECKOUT) is None
    assert sensitive_category(Scroll(Direction.DOWN), CHECKOUT) is None


@pytest.mark.unit
def test_gate_asks_and_respects_the_answer_and_the_allow_list():
    asked = []

    def refuse(category, description):
        asked.append((category, description))
        return False

    pay = Tap(Point(540, 560))
    refused = gate(pay, CHECKOUT, confirm=refuse, original=Tap(ElementRef(2)))
    assert not refused.allowed and refused.category == "payment"
    assert asked and "Pay $42.50" in asked[0][1]
    assert gate(pay, CHECKOUT, confirm=lambda c, d: True).allowed
    assert not gate(pay, CHECKOUT).allowed  # nobody to ask: refuse
    allowed = gate(pay, CHECKOUT, allow={"payment"}, confirm=refuse)
    assert allowed.allowed and len(asked) == 1  # pre-approved: not asked again
    assert gate(Tap(Point(540, 710)), CHECKOUT).allowed  # "Back to cart"


@pytest.mark.unit
def test_unknown_categories_are_rejected():
    assert check_categories(["payment", "deletion"]) == {"payment", "deletion"}
    with pytest.raises(ValueError, match="teleport"):
        check_categories(["teleport"])


@pytest.mark.unit
def test_confirmation_context_is_its_own_window_text_not_other_buttons():
    ok = _el(0, "OK")
    beside_delete_button = _screen(ok, _el(1, "Delete"), UIElement(2, "text", Bounds(0, 0, 9, 9),
                                                                  text="Set alarm time"))
    assert classify_element(ok, beside_delete_button) is None
    dialog_ok = _el(0, "OK", window=1)
    confirm_dialog = _screen(
        dialog_ok, UIElement(1, "text", Bounds(0, 0, 9, 9), text="Delete alarm?", window=1)
    )
    found = classify_element(dialog_ok, confirm_dialog)
    assert found is not None and found.category == "deletion"
    app_title = UIElement(1, "text", Bounds(0, 0, 9, 9), text="Delete account", window=0)
    assert classify_element(dialog_ok, _screen(dialog_ok, app_title)) is None


@pytest.mark.unit
def test_saving_a_form_that_edits_an_item_is_an_overwrite():
    save = _el(1, "Save")
    edit = _screen(UIElement(0, "text", Bounds(0, 0, 9, 9), text="Edit contact"), save)
    assert classify_element(save, edit).category == "overwrite"
    fertig = _el(1, "Fertig")
    assert classify_element(fertig, _screen(
        UIElement(0, "text", Bounds(0, 0, 9, 9), text="Kontakt bearbeiten"), fertig)
    ).category == "overwrite"
    new = _screen(UIElement(0, "text", Bounds(0, 0, 9, 9), text="Create contact"), save)
    assert classify_element(save, new) is None


def _line(remove: str, steps: tuple[str, str], count: str = "2", top: int = 600):
    """A row: a name, a count between two controls, and a remove control."""
    def box(i, left, right, **kw):
        return UIElement(i, kw.pop("role", "button"), Bounds(left, top, right, top + 160), **kw)
    return (box(10, 0, 500, role="text", text="Linen Apron"),
            box(11, 520, 640, description=steps[0], clickable=True),
            box(12, 650, 740, role="text", text=count),
            box(13, 750, 870, description=steps[1], clickable=True),
            box(14, 880, 1000, description=remove, clickable=True))


@pytest.mark.unit
@pytest.mark.parametrize(("steps", "count", "category"), [
    (("Decrease quantity of Linen Apron", "Increase quantity of Linen Apron"), "2", None),
    (("−", "+"), "1", None),
    (("", "More"), "3", None),  # one stepper has lost its name: the other still says it
    (("", ""), "2", "deletion"),  # nothing says the number is a count that steps
    (("Decrease", "Increase"), "", "deletion"),  # no count shown on the row
])
def test_removing_a_counted_line_is_no_deletion_as_its_own_minus_does_the_same(
        steps, count, category):
    row = _line("Remove Linen Apron", steps, count)
    shown = _screen(UIElement(0, "text", Bounds(0, 100, 1080, 200), text="Basket"), *row)
    assert sensitive_category(Tap(ElementRef(14)), shown) == category


@pytest.mark.unit
def test_a_remove_button_on_another_row_than_the_count_is_still_a_deletion():
    row = _line("Remove Linen Apron", ("−", "+"))
    away = UIElement(20, "button", Bounds(0, 1200, 1080, 1360), text="Remove all",
                     clickable=True)
    shown = _screen(*row, away)
    assert sensitive_category(Tap(ElementRef(20)), shown) == "deletion"
