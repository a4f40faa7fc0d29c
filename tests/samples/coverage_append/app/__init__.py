"""Two functions: the earlier run's data (.coverage) covers first, this run's test second."""


def first():
    return 1


def second():
    return 2
