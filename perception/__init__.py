"""Trees and pixels -> `Screen` and its renderings. Imports devices (types) only.

    perceive(observation)             the screen of one observation (tree, else pixels)
    parse_uiautomator(xml, ...)       uiautomator / Appium XML -> Screen
    parse_atspi(json, ...)            the desktop driver's AT-SPI tree -> Screen
    render_text / render_html / render_json / render_som / downscale
    signature(screen)                 which page this is, stable across states and scrolling
    propose_elements(image, region)   OpenCV proposals of tappable regions
"""

from perception.atspi import parse_atspi
from perception.elements import Bounds, Screen, UIElement
from perception.errors import PerceptionError
from perception.perceive import perceive
from perception.render import render_html, render_json, render_text
from perception.signature import signature
from perception.som import downscale, render_som
from perception.uiautomator import parse_uiautomator
from perception.vision import propose_elements

__all__ = [
    "Bounds",
    "PerceptionError",
    "Screen",
    "UIElement",
    "downscale",
    "parse_atspi",
    "parse_uiautomator",
    "perceive",
    "propose_elements",
    "render_html",
    "render_json",
    "render_som",
    "render_text",
    "signature",
]
