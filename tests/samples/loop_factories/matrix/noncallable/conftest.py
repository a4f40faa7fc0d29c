def pytest_asyncio_loop_factories(config, item):
    return {"a": "not a callable"}
