"""An adb server (the host side of adb, port 5037 by default) that serves virtual phones.

Clients (adbutils, uiautomator2, the `adb` binary) connect over TCP and speak the real
host protocol: hex4-framed requests, `OKAY`/`FAIL` replies, host services, transport
selection, then one local (device) service per connection: `shell:`, `shell,v2:`,
`exec:`, `sync:`, `tcp:<port>`. See /work/shared/reference/adb-protocol.md.

    server = serve(port=0, phones=2)      # two VirtualPhones, serials virtual-0, virtual-1
    server.port, server.serials
    server.close()

One thread per client connection; each device's phone is driven under its target lock.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import socket
import socketserver
import threading
from collections.abc import Callable, Mapping
from typing import Any

from devices.adb.hostproto import Connection, HostRequestError, split_host_prefix
from devices.adb.profile import Profile
from devices.adb.services import LocalServices
from devices.adb.target import AdbTarget, PhoneBackend

logger = logging.getLogger(__name__)

ADB_SERVER_VERSION = 41
FEATURES = "shell_v2,cmd"  # more (stat_v2, ls_v2, sendrecv_v2) switch clients to v2 framings
_TRANSPORT_KINDS = {"any": "any", "usb": "usb", "local": "local"}


def _sanitize(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-._" else "_" for c in text)


class AdbServer:
    """A running adb host server for a set of targets; see `serve`."""

    def __init__(self, host: str, port: int, phones: Mapping[str, PhoneBackend],
                 profile: Profile | None = None, state_channel: bool = True) -> None:
        self._ids = itertools.count(1)
        self.targets: dict[str, AdbTarget] = {}
        self.states: dict[str, str] = {}
        self.forwards: dict[str, tuple[str, str, socket.socket]] = {}  # local -> (serial, remote)
        self._lock = threading.RLock()
        self.stopped = threading.Event()
        self.host_requests: list[str] = []
        for serial, phone in phones.items():
            self.add_device(serial, phone, profile, state_channel)
        self._tcp = _TCPServer((host, port), _Handler)
        self._tcp.adb = self
        self._thread = threading.Thread(target=self._tcp.serve_forever, name="adb-server",
                                        kwargs={"poll_interval": 0.1}, daemon=True)  # fmt: skip
        self._thread.start()
        logger.info("adb server on %s:%d with %s", host, self.port, self.serials)

    @property
    def port(self) -> int:
        return int(self._tcp.server_address[1])

    @property
    def host(self) -> str:
        return str(self._tcp.server_address[0])

    @property
    def serials(self) -> list[str]:
        with self._lock:
            return list(self.targets)

    # --- devices -------------------------------------------------------------------------

    def add_device(self, serial: str, phone: PhoneBackend, profile: Profile | None = None,
                   state_channel: bool = True) -> AdbTarget:
        """Plug in `phone`; `profile` makes it speak like that kind of real phone, and
        without `state_channel` it does not answer `cmd automator` (a real phone does not)."""
        with self._lock:
            target = AdbTarget(serial, phone, next(self._ids), profile, state_channel)
            self.targets[serial] = target
            self.states[serial] = "device"
            return target

    def remove_device(self, serial: str) -> None:
        """Unplug: the serial disappears and its open connections are cut."""
        with self._lock:
            target = self.targets.pop(serial, None)
            self.states.pop(serial, None)
        if target is not None:
            target.closed.set()
            for conn in list(target.connections):
                conn.abort()

    def set_state(self, serial: str, state: str) -> None:
        """E.g. "offline" or "unauthorized": listed, but transports to it fail."""
        with self._lock:
            self.states[serial] = state

    def target(self, serial: str) -> AdbTarget:
        return self.targets[serial]

    def close(self) -> None:
        self.stopped.set()
        for serial in self.serials:
            self.remove_device(serial)
        for _, _, listener in list(self.forwards.values()):
            listener.close()
        self._tcp.shutdown()
        self._tcp.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> AdbServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- host services ---------------------------------------------------------------------

    def devices_text(self, long: bool) -> str:
        lines = []
        with self._lock:
            for serial, target in self.targets.items():
                state = self.states[serial]
                if not long:
                    lines.append(f"{serial}\t{state}\n")
                    continue
                p = target.props
                lines.append(
                    f"{serial or '(no serial number)':<22} {state} usb:1-{target.transport_id}"
                    f" product:{_sanitize(p['ro.product.name'])}"
                    f" model:{_sanitize(p['ro.product.model'])}"
                    f" device:{_sanitize(p['ro.product.device'])}"
                    f" transport_id:{target.transport_id}\n"
                )
        return "".join(lines)

    def select(self, selector: str) -> AdbTarget:
        """Transport selection: a serial, "id:<n>", or any/usb/local."""
        with self._lock:
            if selector.startswith("id:"):
                found = [t for t in self.targets.values() if str(t.transport_id) == selector[3:]]
                if not found:
                    raise HostRequestError(f"no device with transport id '{selector[3:]}'")
            elif selector in _TRANSPORT_KINDS:
                found = list(self.targets.values()) if selector != "local" else []
                if len(found) > 1:
                    raise HostRequestError(_more_than_one(selector))
                if not found:
                    raise HostRequestError(_none_found(selector))
            else:
                if selector not in self.targets:
                    raise HostRequestError(f"device '{selector}' not found")
                found = [self.targets[selector]]
            target = found[0]
            state = self.states[target.serial]
        if state != "device":
            raise HostRequestError(_state_error(state))
        return target

    def handle(self, conn: Connection) -> None:
        """Serve one client connection: host requests until a transport switch or close."""
        while not self.stopped.is_set():
            request = conn.read_request()
            if request is None:
                return
            self.host_requests.append(request)
            logger.debug("host request %r", request)
            try:
                target = self._host_request(conn, request)
            except HostRequestError as e:
                conn.fail(str(e))
                return
            if target is False:
                return
            if target is not None:
                LocalServices(self, target, conn).serve()
                return

    def _host_request(self, conn: Connection, request: str) -> AdbTarget | bool | None:
        """Returns a target after a transport switch, False when the reply is final."""
        if request == "host:version":
            conn.okay_string(f"{ADB_SERVER_VERSION:04x}")
            return False
        if request in ("host:devices", "host:devices-l"):
            conn.okay_string(self.devices_text(request.endswith("-l")))
            return False
        if request.startswith("host:track-devices"):
            self._track(conn)
            return False
        if request in ("host:features", "host:host-features"):
            conn.okay_string(FEATURES)
            return False
        if request == "host:kill":
            conn.okay()
            threading.Thread(target=self.close, daemon=True).start()
            return False
        if request.startswith(("host:connect:", "host:disconnect:")):
            addr = request.split(":", 2)[2]
            conn.okay_string(f"unable to connect to {addr}")
            return False
        switched = self._transport_switch(conn, request)
        if switched is not None:
            return switched
        selector, command = split_host_prefix(request)
        if command is None:
            raise HostRequestError(f"unknown host service '{request}'")
        return self._device_request(conn, selector, command)

    def _transport_switch(self, conn: Connection, request: str) -> AdbTarget | None:
        for prefix, tport in (("host:tport:", True), ("host:transport", False)):
            if not request.startswith(prefix):
                continue
            rest = request[len(prefix) :]
            if tport:
                selector = rest.removeprefix("serial:") if rest.startswith("serial:") else rest
            else:
                selector = rest[1:] if rest.startswith(":") else rest.lstrip("-")
                selector = "id:" + selector[3:] if selector.startswith("id:") else selector
            target = self.select(selector)
            conn.okay(target.transport_id.to_bytes(8, "little") if tport else b"")
            return target
        return None

    def _device_request(self, conn: Connection, selector: str, command: str) -> bool:
        from devices.adb.forwarding import device_request

        device_request(self, conn, selector, command)
        return False

    def _track(self, conn: Connection) -> None:
        conn.okay()
        last = None
        while not self.stopped.is_set():
            text = self.devices_text(False)
            if text != last:
                conn.send_string(text)
                last = text
            if conn.closed_by_peer(0.2):
                return


def _more_than_one(kind: str) -> str:
    return {"usb": "more than one device", "local": "more than one emulator"}.get(
        kind, "more than one device/emulator"
    )


def _none_found(kind: str) -> str:
    return {"usb": "no devices found", "local": "no emulators found"}.get(
        kind, "no devices/emulators found"
    )


def _state_error(state: str) -> str:
    if state == "unauthorized":
        return (
            "device unauthorized.\nThis adb server's $ADB_VENDOR_KEYS is not set\n"
            "Try 'adb kill-server' if that seems wrong.\n"
            "Otherwise check for a confirmation dialog on your device."
        )
    return f"device {state}"


class _TCPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    adb: AdbServer


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        server: _TCPServer = self.server  # type: ignore[assignment]
        conn = Connection(self.request)
        try:
            server.adb.handle(conn)
        except (ConnectionError, EOFError, OSError) as e:
            logger.debug("client connection ended: %s", e)
        finally:
            conn.finish()


def _default_phones(count: int) -> dict[str, Any]:
    from devices.virtual.phone import VirtualPhone

    return {f"virtual-{i}": VirtualPhone(serial=f"virtual-{i}") for i in range(count)}


def serve(
    host: str = "127.0.0.1",
    port: int = 0,
    phones: Mapping[str, PhoneBackend] | int = 1,
    profile: Profile | None = None,
    state_channel: bool = True,
) -> AdbServer:
    """Start an adb server in background threads; `phones` is a serial->phone map or a
    number of fresh VirtualPhones, each speaking like `profile`'s phones (None: their own
    way) and answering `cmd automator` where `state_channel`. Port 0 picks a free port (see
    `.port`)."""
    table = _default_phones(phones) if isinstance(phones, int) else dict(phones)
    return AdbServer(host, port, table, profile, state_channel)


def run_forever(
    port: int = 5037,
    count: int = 1,
    host: str = "127.0.0.1",
    on_ready: Callable[[AdbServer], None] | None = None,
    phones: Mapping[str, PhoneBackend] | None = None,
    profile: Profile | None = None,
    state_channel: bool = True,
) -> None:
    """Serve `count` virtual phones (or the `phones` given, serial->phone) until interrupted
    or until a client sends `host:kill`; `on_ready` is called once the server listens (the
    command line prints its address)."""
    phones_ = phones if phones is not None else count
    with serve(host, port, phones_, profile, state_channel) as server:
        if on_ready is not None:
            on_ready(server)
        with contextlib.suppress(KeyboardInterrupt):
            server.stopped.wait()
