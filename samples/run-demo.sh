#!/usr/bin/env bash
# The main job on samples, end to end:
#   1. pack Uet.Build.Tasks and Uet.TestLogger into the local feed;
#   2. `dotnet build` a project that holds one valid and one invalid UET document: the gate must accept the first
#      and fail the build on the second, naming file, line, column and code for each mistake;
#   3. `dotnet test --logger uet` a test project (gate passes, two tests fail on purpose): the run is recorded, the
#      two failures become fix tasks (the smoke test's is critical and blocks the workstream's tasks), and the
#      reports are written to artifacts/demo-reports (fix-tasks.md, fix-tasks.json, fix-tasks.html);
#   4. `uet runs`, `uet events`, `uet replay` and `uet tasks` read the record back; replay must find it consistent.
# Exits 0 when every step did exactly that.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
# An isolated package folder and a fresh version: the build can only use the package packed just now.
export NUGET_PACKAGES="$root/artifacts/sample-packages"
version="0.1.0-dev.$(date +%Y%m%d%H%M%S)"

for package in Uet.Build.Tasks Uet.TestLogger; do
  echo "== Packing $package $version into artifacts/packages"
  dotnet pack "$root/src/$package" -c Release -o "$root/artifacts/packages" -p:Version="$version" -nodeReuse:false -v:q
done

sample="$root/samples/SchemaGate.Sample"
rm -rf "$sample/obj" "$sample/bin"
log="$root/artifacts/demo-build.log"
echo "== dotnet build samples/SchemaGate.Sample (uet/checkout.workstream.yaml is valid, uet/refunds.workstream.json is not)"
set +e
dotnet build "$sample" -p:UetVersion="$version" -nodeReuse:false -clp:NoSummary 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# MSBuild repeats errors in its summary: count each distinct diagnostic once.
errors=$(grep -oE 'refunds\.workstream\.json\([0-9]+,[0-9]+\): error UET[0-9]{4}' "$log" | sort -u | wc -l)
if [ "$status" -eq 0 ] || [ "$errors" -eq 0 ] || grep -q 'checkout\.workstream\.yaml.*error' "$log"; then
  echo "== Unexpected result (build exit code $status, $errors gate errors); see $log" >&2
  exit 1
fi
echo "== Schema gate worked: checkout.workstream.yaml accepted; refunds.workstream.json rejected with $errors error(s) above."

# The run store of the demo lives under artifacts/ (by default it would be .uet/uet.db at the repository root).
export UET_DB_PATH="$root/artifacts/demo-store/uet.db"
rm -rf "$root/artifacts/demo-store" "$root/samples/Checkout.Tests/bin" "$root/samples/Checkout.Tests/obj"
test_log="$root/artifacts/demo-test.log"
echo "== dotnet test samples/Checkout.Tests --logger uet (two tests fail on purpose)"
set +e
reports="$root/artifacts/demo-reports"
rm -rf "$reports"
dotnet test "$root/samples/Checkout.Tests" -p:UetVersion="$version" -nodeReuse:false \
  --logger "uet;ReportDir=$reports;Workstream=$root/samples/Checkout.Tests/uet/checkout.workstream.yaml" 2>&1 | tee "$test_log"
test_status=${PIPESTATUS[0]}
set -e
if [ "$test_status" -eq 0 ] || ! grep -q 'Uet: Checkout.Tests (net10.0): 2 passed, 2 failed, 1 skipped; recorded in' "$test_log" \
  || ! grep -q 'Uet: fix tasks: 2 open (1 critical, 1 high); blocking first: FT-[0-9a-f]* Assertion failed in CheckoutTests.DiscountIsApplied() (1 test; blocks api, e2e, ui)' "$test_log" \
  || [ ! -s "$reports/fix-tasks.html" ] || [ ! -s "$reports/fix-tasks.json" ] || [ ! -s "$reports/fix-tasks.md" ]; then
  echo "== Unexpected test result (exit code $test_status); see $test_log" >&2
  exit 1
fi

uet=("dotnet" "run" "--project" "$root/src/Uet.Cli" "-c" "Release" "--")
echo "== uet runs"
"${uet[@]}" runs
echo "== uet events --run latest"
"${uet[@]}" events --run latest
echo "== uet replay --run latest"
"${uet[@]}" replay --run latest
echo "== uet tasks"
"${uet[@]}" tasks
echo "== $reports/fix-tasks.md"
cat "$reports/fix-tasks.md"
echo "== Done: the gate rejected the bad document, the test run is in $UET_DB_PATH, replay agrees with it, and the"
echo "   fix-task reports are in $reports (open fix-tasks.html in a browser)."
