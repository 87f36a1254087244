#!/usr/bin/env bash
# Runs every test of Paperboy on a fresh machine: installs what the tests need, builds, tests,
# and ends with one line of totals: "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet build Paperboy.slnx --configuration Release --nologo
set +e
dotnet test Paperboy.slnx --configuration Release --no-build --nologo \
  --logger "console;verbosity=minimal" 2>&1 | tee "$results/test.log"
status=${PIPESTATUS[0]}
set -e

# Totals over every test assembly's summary line ("Passed!  - Failed: 0, Passed: 17, ...").
passed=0
failed=0
while read -r f p; do
  passed=$((passed + p))
  failed=$((failed + f))
done < <(sed -n 's/.*- Failed: *\([0-9]*\), Passed: *\([0-9]*\),.*/\1 \2/p' "$results/test.log")
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$status" -ne 0 ]; then
  failed=1
fi
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"
