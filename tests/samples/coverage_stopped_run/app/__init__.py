def double(value):
    return value * 2


def never_called():
    return "missed"
