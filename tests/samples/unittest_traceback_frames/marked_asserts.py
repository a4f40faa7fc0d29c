"""A module marked as unittest marks its own (``__unittest``): its frames are left out of a
unittest case's failure listing, and shown in a plain test function's."""

__unittest = True


def assert_equal(first, second):
    if first != second:
        raise AssertionError(f"{first!r} != {second!r}")
