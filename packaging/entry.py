"""The frozen application's entry: the command line, which opens the window with no command."""

from annotator.cli import main

if __name__ == "__main__":
    main()
