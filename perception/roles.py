"""Short roles from platform class names and states, and which packages are system chrome."""

from __future__ import annotations

from functools import lru_cache

ROLES = (
    "button", "image_button", "text", "input", "switch", "checkbox", "radio", "toggle",
    "image", "list", "tab", "slider", "webview", "dropdown", "progress", "view",
)

# Last segment of the class name (after the last "." and "$") -> role.
_BY_NAME = {
    "EditText": "input", "AutoCompleteTextView": "input", "MultiAutoCompleteTextView": "input",
    "TextInputEditText": "input", "SearchAutoComplete": "input", "ExtractEditText": "input",
    "AppCompatEditText": "input", "AppCompatAutoCompleteTextView": "input",
    "Switch": "switch", "SwitchCompat": "switch", "SwitchMaterial": "switch",
    "MaterialSwitch": "switch",
    "CheckBox": "checkbox", "AppCompatCheckBox": "checkbox", "MaterialCheckBox": "checkbox",
    "CheckedTextView": "checkbox", "AppCompatCheckedTextView": "checkbox",
    "RadioButton": "radio", "AppCompatRadioButton": "radio", "MaterialRadioButton": "radio",
    "ToggleButton": "toggle",
    "ImageButton": "image_button", "AppCompatImageButton": "image_button",
    "FloatingActionButton": "image_button",
    "Button": "button", "AppCompatButton": "button", "MaterialButton": "button",
    "Chip": "button", "ExtendedFloatingActionButton": "button",
    "TextView": "text", "AppCompatTextView": "text", "MaterialTextView": "text",
    "ImageView": "image", "Image": "image", "AppCompatImageView": "image",
    "ShapeableImageView": "image",
    "TabView": "tab", "Tab": "tab",
    "SeekBar": "slider", "AbsSeekBar": "slider", "RatingBar": "slider", "Slider": "slider",
    "RangeSlider": "slider",
    "WebView": "webview",
    "Spinner": "dropdown", "AppCompatSpinner": "dropdown",
    "ProgressBar": "progress",
}
# AT-SPI role names (desktop trees keep them as their class name): lower case with spaces,
# so they never meet an Android class name.
_BY_NAME |= {
    "push button": "button", "menu item": "button", "link": "button", "toggle button": "toggle",
    "check box": "checkbox", "check menu item": "checkbox", "radio button": "radio",
    "radio menu item": "radio", "switch": "switch", "label": "text", "static": "text",
    "heading": "text", "paragraph": "text", "caption": "text", "password text": "input",
    "entry": "input", "spin button": "input", "icon": "image", "image": "image",
    "page tab": "tab", "slider": "slider", "combo box": "dropdown", "progress bar": "progress",
    "level bar": "progress",
}
_EDITABLE_HINTS = ("EditText", "AutoComplete", "TextField")
_CHECKABLE_ROLES = frozenset({"switch", "checkbox", "radio", "toggle"})
_SYSTEM_PACKAGES = frozenset({"com.android.systemui", "android"})
_KEYBOARD_HINTS = ("inputmethod", "keyboard", "honeyboard", "swiftkey")


def short_class(class_name: str) -> str:
    """`android.widget.Switch` -> `Switch`; `x.TabLayout$TabView` -> `TabView`."""
    return class_name.rpartition(".")[2].rpartition("$")[2]


@lru_cache(maxsize=1024)
def is_editable_class(class_name: str) -> bool:
    name = short_class(class_name)
    return _BY_NAME.get(name) == "input" or any(h in name for h in _EDITABLE_HINTS)


@lru_cache(maxsize=4096)
def role_of(class_name: str, clickable: bool, checkable: bool, editable: bool,
            scrollable: bool) -> str:
    """The short role of a node from its class and what it can do."""
    base = _BY_NAME.get(short_class(class_name), "")
    if editable:
        return "input"
    if base in _CHECKABLE_ROLES or base in ("tab", "slider", "webview", "dropdown"):
        return base
    if checkable:
        return "switch" if "Switch" in class_name else "toggle"
    if base == "image":
        return "image_button" if clickable else "image"
    if base in ("button", "image_button"):
        return base
    if scrollable:
        return "list"
    if clickable:
        return "button"
    return base or "view"


def is_button_class(class_name: str) -> bool:
    """A platform button class (Button, MaterialButton, Chip, ...): a control labelled by its
    own text, as opposed to a row, a tab or an icon."""
    return _BY_NAME.get(short_class(class_name)) == "button"


def is_checkable_role(role: str) -> bool:
    return role in _CHECKABLE_ROLES


def is_keyboard_package(package: str) -> bool:
    return any(hint in package for hint in _KEYBOARD_HINTS)


def is_system_package(package: str) -> bool:
    """System chrome (status bar, navigation bar, soft keyboard), not the app on screen."""
    return package in _SYSTEM_PACKAGES or is_keyboard_package(package)
