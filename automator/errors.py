"""Errors raised by the automator.

    AutomatorError              base of the automator's own errors
     ├── ConfigError            a device or planner spec that cannot be built (unknown name,
     │                          not available yet, missing file): shown to people, exit 2
     ├── RecordingError         the episode folder could not be written (full disk, no
     │                          permission): the run ends as `infrastructure`, keeping what
     │                          was written
     ├── TaskError              a task file is malformed
     ├── ExportError            an export cannot be written (its output exists, an unknown
     │                          format): shown to people, nothing is overwritten
     └── InvalidTarget          the planner aimed at an element id that does not exist or a
                                point off screen: its mistake, recorded and fed back

Errors of the layers below keep their meaning: `devices.errors.DeviceError` ends an episode
as `infrastructure`; `devices.errors.ActionRejected` and `planners.errors.ParseError` are the
planner's mistakes, recorded on the step and fed back to it.
"""


class AutomatorError(Exception):
    pass


class ConfigError(AutomatorError):
    pass


class RecordingError(AutomatorError):
    pass


class TaskError(AutomatorError):
    pass


class InvalidTarget(AutomatorError):
    pass


class ExportError(AutomatorError):
    pass
