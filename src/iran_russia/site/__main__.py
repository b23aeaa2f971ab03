import sys

from iran_russia.site.build import main

sys.exit(main(sys.argv[1:]))
