"""What the cyclic garbage collector sees of objects made while the test modules were collected."""

import gc
import weakref


class Node:
    pass


_cycle = Node()
_cycle.self = _cycle
_cycle_ref = weakref.ref(_cycle)
del _cycle

_kept = Node()
_kept.self = _kept
_kept_ref = weakref.ref(_kept)


def test_an_import_time_cycle_is_collected():
    gc.collect()
    assert _cycle_ref() is None


def test_a_cycle_dropped_by_a_test_is_collected():
    global _kept
    _kept = None
    gc.collect()
    assert _kept_ref() is None


def test_a_constant_tuple_becomes_untracked():
    untracked = (1, 2, 3)
    for _ in range(5):
        gc.collect()
        if not gc.is_tracked(untracked):
            break
    assert not gc.is_tracked(untracked)
