def test_collected_after_the_broken_files():
    pass
