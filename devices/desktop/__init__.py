"""The desktop driver: pyautogui input, mss capture, the AT-SPI tree on Linux.

Nothing here opens a display when imported; `DesktopDevice(...)` does.
"""

from devices.desktop.device import DesktopDevice
from devices.desktop.geometry import Frame, Region

__all__ = ["DesktopDevice", "Frame", "Region"]
