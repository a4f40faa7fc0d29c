def test_embeddings():
    raise AssertionError("never runs")
