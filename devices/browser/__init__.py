"""The browser device: a page of the system Chromium (see `devices.browser.device`)."""

from devices.browser.device import BrowserDevice, find_chromium

__all__ = ["BrowserDevice", "find_chromium"]
