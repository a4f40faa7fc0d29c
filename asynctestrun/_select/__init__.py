"""Test selection: the ``-k`` / ``-m`` match-expression language and the matchers it is evaluated with."""
