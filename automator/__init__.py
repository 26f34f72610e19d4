"""The loop, safety gate, verification, recording, evaluation and the command line.
Imports all the layers below; nothing imports it."""

from automator.config import LoopConfig, build_device, build_planner
from automator.errors import AutomatorError, ConfigError, InvalidTarget, RecordingError, TaskError
from automator.loop import run_episode
from automator.recording import Recorder, load_trajectory
from automator.trajectory import Outcome, Step, Trajectory, Verdict, Verification

__all__ = [
    "AutomatorError",
    "ConfigError",
    "InvalidTarget",
    "LoopConfig",
    "Outcome",
    "Recorder",
    "RecordingError",
    "Step",
    "TaskError",
    "Trajectory",
    "Verdict",
    "Verification",
    "build_device",
    "build_planner",
    "load_trajectory",
    "run_episode",
]
