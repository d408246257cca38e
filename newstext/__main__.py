import sys

from newstext.course.cli import main

# The guard matters: where worker processes are spawned (macOS, Windows), each one imports
# this module again, and must not run the command a second time.
if __name__ == "__main__":
    sys.exit(main())
