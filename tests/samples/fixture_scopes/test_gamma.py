from eventlog import record


def test_six(function_gen, module_agen, session_gen):
    record("run test_six")
