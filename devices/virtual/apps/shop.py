"""Shop: a product catalogue, product pages, a cart, checkout and an order confirmation.

State (`shop`):
    products: list of {name, price, category, description}, the catalogue as the app lists
        it; `price` is cents (int). Seed 0's is `CATALOGUE`; other seeds draw their own
        (`world_data.catalogue`).
    cart: list of {product, qty}; `product` is the product's name as the catalogue shows it.
    orders: list of {id, items, total, address}; items: list of {product, qty, price};
        prices and totals are dollars (float, two decimals).
"""

from __future__ import annotations

from typing import Any

from devices.virtual import world_data
from devices.virtual.view import (
    FRAME,
    LINEAR,
    TEXT,
    App,
    AppContext,
    Page,
    Style,
    View,
)
from devices.virtual.widgets import (
    app_bar,
    button,
    icon_button,
    label,
    list_item,
    scroll_list,
    text_field,
)
from devices.virtual.world import World

# name, price (cents), category, description
CATALOGUE: list[tuple[str, int, str, str]] = [
    ("Wireless Earbuds", 5999, "Audio", "Noise-isolating earbuds with 24 h battery life."),
    ("Bluetooth Speaker", 4999, "Audio", "Waterproof speaker, 12 h playtime, deep bass."),
    ("USB-C Cable (2 m)", 1299, "Accessories", "Braided USB-C to USB-C cable, 60 W charging."),
    ("HDMI Cable", 1099, "Accessories", "4K HDMI 2.0 cable, 1.5 m."),
    ("Phone Case", 1999, "Accessories", "Slim shock-absorbing case in midnight blue."),
    ("Power Bank 10000mAh", 3499, "Accessories", "Pocket power bank with two USB-C ports."),
    ("Smart Watch", 19900, "Wearables", "Heart rate, GPS and sleep tracking; 5 day battery."),
    ("Laptop Stand", 2999, "Office", "Aluminium stand, six height settings."),
    ("Mechanical Keyboard", 8900, "Office", "Compact 75% keyboard with tactile switches."),
    ("Wireless Mouse", 2499, "Office", "Quiet clicks, 18 month battery."),
    ("Desk Lamp", 3999, "Home", "LED lamp with warm and cool light and a USB port."),
    ("Scented Candle", 1200, "Home", "Cedar and bergamot, 40 h burn time."),
    ("Coffee Mug", 950, "Kitchen", "Stoneware mug, 350 ml, dishwasher safe."),
    ("Tea Sampler", 1650, "Kitchen", "Twelve loose-leaf teas from six countries."),
    ("Water Bottle", 1800, "Sports", "Insulated steel bottle, keeps drinks cold 24 h."),
    ("Yoga Mat", 2500, "Sports", "Non-slip 6 mm mat with carrying strap."),
    ("Running Socks (3 pairs)", 1499, "Sports", "Cushioned, breathable running socks."),
    ("Backpack", 5400, "Travel", "25 l backpack with a padded laptop sleeve."),
    ("Sunglasses", 2200, "Travel", "Polarised lenses with UV400 protection."),
    ("Notebook (A5)", 699, "Stationery", "Dotted pages, lay-flat binding, 160 pages."),
    ("Gel Pens (10 pack)", 849, "Stationery", "Smooth 0.5 mm gel pens in ten colours."),
]


def money(cents: int) -> str:
    return f"${cents // 100:,}.{cents % 100:02d}"


def prices(products: list[dict[str, Any]]) -> dict[str, int]:
    """Each product's price in cents, by name."""
    return {p["name"]: int(p["price"]) for p in products}


def cart_cents(cart: list[dict[str, Any]], products: list[dict[str, Any]]) -> int:
    cents = prices(products)
    return sum(cents.get(item["product"], 0) * item["qty"] for item in cart)


def _catalogue(world: World) -> list[dict[str, Any]]:
    if not world.reference:
        return world_data.catalogue(world)
    return [{"name": n, "price": c, "category": cat, "description": d}
            for n, c, cat, d in CATALOGUE]


class ShopApp(App):
    key = "shop"
    package = "com.example.shop"
    label = "Shop"
    icon = "shop"

    def initial_state(self) -> dict[str, Any]:
        return {"products": _catalogue(self.world), "cart": [], "orders": []}

    def build(self, page: Page, ctx: AppContext) -> View:
        pages = {"main": self._main, "product": self._product, "cart": self._cart,
                 "checkout": self._checkout, "confirmation": self._confirmation}
        return pages[page.name](page, ctx)

    def _main(self, page: Page, ctx: AppContext) -> View:
        query = page.args.get("query", "").strip().casefold()
        rows = [list_item(p["name"], f"{money(int(p['price']))} · {p['category']}",
                          rid="product_item",
                          on_click=lambda n=p["name"]: ctx.push("product", product=n))
                for p in ctx.state["products"]
                if not query or query in f"{p['name']} {p['category']}".casefold()]
        if not rows:
            rows.append(label("No products match your search", rid="empty_view", muted=True,
                              height=200))
        search = text_field(page.args.get("query", ""),
                            lambda t: page.args.__setitem__("query", t),
                            hint="Search products", rid="search_src_text", height=140)
        header = View(LINEAR, layout="row", height=180, padding=20, children=[search],
                      style=Style(bg="surface"))
        bar = app_bar("Shop", actions=[_cart_button(ctx)])
        return View(LINEAR, children=[bar, header, scroll_list(rows, rid="product_list")])

    def _product(self, page: Page, ctx: AppContext) -> View:
        name = page.args["product"]
        product = next((p for p in ctx.state["products"] if p["name"] == name), None)
        if product is None:
            return View(LINEAR, children=[app_bar("", on_back=ctx.pop),
                                          label("This product is no longer available",
                                                rid="empty_view", muted=True, height=200)])
        cents, category = int(product["price"]), product["category"]
        description = product["description"]
        content = scroll_list([
            View(height=360, rid="product_image", style=Style(bg="muted", icon="shop")),
            View(TEXT, text=name, rid="product_title", height=130, style=Style(size=60)),
            View(TEXT, text=money(cents), rid="product_price", height=110,
                 style=Style(size=56, bold=True, fg="primary")),
            label(category, rid="product_category", muted=True),
            View(TEXT, text=description, rid="product_description", height=200,
                 style=Style(size=42)),
        ], rid="product_details")
        content.padding = 36
        add = button("Add to cart", lambda: _add(ctx, name), rid="add_to_cart_button")
        footer = View(LINEAR, height=180, padding=24, children=[add], style=Style(bg="surface"))
        return View(LINEAR, children=[app_bar("", on_back=ctx.pop, actions=[_cart_button(ctx)]),
                                      content, footer])

    def _cart(self, page: Page, ctx: AppContext) -> View:
        cart = ctx.state["cart"]
        rows = [_cart_row(ctx, item) for item in cart]
        if not rows:
            rows.append(label("Your cart is empty", rid="empty_cart", muted=True, height=200))
        total = cart_cents(cart, ctx.state["products"])
        footer = View(LINEAR, height=340, padding=24, gap=20, style=Style(bg="surface"),
                      children=[
                          View(TEXT, text=f"Total: {money(total)}", rid="cart_total",
                               height=100, style=Style(size=52, bold=True)),
                          button("Checkout", (lambda: ctx.push("checkout")) if cart else None,
                                 rid="checkout_button")])
        return View(LINEAR, children=[app_bar("Cart", on_back=ctx.pop),
                                      scroll_list(rows, rid="cart_list"), footer])

    def _checkout(self, page: Page, ctx: AppContext) -> View:
        cart = ctx.state["cart"]
        address = page.args.get("address", "")
        total = cart_cents(cart, ctx.state["products"])
        lines = [label(f"{item['qty']} × {item['product']}", rid="order_line", height=80)
                 for item in cart]
        pay = button(f"Pay {money(total)}",
                     (lambda: _pay(ctx, page)) if address.strip() and cart else None,
                     rid="pay_button")
        form = View(LINEAR, padding=36, gap=24, children=[
            label("Shipping address", rid="address_label", bold=True),
            text_field(address, lambda t: page.args.__setitem__("address", t),
                       hint="Street, city, postcode", rid="shipping_address", height=160),
            label("Order summary", rid="summary_label", bold=True), *lines,
            View(TEXT, text=f"Total: {money(total)}", rid="checkout_total", height=100,
                 style=Style(size=50, bold=True)),
            pay, View()])
        return View(LINEAR, children=[app_bar("Checkout", on_back=ctx.pop), form])

    def _confirmation(self, page: Page, ctx: AppContext) -> View:
        order = next(o for o in ctx.state["orders"] if o["id"] == page.args["order"])
        return View(LINEAR, padding=48, gap=24, children=[
            View(height=200, style=Style(icon="check", fg="primary")),
            View(TEXT, text="Order placed", rid="confirmation_title", height=140,
                 style=Style(size=72, bold=True, align="center")),
            View(TEXT, text=f"Order {order['id']}", rid="order_number", height=90,
                 style=Style(size=44, align="center", fg="muted")),
            View(TEXT, text=f"Total paid: ${order['total']:.2f}", rid="order_total", height=90,
                 style=Style(size=44, align="center")),
            View(TEXT, text=f"Shipping to {order['address']}", rid="order_address", height=160,
                 style=Style(size=40, align="center", fg="muted")),
            button("Continue shopping", ctx.pop, rid="continue_button"), View()])


def _cart_button(ctx: AppContext) -> View:
    count = sum(item["qty"] for item in ctx.state["cart"])
    cart = icon_button("cart", f"Cart, {count} item{'s' if count != 1 else ''}",
                       lambda: ctx.push("cart"), rid="action_cart")
    badge = View(TEXT, text=str(count), rid="cart_badge", rect=(64, 0, 120, 56),  # top right
                 style=Style(bg="danger", fg="on_primary", size=32, align="center", radius=28))
    return View(FRAME, layout="stack", width=120, children=[cart, *([badge] if count else [])])


def _cart_row(ctx: AppContext, item: dict[str, Any]) -> View:
    cart = ctx.state["cart"]

    def change(delta: int) -> None:
        item["qty"] += delta
        if item["qty"] <= 0:
            cart.remove(item)

    name = item["product"]
    price = money(prices(ctx.state["products"]).get(name, 0) * item["qty"])
    qty = View(LINEAR, layout="row", width=420, gap=8, children=[
        icon_button("char:−", f"Decrease quantity of {name}", lambda: change(-1),
                    rid="decrease_quantity"),
        View(TEXT, text=str(item["qty"]), rid="quantity", width=80,
             style=Style(size=48, align="center")),
        icon_button("add", f"Increase quantity of {name}", lambda: change(1),
                    rid="increase_quantity"),
        icon_button("delete", f"Remove {name}", lambda: cart.remove(item), rid="remove_item")])
    row = list_item(name, price, rid="cart_item", trailing=qty, height=220)
    return row


def _add(ctx: AppContext, name: str) -> None:
    cart = ctx.state["cart"]
    item = next((i for i in cart if i["product"] == name), None)
    if item is None:
        cart.append({"product": name, "qty": 1})
    else:
        item["qty"] += 1
    ctx.toast("Added to cart")


def _pay(ctx: AppContext, page: Page) -> None:
    cart = ctx.state["cart"]
    orders = ctx.state["orders"]
    cents = prices(ctx.state["products"])
    order = {"id": f"#{1001 + len(orders)}",
             "items": [{"product": i["product"], "qty": i["qty"],
                        "price": cents.get(i["product"], 0) / 100} for i in cart],
             "total": cart_cents(cart, ctx.state["products"]) / 100,
             "address": page.args["address"].strip()}
    orders.append(order)
    ctx.state["cart"] = []
    ctx.pop()  # checkout
    ctx.pop()  # cart
    ctx.push("confirmation", order=order["id"])
