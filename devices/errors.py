"""Errors raised by devices.

    DeviceError                 the device side failed: the episode ends as `infrastructure`
     ├── DeviceNotFound         no such device, or several and none chosen
     ├── DeviceDisconnected     the connection dropped
     └── DeviceTimeout          a device call did not answer in time
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
