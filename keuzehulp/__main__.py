"""``python -m keuzehulp``: the same as the ``keuzehulp`` command."""

import sys

from keuzehulp.cli.main import main

sys.exit(main(sys.argv[1:]))
