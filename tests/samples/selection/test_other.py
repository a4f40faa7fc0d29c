def test_other_alpha():
    pass


def test_other_omega():
    pass
