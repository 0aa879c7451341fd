"""Pure-Python analysis of article text: no Qt, no database, nothing of ours imported.

Everything here takes and returns plain values so that it is easy to test and to benchmark.
"""
