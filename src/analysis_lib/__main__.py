import os
import sys

from analysis_lib.cli import main

code = main()
if sys.argv[1:2] == ["build"]:
    # The build has closed what it started (workers, kernels, browser) or left it to
    # its servers; the interpreter's own teardown of the imported libraries took
    # 0.1-0.2 s more on every build.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
raise SystemExit(code)
