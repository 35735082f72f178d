"""An independently written cross-script linkage benchmark (synthetic, fictional people).

Written without reading Shomar's linkage, simulation or names code, and without importing
``shomar``: the lists are linked through the public command line (``shomar link``) only, so
the benchmark does not share the simulator's assumptions. See ``README.md`` here.
"""
