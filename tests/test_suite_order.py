"""The suite's own conventions: the tests marked slow run after every other test."""

from __future__ import annotations


def test_the_slow_tests_are_ordered_after_the_rest(request):
    """Collected in file order, browser/test_concurrency.py (slow) would come before the unit tests."""
    slow = [item.get_closest_marker("slow") is not None for item in request.session.items]
    assert slow == sorted(slow)
