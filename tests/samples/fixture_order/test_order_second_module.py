from eventlog import record


def test_session_param_in_second_module(backend):
    record(f"run test_session_param_in_second_module[{backend}]")


def test_plain_test_in_second_module():
    record("run test_plain_test_in_second_module")
