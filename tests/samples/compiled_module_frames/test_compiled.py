"""A failure through a Cython frame (uvloop's loop.pyx, named relative to sys.path): pytest lists the
line from the .pyx file the package ships."""

import uvloop


async def fails():
    raise ValueError("inside uvloop")


def test_through_uvloops_run():
    uvloop.run(fails())


def test_passes():
    pass
