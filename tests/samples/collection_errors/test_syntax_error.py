def test_never_collected():
    return (


def test_also_never_collected():
    pass
