"""``python -m planparse``: the same commands as the ``planparse`` script."""

from .cli import main

main()
