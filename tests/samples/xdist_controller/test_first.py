def test_sees_its_worker_input(request):
    workerinput = request.config.workerinput
    assert workerinput["workerid"].startswith("gw")
    assert workerinput["workercount"] == 2


def test_two():
    pass
