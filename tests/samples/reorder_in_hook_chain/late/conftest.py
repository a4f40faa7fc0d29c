def pytest_collection_modifyitems(config, items):
    # Found while collecting, so registered after pytest's fixture manager and called before it:
    # the regrouping starts from this order.
    if config.getoption("reverse_first"):
        items.reverse()
