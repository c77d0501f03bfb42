"""The link stage: reposts, stories, claim clusters, provenance and independence, conflicts and framing.

It reads and writes through ``wiretrace.store`` only, and never imports the views.
"""
