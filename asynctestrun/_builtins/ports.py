"""Free local ports for the pytest-asyncio fixtures ``unused_tcp_port``, ``unused_udp_port`` and
their ``*_factory`` variants.

A port is found by binding port 0 on 127.0.0.1 and reading back what the OS chose. The socket is
closed before the test uses the port, so another process could take it in between; that race is
inherent to the fixture and accepted by pytest-asyncio too. A factory (one per run: the fixtures are
session-scoped) additionally never hands out the same port twice.
"""

from __future__ import annotations

import socket


def _unused_port(kind: socket.SocketKind) -> int:
    with socket.socket(socket.AF_INET, kind) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def unused_tcp_port() -> int:
    return _unused_port(socket.SOCK_STREAM)


def unused_udp_port() -> int:
    return _unused_port(socket.SOCK_DGRAM)


class UnusedPortFactory:
    """Call it for a free port not returned by this factory before."""

    kind: socket.SocketKind = socket.SOCK_STREAM

    def __init__(self) -> None:
        self._produced: set[int] = set()

    def __call__(self) -> int:
        port = _unused_port(self.kind)
        while port in self._produced:
            port = _unused_port(self.kind)
        self._produced.add(port)
        return port


class UnusedTcpPortFactory(UnusedPortFactory):
    kind = socket.SOCK_STREAM


class UnusedUdpPortFactory(UnusedPortFactory):
    kind = socket.SOCK_DGRAM
