from asynctestrun._config.blocked_flags import blocked_flags, blocked_plugins, with_blocked


def test_blocking_the_cache_provider_blocks_stepwise_too():
    assert blocked_plugins(["cacheprovider"]) == {"cacheprovider", "stepwise"}
    assert blocked_plugins(["stepwise"]) == {"stepwise"}
    # pytest matches the name a plugin registers under: pytest_cacheprovider is not it.
    assert blocked_plugins(["pytest_cacheprovider", "asyncio"]) == frozenset()


def test_flags_of_blocked_plugins_are_found_with_or_without_a_value():
    tokens = ["--lf", "--lfnf", "none", "--junitxml=out.xml", "--sw", "tests"]
    assert blocked_flags(tokens, ["cacheprovider"]) == ["--lf", "--lfnf", "--sw"]
    assert blocked_flags(tokens, ["junitxml"]) == ["--junitxml=out.xml"]
    assert blocked_flags(tokens, []) == []


def test_blocked_flags_join_the_unknown_ones_in_command_line_order():
    tokens = ["--bogus", "--lf", "-q", "--other=1", "--cache-clear"]
    merged = with_blocked(tokens, ["--bogus", "--other=1"], ["--lf", "--cache-clear"])
    assert merged == ["--bogus", "--lf", "--other=1", "--cache-clear"]
    assert with_blocked(tokens, ["--bogus"], []) == ["--bogus"]
