"""pytest-asyncio's own fixtures and helpers: free ports, the loop policy, is_async_test."""

import asyncio
import socket

import pytest


def test_unused_tcp_port_can_be_bound(unused_tcp_port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", unused_tcp_port))


def test_unused_udp_port_can_be_bound(unused_udp_port):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", unused_udp_port))


def test_port_factories_give_distinct_ports(unused_tcp_port_factory, unused_udp_port_factory):
    tcp = {unused_tcp_port_factory() for _ in range(3)}
    udp = {unused_udp_port_factory() for _ in range(3)}
    assert len(tcp) == 3 and len(udp) == 3


@pytest.mark.asyncio
async def test_a_server_on_the_unused_port(unused_tcp_port):
    async def echo(reader, writer):
        writer.write(await reader.readline())
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(echo, "127.0.0.1", unused_tcp_port)
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", unused_tcp_port)
        writer.write(b"ping\n")
        assert await reader.readline() == b"ping\n"
        writer.close()
        await writer.wait_closed()


@pytest.mark.asyncio
async def test_marked_by_the_conftest(request):
    assert request.node.get_closest_marker("is_async") is not None


def test_sync_is_not_marked(request):
    assert request.node.get_closest_marker("is_async") is None


async def test_unmarked_coroutine_is_not_claimed_in_strict_mode(request):
    # Not run by pytest-asyncio: is_async_test says no, and the test fails unrun.
    pass
