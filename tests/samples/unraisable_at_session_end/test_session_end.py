"""A socket left unclosed in a reference cycle: only the collection after the last test frees it.

Under ``filterwarnings = error`` its ResourceWarning is then an error inside ``__del__``, an
unraisable exception whose warning is an error too: pytest ends the run with that traceback and
exit status 1 although every test passed.
"""

import asyncio
import socket


class Holder:
    pass


async def test_async_passes():
    await asyncio.sleep(0)


def test_leaks_a_socket_in_a_cycle():
    holder = Holder()
    holder.self = holder  # refcounting never frees it: the garbage collector does, after the run
    holder.sock = socket.socket()
