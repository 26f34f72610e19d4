"""Local (device) services after a transport switch: shell, shell v2, exec, sync, tcp."""

from __future__ import annotations

import logging
import struct
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from devices.adb.android_cmds import U2_MAIN, android_commands
from devices.adb.coreutils import COREUTILS
from devices.adb.hostproto import Connection, HostRequestError
from devices.adb.shell import Output, Shell
from devices.adb.sync import serve_sync
from devices.adb.target import AdbTarget, FaultDropped, FaultHung
from devices.adb.u2_rpc import serve_http

if TYPE_CHECKING:
    from devices.adb.server import AdbServer

logger = logging.getLogger(__name__)

SHELL_STDOUT, SHELL_STDERR, SHELL_EXIT = 1, 2, 3
DEFAULT_U2_PORT = 9008


def make_shell(target: AdbTarget) -> Shell:
    return Shell(target, {**COREUTILS, **android_commands()})


def _packet(ident: int, data: bytes) -> bytes:
    return bytes([ident]) + struct.pack("<I", len(data)) + data


def _u2_port(line: str) -> int | None:
    """The port of a `... app_process / com.wetest.uia2.Main -p PORT` line, if it is one."""
    if U2_MAIN not in line or "app_process" not in line:
        return None
    words = line.split()
    if "-p" in words[:-1]:
        port = words[words.index("-p") + 1]
        return int(port) if port.isdigit() else None
    return DEFAULT_U2_PORT


class LocalServices:
    """The one local service a bound connection asks for."""

    def __init__(self, server: AdbServer, target: AdbTarget, conn: Connection) -> None:
        self.server = server
        self.target = target
        self.conn = conn

    def serve(self) -> None:
        request = self.conn.read_request()
        if request is None:
            return
        logger.debug("%s: local service %r", self.target.serial, request)
        self.target.connections.add(self.conn)
        try:
            self._dispatch(request)
        except FaultDropped as e:
            self._drop(e.partial)
        except FaultHung:
            self.conn.wait_closed(self.server.stopped, self.target.closed)
        finally:
            self.target.connections.discard(self.conn)

    def _dispatch(self, request: str) -> None:
        service, _, arg = request.partition(":")
        if service == "host":  # a host request after `host:tport:` (adb forward does this)
            from devices.adb.forwarding import device_request

            try:
                device_request(self.server, self.conn, f"id:{self.target.transport_id}", arg)
            except HostRequestError as e:
                self.conn.fail(str(e))
        elif service == "shell" or service.startswith("shell,"):
            options = service.split(",")[1:]
            self._shell(arg, v2="v2" in options, pty="pty" in options)
        elif service == "exec":
            self._exec(arg)
        elif service == "sync":
            self.conn.okay()
            serve_sync(self.target, self.conn.read_exact, self.conn.send)
        elif service == "tcp":
            self._tcp(arg)
        elif service == "reverse":
            self.conn.okay()
            self.conn.okay_string("") if arg == "list-forward" else self.conn.okay()
        elif service == "root":
            self.conn.okay()
            self.conn.send(b"adbd cannot run as root in production builds\n")
        else:
            self.conn.fail("closed")

    def _drop(self, partial: bytes) -> None:
        self.conn.send(partial)
        self.conn.abort()

    # --- shell ----------------------------------------------------------------------------

    def _run(self, line: str) -> Output:
        return make_shell(self.target).run(line)

    def _shell(self, line: str, v2: bool, pty: bool = False) -> None:
        """`pty`: a terminal, as `adb shell` asks for one: it ends lines with \r\n."""
        self.conn.okay()
        if not line.strip():
            return self._interactive()
        result = self._run(line)

        def frame(fd: int, data: bytes) -> bytes:
            data = data.replace(b"\n", b"\r\n") if pty else data
            return _packet(fd, data) if v2 else data

        output = b"".join(frame(f, d) for f, d in result.chunks if d)
        self._answer(line, result, output, lambda data: frame(1, data))
        if v2:
            self.conn.send(_packet(SHELL_EXIT, bytes([result.status & 0xFF])))
        return None

    def _exec(self, line: str) -> None:
        self.conn.okay()
        result = self._run(line)
        self._answer(line, result, result.stream(1))

    def _answer(self, line: str, result: Output, output: bytes,
                frame: Callable[[bytes], bytes] = bytes) -> None:
        """Send the output; a long-running service then lives until the client hangs up, and
        a command that keeps printing (`getevent`) prints until then."""
        if result.follow is not None:
            self.conn.send(output)
            return self._follow(result.follow, frame)
        if not result.hold_open:
            self.conn.send(output)
            return None
        port = _u2_port(line) or DEFAULT_U2_PORT
        with self.target.lock:
            self.target.u2_ports[port] = self.target.u2_ports.get(port, 0) + 1
        try:
            self.conn.send(output)
            self.conn.wait_closed(self.server.stopped, self.target.closed)
        finally:
            with self.target.lock:
                self.target.u2_ports[port] -= 1
                if not self.target.u2_ports[port]:
                    del self.target.u2_ports[port]

    def _follow(self, follow: Any, frame: Callable[[bytes], bytes]) -> None:
        try:
            while not (self.server.stopped.is_set() or self.target.closed.is_set()):
                data = follow(0.05)
                if data is None:
                    return
                if data:
                    self.conn.send(frame(data))
                elif self.conn.closed_by_peer(0.0):
                    return
        except OSError:  # the client went away mid-send
            return
        finally:
            follow.close()

    def _interactive(self) -> None:
        """`adb shell` without a command: read lines, answer each; no PTY, no prompt."""
        shell = make_shell(self.target)
        while True:
            try:
                line = self.conn.read_line().decode("utf-8", "replace")
            except EOFError:
                return
            if line.strip() == "exit":
                return
            result = shell.run(line)
            self.conn.send(b"".join(d for _, d in result.chunks))

    # --- tcp -------------------------------------------------------------------------------

    def _tcp(self, arg: str) -> None:
        port = arg.split(":")[0]
        if not port.isdigit() or int(port) not in self.target.u2_ports:
            self.conn.fail("closed")
            return
        self.conn.okay()
        try:
            serve_http(self.target, self.conn.read_line, self.conn.read_exact, self.conn.send)
        except EOFError:
            return

    def serve_forwarded(self, remote: str) -> None:
        """A connection accepted by `adb forward`: raw bytes to the remote service."""
        kind, _, port = remote.partition(":")
        if kind != "tcp" or not port.isdigit() or int(port) not in self.target.u2_ports:
            return
        try:
            serve_http(self.target, self.conn.read_line, self.conn.read_exact, self.conn.send)
        except EOFError:
            return
