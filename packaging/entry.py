"""The frozen application's entry: the command line, which opens the window with no command."""

import multiprocessing

from annotator.cli import main

if __name__ == "__main__":
    # An import reads its articles' languages and fingerprints in worker processes: in
    # the frozen application each worker is this executable started again, which must
    # do that work and not open a window.
    multiprocessing.freeze_support()
    main()
