from conftest import Money


def test_money():
    assert Money(1) == Money(2)
