"""``python -m analysis_lib`` with the library hash, the commit and the audit summary pinned.

The fault tests compare builds made minutes apart while other code may change;
pinning these keeps their outputs comparable. Usage: ``python fault_runner.py build ...``.
"""

import sys

from analysis_lib import cli
from analysis_lib.publish import index, manifest, pipeline

manifest.library_hash = lambda *args: "pinned-library"
pipeline.build_commit = lambda: "0123abcd"
index.audit_summary = lambda data_dir=None: {"gacc": {"consistent": 1}}

if __name__ == "__main__":
    raise SystemExit(cli.main(sys.argv[1:]))
