import sys

from newstext.course.cli import main

sys.exit(main())
