"""Per-device host requests: get-state, get-serialno, features, forward, list-forward.

A forward listens on a host TCP port; each accepted connection is served as if the client
had asked for the remote local service (only `tcp:<port>` of a running uiautomator2
service is served; other remotes are refused by closing the connection).
"""

from __future__ import annotations

import logging
import socket
import threading
from typing import TYPE_CHECKING

from devices.adb.hostproto import Connection, HostRequestError
from devices.adb.target import AdbTarget

if TYPE_CHECKING:
    from devices.adb.server import AdbServer

logger = logging.getLogger(__name__)


def device_request(server: AdbServer, conn: Connection, selector: str, command: str) -> None:
    if command.startswith("list-forward"):
        lines = [
            f"{serial} {local} {remote}\n" for local, (serial, remote, _) in server.forwards.items()
        ]
        conn.okay_string("".join(lines))
        return
    if command == "killforward-all":
        for local in list(server.forwards):
            _kill(server, local)
        conn.okay()
        conn.okay()
        return
    if command.startswith("killforward:"):
        local = command.split(":", 1)[1]
        if local not in server.forwards:
            raise HostRequestError(f"listener '{local}' not found")
        _kill(server, local)
        conn.okay()
        conn.okay()
        return
    target = server.select(selector)
    if command.startswith("forward:"):
        _forward(server, conn, target, command[len("forward:") :])
    elif command.startswith("wait-for-"):
        conn.okay()
        conn.okay()
    elif command in ("get-state", "get-serialno", "get-devpath", "features"):
        conn.okay_string(_info(server, target, command))
    else:
        raise HostRequestError(f"unknown host service '{command}'")


def _info(server: AdbServer, target: AdbTarget, command: str) -> str:
    from devices.adb.server import FEATURES

    return {
        "get-state": server.states.get(target.serial, "device"),
        "get-serialno": target.serial,
        "get-devpath": f"usb:1-{target.transport_id}",
        "features": FEATURES,
    }[command]


def _forward(server: AdbServer, conn: Connection, target: AdbTarget, spec: str) -> None:
    norebind = spec.startswith("norebind:")
    local, _, remote = spec.removeprefix("norebind:").partition(";")
    if not local.startswith("tcp:") or not local[4:].isdigit() or not remote:
        raise HostRequestError(f"cannot bind listener: bad forward spec '{spec}'")
    if local in server.forwards:
        if norebind:
            raise HostRequestError(f"cannot rebind existing socket: {local}")
        _kill(server, local)
    listener = socket.create_server((server.host, int(local[4:])))
    port = listener.getsockname()[1]
    local = f"tcp:{port}"
    server.forwards[local] = (target.serial, remote, listener)
    threading.Thread(target=_accept, args=(server, target, remote, listener), daemon=True,
                     name=f"adb-forward-{port}").start()  # fmt: skip
    conn.okay()
    conn.okay_string(str(port))


def _kill(server: AdbServer, local: str) -> None:
    _, _, listener = server.forwards.pop(local)
    listener.close()


def _accept(server: AdbServer, target: AdbTarget, remote: str, listener: socket.socket) -> None:
    from devices.adb.services import LocalServices

    while not server.stopped.is_set():
        try:
            sock, _ = listener.accept()
        except OSError:
            return
        conn = Connection(sock)
        services = LocalServices(server, target, conn)
        threading.Thread(target=_serve_forwarded, args=(services, remote), daemon=True).start()


def _serve_forwarded(services: object, remote: str) -> None:
    from devices.adb.services import LocalServices

    assert isinstance(services, LocalServices)
    try:
        services.serve_forwarded(remote)
    except (OSError, EOFError) as e:
        logger.debug("forwarded connection ended: %s", e)
    finally:
        services.conn.close()
