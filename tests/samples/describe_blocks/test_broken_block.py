"""A block that raises while it is evaluated fails to collect alone."""


def describe_fine():
    def passes():
        pass


def describe_broken():
    def never_collected():
        pass

    raise RuntimeError("broken block")
