"""Not a test file: the sample has no tests at all."""
