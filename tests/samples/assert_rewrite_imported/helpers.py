def check_total(items, expected):
    assert sum(items) == expected
