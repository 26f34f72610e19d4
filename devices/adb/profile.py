"""What kind of real phone a served phone speaks like: an Android version and a vendor.

A `Profile` decides what the served phone's shell and uiautomator2 service print where real
phones differ (formats from tests/adb/real_outputs, whose MANIFEST.json names each source):

- `dumpsys window`: the focus lines of that version: `AppWindowToken{… token=Token{…
  ActivityRecord{…}}}` before Android 10, `ActivityRecord{…}` under a `Display:
  mDisplayId=0 rootTasks=N` block on 10–13, `Display: mDisplayId=0 (organized)` blocks and
  `mTopFocusedDisplayId` on 14+.
- `wm size`: Samsung phones ship with a lower resolution than the panel's, so they print an
  `Override size:` line after the physical one.
- `screencap -p`: HyperOS phones with a second display (Xiaomi 14+, modelled on the MIX
  Flip) print the multi-display warning before the PNG; `dumpsys SurfaceFlinger
  --display-id` lists both displays; `screencap -d ID` prints none.
- `uiautomator dump`: the active window's root only; 17 attributes before Android 10, with
  `drawing-order` and `hint` since; an empty EditText reports its hint as its text. The
  uiautomator2 service's dump has every window (status bar, keyboard …), 21 attributes,
  indented with `\\r\\n`.
- the keyboard: the vendor's own (`settings get secure default_input_method`, `ime list`,
  and the keyboard window's package in the dumps); whether it shows and where, in `dumpsys
  input_method` and `dumpsys window InputMethod` (devices.adb.input_method_dump).
- window flags: before Android 10 a hex mask (`fl=#81810100`), since by name; FLAG_SECURE for
  the packages a test marks secure (`AdbTarget.secure_packages`).
- Xiaomi refuses injected input (`input`, uiautomator2's gestures and keys) with the
  INJECT_EVENTS SecurityException until "USB debugging (Security settings)" is on: the
  `persist.security.adbinput` property, `input_security` here (`AdbTarget.allow_input`).

No profile (the default) is the served phone as it always was: Android 14 formats, every
window in the dump, AOSP's keyboard, one display.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # the command line reads the choices below without loading the phone
    from devices.virtual.hierarchy import DumpStyle

ANDROID_VERSIONS = (9, 11, 14, 16)
VENDORS = ("pixel", "samsung", "xiaomi")
_SDK = {9: 28, 11: 30, 14: 34, 16: 36}
FocusFormat = Literal["pre10", "10-13", "14+"]

# The vendors' default keyboards, as `settings get secure default_input_method` prints them
# (tests/adb/real_outputs/ime: gboard.txt, samsung_honeyboard.txt, sogou_xiaomi.txt).
KEYBOARDS = {
    "pixel": "com.google.android.inputmethod.latin/com.android.inputmethod.latin.LatinIME",
    "samsung": "com.samsung.android.honeyboard/.service.HoneyBoardService",
    "xiaomi": "com.sohu.inputmethod.sogou.xiaomi/.SogouIME",
}
_PRODUCTS = {  # ro.product.manufacturer, brand, model, name, device
    "pixel": ("Google", "google", "Pixel", "pixel", "pixel"),
    "samsung": ("samsung", "samsung", "SM-S911B", "dm1qxxx", "dm1q"),
    "xiaomi": ("Xiaomi", "Xiaomi", "Xiaomi MIX Flip", "ruyi", "ruyi"),
}
INPUT_SECURITY_PROP = "persist.security.adbinput"  # MIUI/HyperOS: "1" when the setting is on

# screencap on a phone with several displays and no `-d`
# (tests/adb/real_outputs/screencap/multi_display_warning_a14.txt)
MULTI_DISPLAY_WARNING = (
    "[Warning] Multiple displays were found, but no display id was specified! Defaulting to "
    "the first display found, however this default is not guaranteed to be consistent across "
    "captures. A display id should be specified.\n"
    "A display ID can be specified with the [-d display-id] option.\n"
    'See "dumpsys SurfaceFlinger --display-id" for valid display IDs.\n'
)
# `dumpsys SurfaceFlinger --display-id`, built-in display first
# (tests/adb/real_outputs/screencap/surfaceflinger_display_ids_flip.txt)
FLIP_DISPLAYS = (
    'Display 4630946219955703955 (HWC display 0): port=147 pnpId=QCM displayName="xiaomi"\n'
    'Display 4630946219955703956 (HWC display 1): port=148 pnpId=QCM displayName="xiaomi_sub"\n'
)
ONE_DISPLAY = (
    'Display 4619827259835644672 (HWC display 0): port=0 pnpId=GGL displayName="Built-in"\n'
)
# The INJECT_EVENTS refusal: before Android 14 as in tests/adb/real_outputs/inject/
# monkey_input_android9.txt and kea2_android12.txt, since as in scrcpy_xiaomi_android14.txt.
_OLD_REFUSAL = "Injecting to another application requires INJECT_EVENTS permission"
_NEW_REFUSAL = (
    "Injecting input events requires the caller (or the source of the instrumentation, if "
    "any) to have the INJECT_EVENTS permission."
)
_OLD_FRAMES = (
    "\tat android.os.Parcel.readException(Parcel.java:2013)\n"
    "\tat android.os.Parcel.readException(Parcel.java:1959)\n"
    "\tat android.hardware.input.IInputManager$Stub$Proxy.injectInputEvent(IInputManager.java:672)\n"  # noqa: E501
    "\tat android.hardware.input.InputManager.injectInputEvent(InputManager.java:925)\n"
)
_NEW_FRAMES = (
    "\tat android.os.Parcel.readException(Parcel.java:2978)\n"
    "\tat android.os.Parcel.readException(Parcel.java:2920)\n"
    "\tat android.hardware.input.IInputManager$Stub$Proxy.injectInputEventToTarget(IInputManager.java:1294)\n"  # noqa: E501
    "\tat android.hardware.input.InputManager.injectInputEvent(InputManager.java:1153)\n"
)


@dataclass(frozen=True)
class Profile:
    """One kind of real phone: `android` (9, 11, 14 or 16) by `vendor`."""

    android: int = 14  # the Android version (major)
    vendor: str = "pixel"  # pixel | samsung | xiaomi
    input_security: bool = False  # xiaomi: "USB debugging (Security settings)" is on

    def __post_init__(self) -> None:
        if self.android not in ANDROID_VERSIONS:
            raise ValueError(f"android {self.android}: choose one of {ANDROID_VERSIONS}")
        if self.vendor not in VENDORS:
            raise ValueError(f"vendor {self.vendor!r}: choose one of {', '.join(VENDORS)}")

    def __str__(self) -> str:
        return f"android{self.android}-{self.vendor}"

    @property
    def sdk(self) -> int:
        return _SDK[self.android]

    @property
    def focus_format(self) -> FocusFormat:
        return "pre10" if self.android < 10 else "10-13" if self.android < 14 else "14+"

    @property
    def keyboard_ime(self) -> str:
        return KEYBOARDS[self.vendor]

    @property
    def multi_display(self) -> bool:
        """A second (cover) display: HyperOS foldables, Xiaomi on Android 14+."""
        return self.vendor == "xiaomi" and self.android >= 14

    @property
    def refuses_input(self) -> bool:
        """Does this phone refuse injected input until the security setting is on?"""
        return self.vendor == "xiaomi"

    def wm_size(self, width: int, height: int) -> str:
        if self.vendor == "samsung":  # a QHD+ panel run at FHD+, as Samsung ships them
            return (f"Physical size: {width * 4 // 3}x{height * 4 // 3}\n"
                    f"Override size: {width}x{height}\n")  # fmt: skip
        return f"Physical size: {width}x{height}\n"

    def display_ids(self) -> str:
        return FLIP_DISPLAYS if self.multi_display else ONE_DISPLAY

    def dump_style(self, uiautomator2: bool = False) -> DumpStyle:
        """How `uiautomator dump` (or, with `uiautomator2`, the service) writes a frame."""
        from devices.virtual.hierarchy import ATTRIBUTES, PLATFORM_EXTRA, U2_ATTRIBUTES, DumpStyle
        from devices.virtual.window import KEYBOARD_PACKAGE

        renamed = ((KEYBOARD_PACKAGE, self.keyboard_ime.split("/")[0]),)
        if uiautomator2:
            return DumpStyle(U2_ATTRIBUTES, indented=True, hint_as_text=True, renamed=renamed)
        attributes = ATTRIBUTES if self.android < 10 else (*ATTRIBUTES, *PLATFORM_EXTRA)
        return DumpStyle(attributes, active_only=True, hint_as_text=True, renamed=renamed)

    def refusal(self) -> str:
        """The SecurityException (message and first frames) an injected event gets."""
        if self.android >= 14:
            return f"java.lang.SecurityException: {_NEW_REFUSAL}\n{_NEW_FRAMES}"
        return f"java.lang.SecurityException: {_OLD_REFUSAL}\n{_OLD_FRAMES}"

    def props(self) -> dict[str, str]:
        """The system properties that differ from the served phone's own."""
        manufacturer, brand, model, name, device = _PRODUCTS[self.vendor]
        props = {
            "ro.build.version.sdk": str(self.sdk),
            "ro.build.version.release": str(self.android),
            "ro.product.manufacturer": manufacturer,
            "ro.product.brand": brand,
            "ro.product.model": model,
            "ro.product.name": name,
            "ro.product.device": device,
        }
        if self.refuses_input:
            props[INPUT_SECURITY_PROP] = "1" if self.input_security else "0"
        return props


def all_profiles() -> list[Profile]:
    return [Profile(a, v) for a in ANDROID_VERSIONS for v in VENDORS]
