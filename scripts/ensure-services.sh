#!/usr/bin/env bash
# Make sure the PostgreSQL server the store tests use (127.0.0.1:5432, database `test`) is up.
# On this kind of machine it is started before the session; start it again if it stopped.
set -u
if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  fi
fi
exit 0
