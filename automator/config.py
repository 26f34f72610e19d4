"""The composition root: configs, and the functions that build devices and planners from specs.

Specs are short strings a person types:

    device:   virtual | android[:SERIAL] | desktop[:APP] | browser[:URL]
    planner:  default | embedded | scripted:FILE.json | transformers:MODEL | openai:URL

Heavy libraries (torch, sentence-transformers) are imported only when a planner that needs
them is built, so that `automator perceive` and the tests of the loop start fast.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from automator.errors import ConfigError
from devices.actions import Key, PressKey
from devices.device import Device
from planners.planner import Planner

log = logging.getLogger(__name__)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class LoopConfig:
    max_steps: int = 30  # steps (decisions), including mistakes and refusals
    max_seconds: float = 600.0  # s of wall-clock time for the whole episode
    settle_interval_s: float = 0.15  # s between captures while waiting for the screen to settle
    settle_timeout_s: float = 1.5  # s at most spent settling after an action
    settle_max_captures: int = 10  # captures at most per settle (>= 2 to compare)
    stuck_repeats: int = 3  # the same action on the same screen with the same result, times
    stuck_no_change: int = 3  # actions in a row with no visible change
    stuck_warnings: int = 1  # times the planner is told it is stuck before the loop gives up
    max_mistakes: int = 5  # planner mistakes (bad output, bad target, refusals) in a row
    allow: frozenset[str] = field(default_factory=frozenset)  # pre-approved sensitive categories

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["allow"] = sorted(self.allow)
        return data

    def for_device(self, spec: str, transitions: bool = False) -> LoopConfig:
        """Tuned for a device kind: the in-process virtual phone applies an action before
        `execute` returns, so one capture after it is already the settled screen, unless
        its realistic `transitions` are on: then it settles as a real phone does."""
        if spec.partition(":")[0] == "virtual" and not transitions:
            return replace(self, settle_interval_s=0.0, settle_max_captures=1)
        return self


def automator_home() -> Path:
    """$AUTOMATOR_HOME, default ~/.cache/automator."""
    return Path(os.environ.get("AUTOMATOR_HOME") or Path.home() / ".cache" / "automator")


def memory_dir(device: Device, override: str | Path | None = None) -> Path:
    """Where a device's exploration memory lives: $AUTOMATOR_HOME/memory/<device name>."""
    if override:
        return Path(override)
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in device.name)
    return automator_home() / "memory" / safe


@dataclass(frozen=True)
class PhoneConfig:
    """Which virtual phone: its seed (data and layouts) and realism ("on", "off", or a list
    of `devices.virtual.realism.Realism` features)."""

    seed: int = 0
    realism: str = "off"

    @property
    def serial(self) -> str:
        return self.serial_for(0)

    def serial_for(self, index: int) -> str:
        """The name of phone `index`, and so its exploration memory's folder: one per seed
        and realism, so that a map of one phone is never used for another. The tidy phone
        of seed 0 keeps the plain name (`virtual-0`)."""
        from devices.virtual.realism import Realism

        realism = str(Realism.parse(self.realism))
        if self.seed == 0 and realism == "off":
            return f"virtual-{index}"
        return f"virtual-{index}-seed{self.seed}-realism-{realism.replace(',', '+')}"

    @classmethod
    def from_serial(cls, name: str) -> PhoneConfig | None:
        """The phone a `serial_for` name stands for (as recorded in an episode's header);
        None when `name` is not a virtual phone's."""
        found = re.fullmatch(r"virtual-\d+(?:-seed(\d+)-realism-(.+))?", name)
        if found is None:
            return None
        if found.group(1) is None:
            return cls()
        return cls(int(found.group(1)), found.group(2).replace("+", ","))

    @property
    def transitions(self) -> bool:
        """Screens take time to settle."""
        from devices.virtual.realism import Realism

        return Realism.parse(self.realism).transitions

    def phone(self, state: dict[str, Any] | None = None, app: str | None = None,
              index: int = 0) -> Device:
        from devices.virtual.phone import VirtualPhone

        return VirtualPhone(state=state, app=app, serial=self.serial_for(index),
                            seed=self.seed, realism=self.realism)


def check_realism(text: str) -> str:
    """The realism words, checked; raises ConfigError for unknown ones."""
    from devices.virtual.realism import Realism

    try:
        return str(Realism.parse(text))
    except ValueError as e:
        raise ConfigError(str(e)) from e


def build_device(spec: str, phone: PhoneConfig | None = None) -> Device:
    """A device from its spec; raises ConfigError for unknown or unavailable kinds. `phone`
    picks the virtual phone's seed and realism."""
    kind, _, arg = spec.partition(":")
    if kind == "virtual":
        return (phone or PhoneConfig()).phone(app=arg or None)
    if kind == "android":
        from devices.android import AndroidDevice
        from devices.errors import DeviceError

        try:
            return AndroidDevice(arg or None)
        except DeviceError as e:
            raise ConfigError(
                f"cannot open the Android device: {e}. Is the phone attached with USB "
                "debugging on, and listed by `adb devices`?"
            ) from e
    if kind == "desktop":
        return _desktop(arg)
    if kind == "browser":
        return _browser(arg)
    raise ConfigError(f"unknown device {spec!r}; use virtual, android[:SERIAL], desktop[:APP] "
                      "or browser:URL")


def _browser(url: str) -> Device:
    """A headless page of the system Chromium at `url` (a bare path is a local file)."""
    from devices.browser import BrowserDevice
    from devices.errors import DeviceError

    if url and "://" not in url and not url.startswith(("about:", "data:")):
        url = Path(url).resolve().as_uri()
    try:
        return BrowserDevice(url or "about:blank")
    except DeviceError as e:
        raise ConfigError(f"cannot open the browser: {e}") from e


def _desktop(app: str) -> Device:
    """The local desktop, its tree limited to `app` when given (its AT-SPI name)."""
    from devices.desktop import DesktopDevice
    from devices.errors import DeviceError

    try:
        return DesktopDevice(app)
    except DeviceError as e:
        raise ConfigError(f"cannot open the desktop: {e}") from e


def build_planner(
    spec: str,
    device: Device,
    memory: str | Path | None = None,
    on_progress: Progress | None = None,
    grammar: str | None = None,
    app_notes: bool = True,
    may_explore: bool = True,
    prompt_template: str | Path | None = None,
    screenshots: int | None = None,
) -> Planner:
    """A planner from its spec; the embedded one explores the device first if it has no
    memory yet (with progress) and `may_explore`, else raises ConfigError saying how to make
    one, and saves what it learned. `grammar` overrides the action grammar a model planner
    infers from the model's name; with `app_notes`, a model planner is told what the
    device's exploration memory (when there is one) knows of each app."""
    kind, _, arg = spec.partition(":")
    if kind in ("default", "embedded"):
        folder = memory_dir(device, memory)
        return _embedded_planner(device, folder, on_progress, may_explore)
    if kind == "scripted":
        from planners.scripted import ScriptedPlanner

        if not arg:
            raise ConfigError("scripted needs a file: scripted:ACTIONS.json")
        try:
            return ScriptedPlanner.from_file(arg)
        except (OSError, ValueError) as e:
            raise ConfigError(f"cannot read the script {arg}: {e}") from e
    if kind in ("transformers", "openai"):
        planner = build_model_planner(spec, grammar, prompt_template, screenshots)
        if app_notes:
            attach_app_notes(planner, memory_dir(device, memory))
        return planner
    raise ConfigError(
        f"unknown planner {spec!r}; use default, transformers:MODEL, openai:MODEL@URL"
    )


def load_or_explore(
    device: Device,
    folder: Path,
    on_progress: Progress | None = None,
    apps: list[str] | None = None,
    budget: int = 150,
    may_explore: bool = True,
) -> Any:
    """The device's exploration memory: loaded when saved before, else explored and saved;
    without `may_explore`, a ConfigError that says how to make one."""
    from planners.embedded import AppMemory, explore
    from planners.embedded.memory import MemoryFormatError

    say = on_progress or (lambda _msg: None)
    if AppMemory.exists(folder):
        try:
            return AppMemory.load(folder)
        except MemoryFormatError as e:
            log.warning("%s", e)
            if not may_explore:
                raise ConfigError(f"{e}. {needs_map(device, folder)}") from e
            say(f"the memory of {device.name} cannot be read ({e}): exploring again")
    elif not may_explore:
        raise ConfigError(f"no exploration memory of {device.name} in {folder}. "
                          f"{needs_map(device, folder)}")
    else:
        say(f"no memory of {device.name} yet: exploring its apps (saved to {folder})")
    memory = explore(device, AppMemory(), apps=apps, budget=budget, on_progress=on_progress)
    memory.save(folder)
    device.execute(PressKey(Key.HOME))  # start the task from the home screen
    return memory


def needs_map(device: Device, folder: Path) -> str:
    """What a person does to give the embedded planner a map of a real phone's apps."""
    return (f"The default planner needs a map of the phone's apps, and a run never explores "
            f"a real phone by itself. Make one by naming the apps the task needs: "
            f"`automator explore --device android:{device.name} --app PACKAGE [PACKAGE ...] "
            f"--minutes 10 --memory {folder}` (`adb shell pm list packages` lists them; "
            f"exploring only opens pages, tabs and list entries)")


def _embedded_planner(device: Device, folder: Path, on_progress: Progress | None,
                      may_explore: bool = True) -> Planner:
    from planners.embedded import EmbeddedPlanner

    return EmbeddedPlanner(load_or_explore(device, folder, on_progress,
                                           may_explore=may_explore))


def build_model_planner(spec: str, grammar: str | None = None,
                        prompt_template: str | Path | None = None,
                        screenshots: int | None = None) -> Planner:
    """`transformers:MODEL_ID_OR_PATH` or `openai:MODEL@BASE_URL` (key from OPENAI_API_KEY);
    it does not depend on the device, so one can serve many episodes. `prompt_template`: a
    file with a prompt of one's own (see `planners.conversation`); `screenshots`: how many
    recent screenshots the model is shown (None: its family's number)."""
    from planners.conversation import Dialect
    from planners.errors import PlannerError
    from planners.spec import SpecError, build_planner, parse_spec

    try:
        dialect = Dialect.with_template_file(prompt_template, screenshots=screenshots)
        return build_planner(parse_spec(spec, grammar), dialect=dialect)
    except (SpecError, PlannerError, OSError, ValueError) as e:
        raise ConfigError(f"cannot build the planner {spec!r}: {e}") from e


def attach_app_notes(planner: Planner, folder: Path) -> bool:
    """Give a model planner the exploration memory in `folder` as per-app notes; False when
    there is no memory there."""
    from planners.embedded.memory import AppMemory, MemoryFormatError

    if not AppMemory.exists(folder) or not hasattr(planner, "app_notes"):
        return False
    try:
        memory = AppMemory.load(folder)
    except MemoryFormatError as e:
        log.warning("no app notes: %s", e)
        return False
    planner.app_notes = memory.describe  # type: ignore[attr-defined]
    return True
