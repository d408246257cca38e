import sys

from newstext.cli import main

sys.exit(main())
