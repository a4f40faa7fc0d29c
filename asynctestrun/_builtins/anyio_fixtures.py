"""anyio's pytest fixtures, provided when anyio is installed (it is imported only when a test runs).

``anyio_backend`` is module-scoped and parametrized with the installed backends (asyncio, and trio
when importable), as anyio's plugin does, so node ids read ``test_x[asyncio]``; a suite overrides it
to choose. The port factories never hand out the same port twice in a run.
"""

from __future__ import annotations

import importlib.util
import socket
from contextlib import ExitStack
from typing import Any

from .._declare.fixtures import fixture


def available_backends() -> tuple[str, ...]:
    backends = ["asyncio"]
    if importlib.util.find_spec("trio") is not None:
        backends.append("trio")
    return tuple(backends)


@fixture(scope="module", params=available_backends())
def anyio_backend(request: Any) -> Any:
    return request.param


@fixture
def anyio_backend_name(anyio_backend: Any) -> str:
    return anyio_backend if isinstance(anyio_backend, str) else str(anyio_backend[0])


@fixture
def anyio_backend_options(anyio_backend: Any) -> dict[str, Any]:
    return {} if isinstance(anyio_backend, str) else dict(anyio_backend[1])


class FreePortFactory:
    """Ports free on both IPv4 and IPv6 loopback (when available), each returned at most once."""

    def __init__(self, kind: socket.SocketKind) -> None:
        self.kind = kind
        self._generated: set[int] = set()

    def __call__(self, family: socket.AddressFamily | None = None) -> int:
        families = (
            [family]
            if family is not None
            else [socket.AF_INET, *([socket.AF_INET6] if socket.has_ipv6 else [])]
        )
        while True:
            port = 0
            with ExitStack() as stack:
                for fam in families:
                    sock = stack.enter_context(socket.socket(fam, self.kind))
                    try:
                        sock.bind(("::1" if fam == socket.AF_INET6 else "127.0.0.1", port))
                    except OSError:
                        break
                    if not port:
                        port = sock.getsockname()[1]
                else:
                    if port not in self._generated:
                        self._generated.add(port)
                        return port


@fixture(scope="session")
def free_tcp_port_factory() -> FreePortFactory:
    return FreePortFactory(socket.SOCK_STREAM)


@fixture(scope="session")
def free_udp_port_factory() -> FreePortFactory:
    return FreePortFactory(socket.SOCK_DGRAM)


@fixture
def free_tcp_port(free_tcp_port_factory: FreePortFactory) -> int:
    return free_tcp_port_factory()


@fixture
def free_udp_port(free_udp_port_factory: FreePortFactory) -> int:
    return free_udp_port_factory()
