#!/usr/bin/env bash
# Renders the README's screenshots into docs/screenshots: home, search, paper and library pages in
# light and dark, at desktop (1280x800) and phone (390x844) width, from the app on a temporary data
# directory holding the demo corpus (the library signed in through the logged link, with three papers
# saved), in Debian's Chromium (installed when missing). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh
dotnet run --project tools/Paperboy.Screenshots --configuration Release -- docs/screenshots
