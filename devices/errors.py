"""Errors raised by devices.

    DeviceError                 the device side failed: the episode ends as `infrastructure`
     ├── DeviceNotFound         no such device, or several and none chosen
     ├── DeviceDisconnected     the connection dropped
     ├── DeviceTimeout          a device call did not answer in time
     ├── InputNotAllowed        the phone refuses injected input (INJECT_EVENTS): a
     │                          setting the user must turn on
     └── NoStateChannel         the device does not answer `cmd automator` (it is not a
                                served virtual phone): tasks cannot be set up on it
    ActionRejected              the action cannot be carried out as asked (unknown app,
                                point off screen): the planner's mistake, fed back to it
"""


class DeviceError(Exception):
    """The device side failed; not the planner's fault."""


class DeviceNotFound(DeviceError):
    pass


class DeviceDisconnected(DeviceError):
    pass


class DeviceTimeout(DeviceError):
    pass


class ActionRejected(ValueError):
    """The device refuses an action as invalid; the planner chose badly."""


class InputNotAllowed(DeviceError):
    """The phone refuses injected taps, swipes and keys (SecurityException: INJECT_EVENTS)."""

    HELP = (
        "the phone refuses injected input (INJECT_EVENTS). On Xiaomi, Redmi and POCO phones "
        "turn on Developer options > 'USB debugging (Security settings)' (sign in to a Mi "
        "account if asked); on Honor/Huawei turn on 'Allow ADB debugging in charge only "
        "mode' and 'Simulate input'. Then reconnect."
    )


class NoStateChannel(DeviceError):
    """The device does not answer `cmd automator` (devices.state_channel)."""
