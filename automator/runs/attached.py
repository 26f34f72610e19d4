"""Playing an evaluation's episodes on attached adb devices it does not own
(`eval SUITE --devices SERIAL,...`).

The evaluation cannot make a fresh phone per episode there, nor look inside one: it sets
each task up and checks its end through the device itself, over the state channel that a
served virtual phone answers (`cmd automator state|reset`, devices.state_channel), as
benchmarks on emulators set up and check their tasks through adb. Between the two, the
episode is played like any other on a phone over adb (AndroidDevice). One worker per device
plays one episode at a time on it (automator.runs.pool).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from automator.config import LoopConfig, PhoneConfig
from automator.errors import ConfigError
from devices.actions import Action
from devices.device import AppInfo, Device
from devices.errors import DeviceError, NoStateChannel
from devices.observation import Observation
from devices.state_channel import StateChannel

if TYPE_CHECKING:
    from automator.evaluate import PlannerFactory, TaskReport
    from automator.tasks import Task

log = logging.getLogger(__name__)

NEEDS_CHANNEL = ("this suite sets its tasks up and checks them through the phone's state: "
                 "it needs devices that expose the automator state channel (served virtual "
                 "phones: `automator virtual-phone serve`)")


def check_devices(serials: tuple[str, ...], port: int | None = None) -> None:
    """ConfigError, in one line, unless every serial is attached, listed once, and answers
    the state channel."""
    if not serials:
        raise ConfigError("--devices: name at least one device (`automator devices` lists them)")
    twice = sorted({s for s in serials if serials.count(s) > 1})
    if twice:
        raise ConfigError(f"--devices names {', '.join(twice)} more than once: a device plays "
                          "one episode at a time")
    for serial in serials:
        try:
            StateChannel(serial, port=port).check()
        except NoStateChannel as e:
            raise ConfigError(f"{NEEDS_CHANNEL}; {e}") from e
        except DeviceError as e:
            raise ConfigError(f"device {serial}: {e}") from e


def set_up(channel: StateChannel, task: Task, phone: PhoneConfig) -> None:
    """The device's phone as the task starts: the seed's phone with the task's state (its
    placeholders filled from that seed's own data, read first) and app."""
    state = None
    if task.state:
        channel.reset(phone.seed, phone.realism)
        state = task.state_for(channel.state())
    channel.reset(phone.seed, phone.realism, state, task.app)


def run_task_on_device(task: Task, planner_factory: PlannerFactory, out_dir: Path,
                       config: LoopConfig, serial: str, phone: PhoneConfig,
                       port: int | None = None) -> TaskReport:
    """One task on the attached device `serial`: set up through its state channel, played
    through adb, checked on the state the channel reads at the end."""
    from dataclasses import replace

    from automator.evaluate import play_task
    from devices.android import AndroidDevice

    start = time.monotonic()
    channel = StateChannel(serial, port=port)
    set_up(channel, task, phone)
    log.info("%s (seed %d) on %s", task.id, phone.seed, serial)
    with AndroidDevice(serial, port=port) as android:
        report = play_task(task, planner_factory, PhoneOnDevice(android, phone.serial),
                           channel.state, out_dir, config, phone, start)
    return replace(report, device=serial)


class PhoneOnDevice:
    """An attached device while it plays the phone of one seed and realism: named as that
    phone (whose exploration memory the planner reads, and which a replay of the recording
    rebuilds); everything else is the device's."""

    def __init__(self, device: Device, phone_name: str) -> None:
        self.device = device
        self.name = phone_name

    def capture(self) -> Observation:
        return self.device.capture()

    def execute(self, action: Action) -> Action:
        return self.device.execute(action)

    def apps(self) -> list[AppInfo]:
        return self.device.apps()

    def close(self) -> None:
        self.device.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __getattr__(self, name: str) -> Any:  # what a driver offers beyond `Device`
        return getattr(self.device, name)
