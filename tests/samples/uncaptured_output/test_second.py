def test_in_another_file():
    print("second file")
