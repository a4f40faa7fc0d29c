"""Collection: find test files, import them and their conftests, harvest fixtures and tests."""
