"""A package whose tests ship inside it, run as ``--pyargs mypkg.tests``."""


def double(value):
    return value * 2
