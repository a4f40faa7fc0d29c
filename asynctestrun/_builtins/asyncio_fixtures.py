"""pytest-asyncio's fixtures, provided only when pytest-asyncio takes part in the run.

With ``-p no:asyncio`` pytest has none of them: ``event_loop_policy`` is not among a test's fixtures
and requesting ``unused_tcp_port`` is a missing fixture, so they are harvested apart from the rest.
"""

from __future__ import annotations

import asyncio

from .._declare.fixtures import fixture
from .ports import UnusedTcpPortFactory, UnusedUdpPortFactory
from .ports import unused_tcp_port as _tcp
from .ports import unused_udp_port as _udp


@fixture(scope="session", autouse=True)
def event_loop_policy() -> asyncio.AbstractEventLoopPolicy:
    """The policy new event loops come from; override it (e.g. uvloop.EventLoopPolicy()) to change loops."""
    return asyncio.get_event_loop_policy()


@fixture
def unused_tcp_port() -> int:
    return _tcp()


@fixture
def unused_udp_port() -> int:
    return _udp()


@fixture(scope="session")
def unused_tcp_port_factory() -> UnusedTcpPortFactory:
    return UnusedTcpPortFactory()


@fixture(scope="session")
def unused_udp_port_factory() -> UnusedUdpPortFactory:
    return UnusedUdpPortFactory()
