def compute(value):
    return 1 / value


RESULT = compute(0)
