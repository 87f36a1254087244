#!/usr/bin/env bash
# Installs what the tests need that a fresh machine may lack. Idempotent and quiet: does nothing
# when everything is present.
# - The .NET SDK pinned in global.json: checked, not installed (the machines here ship it).
# - Chromium for the browser tests: Debian's `chromium` package at /usr/bin/chromium, installed with
#   apt-get when missing (as root, or through sudo). PAPERBOY_CHROMIUM names another executable
#   instead, which is then only checked. Playwright never downloads a browser.
# - node and npm, which the build of Paperboy.Web uses once to install KaTeX from
#   package-lock.json: Debian's nodejs and npm, installed with apt-get when missing.
# - A real SMTP server for the mail tests: Debian's python3-aiosmtpd, run by the tests on 127.0.0.1
#   as /usr/bin/python3 -m aiosmtpd; installed with apt-get when the module is missing.
# - A real PostgreSQL for the store tests: Debian's postgresql package, whose initdb and postgres
#   (/usr/lib/postgresql/N/bin) the tests run as a throwaway cluster; installed with apt-get when no
#   initdb and postgres are found (PAPERBOY_PG_BIN names another directory instead, which is then only
#   checked). As root the tests run them as the package's postgres user, which must exist.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-test-deps: the .NET 10 SDK is required (dotnet not on PATH)" >&2
  exit 1
fi
dotnet --version >/dev/null

chromium=/usr/bin/chromium

# Runs a command as root: directly when we are root, else through sudo when it works without a prompt.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    echo "install-test-deps: a missing package needs root to install ($*):" \
      "run as root, allow sudo, or install it yourself (for Chromium, PAPERBOY_CHROMIUM may name another executable)" >&2
    exit 1
  fi
}

apt_install() {
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

install_chromium() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-test-deps: no Chromium at $chromium and no apt-get to install Debian's chromium;" \
      "install Chromium and set PAPERBOY_CHROMIUM to its executable" >&2
    exit 1
  fi
  as_root true
  echo "install-test-deps: installing Debian's chromium for the browser tests"
  # Refresh the package lists only when they do not offer chromium (a fresh image ships none) or
  # when they are stale and the install fails on them.
  if ! apt-cache policy chromium 2>/dev/null | grep -q 'Candidate: [^(]'; then
    as_root apt-get update -q
  fi
  if ! apt_install chromium; then
    as_root apt-get update -q
    apt_install chromium
  fi
  if [ ! -x "$chromium" ]; then
    echo "install-test-deps: installed chromium, but $chromium is still missing" >&2
    exit 1
  fi
}

if [ -n "${PAPERBOY_CHROMIUM:-}" ]; then
  if [ ! -x "$PAPERBOY_CHROMIUM" ]; then
    echo "install-test-deps: PAPERBOY_CHROMIUM=$PAPERBOY_CHROMIUM is not an executable" >&2
    exit 1
  fi
elif [ ! -x "$chromium" ]; then
  install_chromium
fi

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "install-test-deps: installing node and npm (the web build bundles KaTeX from npm)" >&2
  as_root apt-get update -q
  apt_install nodejs npm
fi

# The refresh of the package lists happens only when they do not offer the package or the install fails.
install_apt_package() {
  if ! apt-cache policy "$1" 2>/dev/null | grep -q 'Candidate: [^(]'; then
    as_root apt-get update -q
  fi
  if ! apt_install "$1"; then
    as_root apt-get update -q
    apt_install "$1"
  fi
}

if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-test-deps: the mail tests need Python's aiosmtpd (Debian's python3-aiosmtpd) and there is no apt-get" >&2
    exit 1
  fi
  as_root true
  echo "install-test-deps: installing Debian's python3-aiosmtpd for the mail tests"
  install_apt_package python3-aiosmtpd
  /usr/bin/python3 -c 'import aiosmtpd' || { echo "install-test-deps: installed python3-aiosmtpd, but python3 cannot import aiosmtpd" >&2; exit 1; }
fi

# Where the tests look for initdb and postgres (tests/Paperboy.Testing/PostgresServer.cs), in the same order.
postgres_bin() {
  if [ -n "${PAPERBOY_PG_BIN:-}" ]; then
    echo "$PAPERBOY_PG_BIN"
    return
  fi
  local dir
  dir=$(pg_config --bindir 2>/dev/null || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ]; then
    echo "$dir"
    return
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ]; then
      echo "$dir"
      return
    fi
  done
  dir=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
  if [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ]; then
    echo "$dir"
  fi
}

if [ -z "$(postgres_bin)" ]; then
  if [ -n "${PAPERBOY_PG_BIN:-}" ]; then
    echo "install-test-deps: PAPERBOY_PG_BIN=$PAPERBOY_PG_BIN holds no initdb and postgres" >&2
    exit 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-test-deps: the store tests need PostgreSQL's initdb and postgres (Debian's postgresql) and there is no apt-get" >&2
    exit 1
  fi
  as_root true
  echo "install-test-deps: installing Debian's postgresql for the store tests"
  install_apt_package postgresql
  [ -n "$(postgres_bin)" ] || { echo "install-test-deps: installed postgresql, but no initdb and postgres were found" >&2; exit 1; }
fi
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  echo "install-test-deps: running as root, the PostgreSQL tests need the postgres user (Debian's postgresql package makes it)" >&2
  exit 1
fi
