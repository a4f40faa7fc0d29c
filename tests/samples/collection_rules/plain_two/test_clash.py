def test_in_plain_dir_two():
    pass
