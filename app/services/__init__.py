"""Use cases over domain and storage; the GUI and the CLI both call only these."""
