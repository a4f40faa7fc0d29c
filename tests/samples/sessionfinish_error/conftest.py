def pytest_sessionfinish(session, exitstatus):
    # A hook that fails after every test ran: the run ends with this traceback, exit status 1.
    raise RuntimeError("the report could not be uploaded")
