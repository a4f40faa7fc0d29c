def pytest_generate_tests(metafunc):
    # pytest-asyncio's own generate_tests hook (tryfirst) has marked the definition already.
    metafunc.function.definition_marked = metafunc.definition.get_closest_marker("asyncio") is not None
