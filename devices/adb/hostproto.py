"""Framing of the adb host protocol: hex4-length requests, OKAY / FAIL replies."""

from __future__ import annotations

import contextlib
import re
import select
import socket
import threading
import time

MAX_PAYLOAD = 1024 * 1024
_QUICKACK = getattr(socket, "TCP_QUICKACK", None)  # Linux only

_DEVICE_COMMANDS = re.compile(
    r"(get-state|get-serialno|get-devpath|features|forward:|killforward:|killforward-all"
    r"|list-forward|wait-for-|transport|reconnect)"
)


class HostRequestError(Exception):
    """Answered to the client as `FAIL` + hex4 + this message."""


def split_host_prefix(request: str) -> tuple[str, str | None]:
    """`host-serial:<serial>:<cmd>` etc. -> (selector, cmd); cmd None when not a device
    request. Serials may contain ':' (e.g. `10.0.0.2:5555`), so the split is at the first
    colon that is followed by a known command."""
    for prefix, selector in (("host-usb:", "usb"), ("host-local:", "local"), ("host:", "any")):
        if request.startswith(prefix):
            rest = request[len(prefix) :]
            return selector, rest if _DEVICE_COMMANDS.match(rest) else None
    for prefix, tag in (("host-serial:", ""), ("host-transport-id:", "id:")):
        if not request.startswith(prefix):
            continue
        rest = request[len(prefix) :]
        for m in re.finditer(":", rest):
            if _DEVICE_COMMANDS.match(rest[m.end() :]):
                return tag + rest[: m.start()], rest[m.end() :]
    return "", None


class Connection:
    """One client socket, with the reads and writes of the host protocol."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._buf = bytearray()
        self._send_lock = threading.Lock()
        self.aborted = False

    def _recv(self, n: int) -> bytes:
        # Ack at once: clients that write a request in two pieces (http.client's headers,
        # then body) would otherwise wait for a delayed ACK (Nagle), 40 ms per request.
        if _QUICKACK is not None:
            with contextlib.suppress(OSError):
                self.sock.setsockopt(socket.IPPROTO_TCP, _QUICKACK, 1)
        return self.sock.recv(n)

    def read_exact(self, n: int) -> bytes:
        while len(self._buf) < n:
            chunk = self._recv(max(65536, n - len(self._buf)))
            if not chunk:
                raise EOFError(f"expected {n} bytes, got {len(self._buf)}")
            self._buf += chunk
        data = bytes(self._buf[:n])
        del self._buf[:n]
        return data

    def read_line(self) -> bytes:
        while b"\n" not in self._buf:
            chunk = self._recv(65536)
            if not chunk:
                if self._buf:
                    break
                raise EOFError("connection closed")
            self._buf += chunk
        end = self._buf.find(b"\n") + 1 or len(self._buf)
        line = bytes(self._buf[:end])
        del self._buf[:end]
        return line

    def read_request(self) -> str | None:
        try:
            head = self.read_exact(4)
        except EOFError:
            return None
        try:
            length = int(head, 16)
        except ValueError as e:
            raise EOFError(f"bad request length {head!r}") from e
        return self.read_exact(length).decode("utf-8", "replace")

    def send(self, data: bytes) -> None:
        if data:
            with self._send_lock:
                self.sock.sendall(data)

    def send_string(self, text: str) -> None:
        data = text.encode("utf-8")
        if len(data) > MAX_PAYLOAD - 4:
            raise ValueError("payload too large for the host protocol")
        self.send(f"{len(data):04x}".encode() + data)

    def okay(self, extra: bytes = b"") -> None:
        self.send(b"OKAY" + extra)

    def okay_string(self, text: str) -> None:
        data = text.encode("utf-8")
        self.send(b"OKAY" + f"{len(data):04x}".encode() + data)

    def fail(self, message: str) -> None:
        data = message.encode("utf-8")
        self.send(b"FAIL" + f"{len(data):04x}".encode() + data)

    def closed_by_peer(self, timeout: float) -> bool:
        """Wait up to `timeout` s; True once the client has closed (or reset) its side."""
        if self.aborted:
            return True
        try:
            ready, _, _ = select.select([self.sock], [], [], timeout)
            if not ready:
                return False
            chunk = self.sock.recv(65536)
        except (OSError, ValueError):
            return True
        if chunk:
            self._buf += chunk
        return not chunk

    def wait_closed(self, stop: threading.Event, *others: threading.Event) -> None:
        """Block until the peer closes, or any of the events is set."""
        while not (stop.is_set() or any(e.is_set() for e in others)):
            if self.closed_by_peer(0.1):
                return

    def abort(self) -> None:
        """Cut the connection now (the device vanished)."""
        self.aborted = True
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)

    def finish(self, linger: float = 0.5) -> None:
        """Close politely: end our side, read what the client still sends, then close (an
        immediate close with unread input resets the connection and can lose our last
        bytes, e.g. a shell v2 exit packet)."""
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_WR)
            deadline = time.monotonic() + linger
            while time.monotonic() < deadline and not self.closed_by_peer(0.05):
                self._buf.clear()
        self.close()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.close()
