#!/usr/bin/env bash
# Runs every test of Paperboy on a fresh machine: installs what the tests need, builds, tests,
# and ends with one line of totals: "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet build Paperboy.slnx --configuration Release --nologo
status=0
dotnet test Paperboy.slnx --configuration Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?

# Totals from every test assembly's TRX report (dotnet test's own summary is per assembly).
passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$status" -ne 0 ]; then
  failed=1
fi
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"
