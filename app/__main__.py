"""`python -m app`: parse the arguments, then run a command or start the GUI."""

import sys

from app.cli import main

sys.exit(main())
