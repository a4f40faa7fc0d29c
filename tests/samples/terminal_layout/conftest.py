class Money:
    def __init__(self, amount):
        self.amount = amount

    def __eq__(self, other):
        return isinstance(other, Money) and other.amount == self.amount


# A plugin's own explanation of a failed comparison replaces the built-in one; its lines are shown
# as given, a line break inside one escaped.
def pytest_assertrepr_compare(op, left, right):
    if isinstance(left, Money) and isinstance(right, Money) and op == "==":
        return ["Comparing Money:", f"   amounts: {left.amount} != {right.amount}", "one\ntwo"]
