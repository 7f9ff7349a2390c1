"""``python -m newsweave`` runs the CLI."""

import sys

from newsweave.cli import main

sys.exit(main())
