"""Assertion introspection: plain ``assert`` statements that explain themselves when they fail.

The pieces, in the order a test module meets them:

- ``hook``: an import hook that finds the modules the runner wants rewritten (test files,
  ``conftest.py``, registered plugin modules), rewrites them and caches the result on disk.
- ``rewrite``: the AST transformation itself. Every ``assert`` becomes code that records each
  sub-expression's value once and, only on failure, asks ``runtime`` for a message.
- ``runtime``: the small module the rewritten code imports; it turns recorded values into the
  ``assert ... + where ...`` text.
- ``explain``: detail lines for failed comparisons (``==`` on strings, sequences, dicts, sets,
  dataclasses, ...), with ``saferepr`` and ``pretty`` as its helpers for reprs that never raise.

Nothing is imported here on purpose: every rewritten module imports ``runtime``, so the package
must stay cheap to import.
"""
