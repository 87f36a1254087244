#!/usr/bin/env bash
# Installs what the tests need that a fresh machine may lack. Idempotent: does nothing when
# everything is present. Today: the .NET SDK pinned in global.json (checked, not installed:
# the machines here ship it), and node with npm, which the build of Paperboy.Web uses once to
# install KaTeX from package-lock.json (installed from Debian's packages when missing). Later issues add Debian packages here (chromium, postgresql,
# python3-aiosmtpd), installed with apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-test-deps: the .NET 10 SDK is required (dotnet not on PATH)" >&2
  exit 1
fi
dotnet --version >/dev/null

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "install-test-deps: installing node and npm (the web build bundles KaTeX from npm)" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
