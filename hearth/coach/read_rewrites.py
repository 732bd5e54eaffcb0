"""``python -m hearth.coach.read_rewrites``: after changing the curated
rewrites, read their harsh lines once more (seconds; no training)."""

import sys

from hearth.coach import suggest
from hearth.coach.files import REWRITE_VECTORS

if __name__ == "__main__":
    print(f"Wrote the vectors of {suggest.write_vectors()} rewrites to {REWRITE_VECTORS}.", file=sys.stderr)
