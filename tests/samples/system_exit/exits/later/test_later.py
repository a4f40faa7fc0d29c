def test_never_collected() -> None:
    pass
