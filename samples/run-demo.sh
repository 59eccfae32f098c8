#!/usr/bin/env bash
# The main job on a sample: pack Uet.Build.Tasks into the local feed, then `dotnet build` a project that holds
# one valid and one invalid UET document. The gate must accept the first and fail the build on the second,
# naming file, line, column and code for each mistake. Exits 0 when it did exactly that.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
# An isolated package folder and a fresh version: the build can only use the package packed just now.
export NUGET_PACKAGES="$root/artifacts/sample-packages"
version="0.1.0-dev.$(date +%Y%m%d%H%M%S)"

echo "== Packing Uet.Build.Tasks $version into artifacts/packages"
dotnet pack "$root/src/Uet.Build.Tasks" -c Release -o "$root/artifacts/packages" -p:Version="$version" -nodeReuse:false -v:q

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
if [ "$status" -ne 0 ] && [ "$errors" -gt 0 ] && ! grep -q 'checkout\.workstream\.yaml.*error' "$log"; then
  echo "== Schema gate worked: checkout.workstream.yaml accepted; refunds.workstream.json rejected with $errors error(s) above."
  exit 0
fi
echo "== Unexpected result (build exit code $status, $errors gate errors); see $log" >&2
exit 1
