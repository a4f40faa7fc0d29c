from asynctestrun._config.blocked_flags import blocked_flags, blocked_plugins, with_blocked


def test_blocking_the_cache_provider_blocks_stepwise_too():
    assert blocked_plugins(["cacheprovider"]) == {"cacheprovider", "stepwise"}
    assert blocked_plugins(["stepwise"]) == {"stepwise"}
    # pytest matches the name a plugin registers under: pytest_cacheprovider is not it.
    assert blocked_plugins(["pytest_cacheprovider", "monkeypatch"]) == frozenset()


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


def test_replaced_plugins_are_matched_by_the_name_they_register_under():
    # pytest-cov's entry point is pytest_cov, which -p no:cov blocks too; pytest-timeout's is timeout.
    assert blocked_plugins(["cov"]) == {"pytest_cov"}
    assert blocked_plugins(["pytest_cov"]) == {"pytest_cov"}
    assert blocked_plugins(["timeout"]) == {"timeout"}
    assert blocked_plugins(["pytest_timeout"]) == frozenset()


def test_short_flags_of_blocked_plugins_are_found_with_an_attached_value():
    tokens = ["-n2", "-q", "--numprocesses=2", "--dist", "load", "-x"]
    assert blocked_flags(tokens, ["xdist"]) == ["-n2", "--numprocesses=2", "--dist"]


def test_a_tolerated_flag_already_unknown_is_listed_once():
    tokens = ["--cov=pkg", "-q"]
    assert with_blocked(tokens, ["--cov=pkg"], ["--cov=pkg"]) == ["--cov=pkg"]


def test_the_options_asynctestrun_tolerates_go_with_their_plugin():
    # pytest: "unrecognized arguments" for each of them once its plugin is blocked on the command line.
    tokens = ["--log-cli-level=INFO", "--junitprefix=ci", "--doctest-modules", "--pdb", "--runxfail", "-q"]
    assert blocked_flags(tokens, ["logging"]) == ["--log-cli-level=INFO"]
    assert blocked_flags(tokens, ["junitxml"]) == ["--junitprefix=ci"]
    assert blocked_flags(tokens, ["doctest"]) == ["--doctest-modules"]
    assert blocked_flags(tokens, ["debugging"]) == ["--pdb"]
    assert blocked_flags(tokens, ["skipping"]) == ["--runxfail"]
