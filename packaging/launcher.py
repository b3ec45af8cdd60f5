"""Entry script of the frozen app (PyInstaller): the same as `python -m explorer`."""

import multiprocessing

from explorer.cli import main

if __name__ == "__main__":
    # The trainer runs in a spawned child process: a frozen app must let
    # multiprocessing take over when it starts as that child.
    multiprocessing.freeze_support()
    raise SystemExit(main())
