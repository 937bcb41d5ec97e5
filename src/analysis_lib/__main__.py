from analysis_lib.cli import main

raise SystemExit(main())
