"""Running the Starlette app with uvicorn: on a socket bound first, in this thread or beside it.

Binding before serving means the port printed (or handed to a test) is the real one, even with
``--port 0``. ``ServerThread`` runs the server in a thread with its own event loop - for the
window, which keeps the main thread, and for tests on loopback - and stops it cleanly.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from types import TracebackType

import uvicorn
from starlette.applications import Starlette

from game.errors import BadInput


def bind_socket(address: str, port: int) -> socket.socket:
    """The listening socket; a port in use is bad input that says so."""
    if not 0 <= port <= 65535:
        raise BadInput("--port must be between 0 and 65535")
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((address, port))
    except OSError as err:
        sock.close()
        raise BadInput(
            f"cannot listen on {address}:{port} ({err.strerror or err}); try another --port"
        ) from None
    sock.listen(128)
    return sock


def make_server(app: Starlette) -> uvicorn.Server:
    config = uvicorn.Config(
        app, log_level="warning", ws="auto", lifespan="on", access_log=False, ws_per_message_deflate=False
    )
    return uvicorn.Server(config)


class ServerThread:
    """``with ServerThread(app, sock) as running:`` serves until the block ends."""

    def __init__(self, app: Starlette, sock: socket.socket) -> None:
        self.server = make_server(app)
        self.sock = sock
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [sock]}, name="host-server", daemon=True
        )

    def start(self, timeout: float = 10.0) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the host's server did not start")
            time.sleep(0.01)
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=timeout)

    def __enter__(self) -> ServerThread:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()


class LocalHost:
    """A whole host on loopback inside this process, on a free port: for the tests, the load
    benchmark and the screenshot run (``with LocalHost(room, make_host) as local: ...``)."""

    def __init__(self, app_for: Callable[[str], Starlette]) -> None:
        """``app_for(base_url)`` makes the app once the port is known."""
        self.sock = bind_socket("127.0.0.1", 0)
        self.base_url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.running = ServerThread(app_for(self.base_url), self.sock)

    def __enter__(self) -> LocalHost:
        self.running.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.running.stop()
