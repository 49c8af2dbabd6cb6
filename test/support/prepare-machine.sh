#!/usr/bin/env bash
# Brings a fresh Debian machine to what the tests need: Chromium for the browser tests, and the
# local PostgreSQL running (tests use it when TEST_DATABASE_URL is set).
set -euo pipefail

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "prepare: installing Debian's chromium for the browser tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "prepare: chromium is missing; install it with: sudo apt-get install chromium" >&2
    exit 1
  fi
fi

if [ -d /etc/postgresql ] && command -v pg_isready >/dev/null 2>&1; then
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    echo "prepare: starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
fi
