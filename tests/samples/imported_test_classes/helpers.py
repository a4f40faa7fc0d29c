"""A helper class whose name matches ``Test*``: imported by a test module, it is not a test class."""


class TestClient:
    def __init__(self, base: str) -> None:
        self.base = base

    def url(self, path: str) -> str:
        return self.base + path
