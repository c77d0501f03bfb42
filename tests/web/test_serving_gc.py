"""``wiretrace serve`` tunes the garbage collector for a long-running server (``tune_gc_for_serving``)."""

from __future__ import annotations

import gc

from wiretrace.web import SERVING_GC_THRESHOLDS, tune_gc_for_serving


def test_tuning_freezes_what_is_alive_and_makes_collections_rarer() -> None:
    before = gc.get_threshold()
    try:
        tune_gc_for_serving()
        assert gc.get_threshold() == SERVING_GC_THRESHOLDS
        assert SERVING_GC_THRESHOLDS[0] > before[0]
        assert gc.get_freeze_count() > 0  # the modules and objects alive now are never scanned again
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
