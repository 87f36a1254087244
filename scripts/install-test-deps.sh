#!/usr/bin/env bash
# Installs what the tests need that a fresh machine may lack. Idempotent: does nothing when
# everything is present. Today: the .NET SDK pinned in global.json (checked, not installed:
# the machines here ship it). Later issues add Debian packages here (chromium, postgresql,
# python3-aiosmtpd), installed with apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-test-deps: the .NET 10 SDK is required (dotnet not on PATH)" >&2
  exit 1
fi
dotnet --version >/dev/null
