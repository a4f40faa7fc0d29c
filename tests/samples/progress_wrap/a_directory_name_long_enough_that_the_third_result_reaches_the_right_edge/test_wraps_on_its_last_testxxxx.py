"""Its path is 108 characters long: at 120 columns the third result fills the line (pytest wraps
it with its share), and is the file's last."""


def test_one():
    pass


async def test_two():
    pass


def test_three():
    pass
