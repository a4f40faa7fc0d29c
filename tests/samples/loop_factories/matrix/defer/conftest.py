from loops import LoopC


def pytest_asyncio_loop_factories(config, item):
    # None defers to the next implementation (the outer conftest's).
    if item.get_closest_marker("only_c") is not None:
        return {"c": LoopC}
    return None
