# Shared by the conftests: who had pytest_configure called, in order.
CALLS: list[str] = []
