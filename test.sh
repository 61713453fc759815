#!/usr/bin/env bash
# ToonStudio's one test command. On a fresh Debian machine, as root, it installs what the tests need
# (the .NET SDK is expected; Chromium, fonts, PostgreSQL, Node.js/npm, Azurite and kubectl are installed here
# when missing), starts PostgreSQL and Azurite on loopback, checks formatting, builds, runs every test project,
# stops the services and closes with one line "Tests: N passed, M failed".
set -euo pipefail
cd "$(dirname "$0")"

# shellcheck source=scripts/test-services.sh
source scripts/test-services.sh
install_test_dependencies
start_test_services
trap stop_test_services EXIT

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"
status=0
extra_failed=0

echo "== dotnet format --verify-no-changes"
if ! dotnet format ToonStudio.slnx --verify-no-changes --verbosity quiet; then
  echo "formatting differs: run 'dotnet format ToonStudio.slnx'"
  status=1
  extra_failed=$((extra_failed + 1))
fi

echo "== build"
if dotnet build ToonStudio.slnx -c Release -nologo -clp:ErrorsOnly; then
  echo "== test"
  set +e
  dotnet test ToonStudio.slnx -c Release --no-build --nologo \
    --logger "console;verbosity=normal" --logger trx --results-directory "$results" 2>&1 | tee "$results/console.log"
  test_status=${PIPESTATUS[0]}
  set -e
  [ "$test_status" -eq 0 ] || status=$test_status
else
  echo "build failed: no test ran"
  status=1
  extra_failed=$((extra_failed + 1))
fi

# One closing line over every test project, from the TRX files: a project that wrote none (it did not build,
# or its test host crashed) counts as one failure, so the line never reads better than the run.
passed=0
failed=$extra_failed
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  trx=$(grep -l "$name.dll" "$results"/*.trx 2>/dev/null | head -n 1 || true)
  if [ -z "$trx" ]; then
    echo "no results from $name"
    failed=$((failed + 1))
    continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
done
[ "$failed" -eq 0 ] || [ "$status" -ne 0 ] || status=1
if [ "$failed" -ne 0 ] && ls "$results"/*.trx >/dev/null 2>&1; then
  echo "== failed tests"
  awk -f scripts/trx-failures.awk "$results"/*.trx
fi
echo "Tests: ${passed} passed, ${failed} failed"
exit "$status"
