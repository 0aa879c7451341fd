"""Pure-Python analysis of article text: no Qt, no database, nothing of ours imported.

Everything here takes and returns plain values so that it is easy to test and to benchmark.
"""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"  # the fitted models and calibrations
