"""Planning: fixture visibility and closures, loop-scope assignment, selection, errors found early."""
