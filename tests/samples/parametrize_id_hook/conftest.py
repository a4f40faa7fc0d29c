"""A conftest that names parameter ids through ``pytest_make_parametrize_id``."""


class Point:
    def __init__(self, x):
        self.x = x


def pytest_make_parametrize_id(config, val, argname):
    if isinstance(val, Point):
        return f"P{val.x}"
    if isinstance(val, dict):
        return f"{argname}=dict{len(val)}"
    return None  # the default id
