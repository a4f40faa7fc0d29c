def check(value):
    assert value == 2
