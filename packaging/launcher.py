"""The bundled program's entry point: the same ``hermes-desktop`` command as the Python package's."""

from hermes_desktop.cli import main

raise SystemExit(main())
