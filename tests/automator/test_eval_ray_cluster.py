"""`eval --ray ADDRESS`: a Ray head node started apart (`ray start --head`, as on a cluster's
first machine) on loopback plays the runs this process would, records them as they finish,
resumes, and its actors all call the one served model."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import automator.runs.ray_pool as ray_pool
from automator.cli import main
from automator.evaluate import evaluate, script_planner
from automator.runs.store import RESULTS
from tests.automator.test_eval_resume import _comparable
from tests.vlm.test_openai_compat import ChatServer, _Handler, server  # noqa: F401 (fixture)

ROOT = Path(__file__).resolve().parents[2]
SUITE = ROOT / "datasets" / "tasks" / "virtual-phone" / "dev"
TASKS = "clock-alarm-[69]*"  # two tasks
FINISH = '{"thought": "done", "action": {"kind": "finish", "status": "success"}}'
pytestmark = pytest.mark.slow  # a head node takes 4-7 s to start; the module 15-35 s on 2 cores


@pytest.fixture(scope="module")
def head() -> Iterator[str]:
    """The address of a Ray head node of its own: a session of processes that is ended,
    every one, however the tests went."""
    pytest.importorskip("ray", reason="the Ray pool needs ray (pyproject dependency)")
    # Authentication as this process's Ray has it, which no later setting changes: fixed
    # at its import, or turned on (RAY_AUTH_MODE=token, ~/.ray/auth_token) by the ray.init
    # of an earlier test's local instance. Drivers started here inherit the same.
    token = os.environ.get("RAY_AUTH_MODE", "").lower() == "token"
    env = os.environ | {"RAY_AUTH_MODE": "token" if token else "disabled"}
    ray_cli = [sys.executable, "-m", "ray.scripts.scripts"]
    if token:  # the user's, made if missing as ray.init makes it
        subprocess.run([*ray_cli, "get-auth-token", "--generate"], env=env, check=True,
                       capture_output=True)
    folder = Path(tempfile.mkdtemp(prefix="ray-"))  # short: Ray's socket paths live in it
    port = _free_port()
    command = [*ray_cli, "start", "--head",
               f"--port={port}", "--node-ip-address=127.0.0.1", "--num-cpus=2",
               "--include-dashboard=false", f"--dashboard-port={_free_port()}",
               f"--dashboard-agent-listen-port={_free_port()}", f"--temp-dir={folder}",
               "--disable-usage-stats"]
    log = folder / "start.log"
    with log.open("w") as out:
        starter = subprocess.Popen(command, cwd=folder, env=env, start_new_session=True,
                                   stdout=out, stderr=subprocess.STDOUT)
    try:
        assert starter.wait(timeout=120) == 0, log.read_text()
        yield f"127.0.0.1:{port}"
    finally:
        starter.kill()
        starter.wait()
        left = _end_session(starter.pid)
        shutil.rmtree(folder, ignore_errors=True)
        assert not left, f"Ray processes outlived the head node: {left}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _session(sid: int) -> list[int]:
    """The live processes of session `sid` (Ray's workers have process groups of their own,
    but stay in the session of the `ray start` that began it)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, _, _, session = stat.read_text().rsplit(")", 1)[1].split()[:4]
        except (OSError, IndexError):
            continue  # gone meanwhile
        if int(session) == sid and state != "Z":
            found.append(int(stat.parent.name))
    return found


def _end_session(sid: int) -> list[int]:
    """Kill every process of the session (a node of a test keeps nothing worth a graceful
    stop, and its servers take seconds to heed SIGTERM); what is left."""
    for pid in _session(sid):
        with contextlib.suppress(ProcessLookupError):  # ended meanwhile
            os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while _session(sid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return _session(sid)


def _keys(out: Path) -> list[str]:
    return [json.loads(line)["key"] for line in (out / RESULTS).read_text().splitlines()]


@pytest.mark.sim
def test_a_cluster_plays_records_and_resumes_the_runs_of_this_process(head, tmp_path,
                                                                      monkeypatch):
    import ray

    monkeypatch.chdir(tmp_path)  # Ray would put the driver's folder on the actors' path
    here = evaluate(SUITE, script_planner, tmp_path / "here", pattern=TASKS)
    out = tmp_path / "ray"
    stored: list[tuple[str, list[str]]] = []  # each report, and the store when it came
    try:
        spread = evaluate(SUITE, script_planner, out, pattern=TASKS, ray=head, workers=2,
                          on_task=lambda r: stored.append((r.key, _keys(out))))
        assert len(spread.tasks) == 2
        assert [(t.id, t.success, t.steps, t.outcome) for t in spread.tasks] == [
            (t.id, t.success, t.steps, t.outcome) for t in here.tasks]
        assert all(key in lines for key, lines in stored)  # recorded before it is told
        assert [len(lines) for _, lines in stored] == [1, 2]  # one at a time, as they end
        assert all((out / t.id / "seed-0" / "episode.json").exists() for t in spread.tasks)
        # the actors run a copy of this process's code, shipped with the job, not a
        # checkout or install of their machine
        there, code = _actors_code(ray)
        assert there != ray_pool.__file__ and code == Path(ray_pool.__file__).read_bytes()
        # one run lost: only it is played again, and the summary is the same
        first = (out / RESULTS).read_text().splitlines()[0]
        (out / RESULTS).write_text(first + "\n")
        stored.clear()
        again = evaluate(SUITE, script_planner, out, pattern=TASKS, ray=head, workers=2,
                         on_task=lambda r: stored.append((r.key, _keys(out))))
    finally:
        ray.shutdown()
    assert [key for key, _ in stored] == [k for k in _keys(out) if k != json.loads(first)["key"]]
    assert _comparable(again.to_dict()) == _comparable(spread.to_dict())


@pytest.mark.sim
def test_the_command_line_plays_on_the_cluster(head, tmp_path):
    here = evaluate(SUITE, script_planner, tmp_path / "here", pattern=TASKS).to_dict()
    # relative --out, from a folder of its own: the actors' folders do not depend on theirs
    command = [sys.executable, "-m", "automator.cli", "eval", str(SUITE), "--planner",
               "script", "--tasks", TASKS, "--out", "cli", "--ray", head, "--workers", "2"]
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    summary = json.loads((tmp_path / "cli" / "summary.json").read_text())
    assert _comparable(summary) == _comparable(here | {"complete": True})
    assert all((tmp_path / "cli" / t["id"] / "seed-0" / "episode.json").exists()
               for t in summary["tasks"])


def _actors_code(ray) -> tuple[str, bytes]:
    """Where the job's workers import the project from, and what it says there."""
    def where() -> tuple[str, bytes]:
        import automator.runs.ray_pool as module

        return module.__file__, Path(module.__file__).read_bytes()

    found: tuple[str, bytes] = ray.get(ray.remote(num_cpus=1)(where).remote())
    return found


class _PeerHandler(_Handler):
    """Notes which process sent each request: the owner of the client's end of the
    loopback connection."""

    def do_POST(self) -> None:
        server_port = self.server.server_address[1]
        self.server.peers.append(_process_of(self.client_address[1], server_port))  # type: ignore[attr-defined]
        super().do_POST()


def _process_of(port: int, server_port: int) -> int | None:
    """The process holding the client's end of a loopback connection to `server_port` from
    `port` (its inode, then its owner). Only that connection's row counts: another socket
    may use the same port number on another address, and one closed earlier lingers in
    TIME_WAIT with no inode."""
    inodes = [row.split()[9]
              for name in ("/proc/net/tcp", "/proc/net/tcp6")
              for row in Path(name).read_text().splitlines()[1:]
              if _port(row.split()[1]) == port and _port(row.split()[2]) == server_port
              and row.split()[9] != "0"]
    targets = {f"socket:[{inode}]" for inode in inodes}
    for fd in Path("/proc").glob("[0-9]*/fd/*"):
        try:
            if os.readlink(fd) in targets:
                return int(fd.parent.parent.name)
        except OSError:
            continue
    return None


def _port(address: str) -> int:
    """The port of an address as /proc/net/tcp writes it (`0100007F:1F90`)."""
    return int(address.split(":")[1], 16)


@pytest.mark.sim
def test_every_actor_calls_the_one_served_model(head, server: ChatServer, tmp_path,  # noqa: F811
                                                monkeypatch, capsys):
    import ray

    monkeypatch.setenv("OPENAI_API_KEY", "k-cluster")  # here only: the actors are not ours
    server.RequestHandlerClass = _PeerHandler
    server.peers = []  # type: ignore[attr-defined]
    server.script = [(200, FINISH, 0.0)] * 8
    out = tmp_path / "served"
    try:
        code = main(["eval", str(SUITE), "--planner", f"openai:m@{server.base_url}",
                     "--tasks", TASKS, "--out", str(out), "--ray", head, "--workers", "2"])
    finally:
        ray.shutdown()
    assert code == 0, capsys.readouterr()
    summary = json.loads((out / "summary.json").read_text())
    tasks = summary["tasks"]
    assert sorted(t["id"] for t in tasks) == ["clock-alarm-630", "clock-alarm-915pm"]
    assert sum(t["steps"] for t in tasks) == len(server.requests)  # one request a step
    assert all(r["model"] == "m" for r in server.requests)
    assert {h["Authorization"] for h in server.headers_seen} == {"Bearer k-cluster"}
    peers = set(server.peers)  # type: ignore[attr-defined]
    assert len(peers) == 2 and None not in peers and os.getpid() not in peers
    # each said done at once without setting the alarm: played, and judged, as such
    assert [(t["steps"], t["outcome"], t["success"]) for t in tasks] == [
        (1, "success", False)] * 2
    assert summary["false_successes"] == 2
