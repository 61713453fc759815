#!/usr/bin/env bash
# ToonStudio's one test command. On a fresh Debian machine, as root, it installs what the tests need
# (the .NET SDK is expected; Chromium, PostgreSQL, Azurite, fonts are installed here), starts
# PostgreSQL and Azurite on loopback, checks formatting, builds, runs every test, then stops the services.
set -euo pipefail
cd "$(dirname "$0")"

# shellcheck source=scripts/test-services.sh
source scripts/test-services.sh
install_test_dependencies
start_test_services
trap stop_test_services EXIT

echo "== dotnet format --verify-no-changes"
dotnet format ToonStudio.slnx --verify-no-changes --verbosity quiet

echo "== build"
dotnet build ToonStudio.slnx -c Release -nologo -clp:ErrorsOnly

echo "== test"
mkdir -p artifacts/test-results
set +e
dotnet test ToonStudio.slnx -c Release --no-build --nologo \
  --logger "console;verbosity=normal" --results-directory artifacts/test-results 2>&1 | tee artifacts/test-results/console.log
status=${PIPESTATUS[0]}
set -e

# One plain closing line over all test projects.
passed=$(grep -Eo 'Passed: +[0-9]+' artifacts/test-results/console.log | grep -Eo '[0-9]+' | paste -sd+ - | bc 2>/dev/null || echo 0)
failed=$(grep -Eo 'Failed: +[0-9]+' artifacts/test-results/console.log | grep -Eo '[0-9]+' | paste -sd+ - | bc 2>/dev/null || echo 0)
echo "Tests: ${passed:-0} passed, ${failed:-0} failed"
exit "$status"
