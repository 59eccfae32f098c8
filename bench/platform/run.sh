#!/usr/bin/env bash
# The Microsoft.Testing.Platform benchmark. See README.md.
# usage: bash bench/platform/run.sh [ROUNDS_5K [ROUNDS_50K [UET_FEED_DIR UET_VERSION]]]   (defaults: 15 10)
# A size with 0 rounds is skipped. With UET_FEED_DIR and UET_VERSION, the Uet.TestLogger package of that
# version is restored from that folder and the `uet` and `uet-nohealth` variants are measured too.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$(cd "$HERE/../.." && pwd)/bench/results/platform
R5=${1:-15} R50=${2:-10} FEED=${3:-} VERSION=${4:-}
if [ -n "$FEED" ] && [ -z "$VERSION" ]; then echo "UET_FEED_DIR needs UET_VERSION" >&2; exit 2; fi
if [ -n "$FEED" ]; then FEED=$(cd "$FEED" && pwd); fi

# No MSBuild server or reused node may outlive the build; no telemetry from the SDK or the platform.
export DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export TESTINGPLATFORM_TELEMETRY_OPTOUT=1
# A package cache of our own: the uet package is dropped from it before each restore, so a re-packed
# package of the same version is not served stale.
export NUGET_PACKAGES=$OUT/packages
mkdir -p "$OUT"
rm -rf "$NUGET_PACKAGES/uet.testlogger" "$OUT/scratch"

start=$SECONDS
for n in 5000 50000; do
  [ "$n" = 5000 ] && r=$R5 || r=$R50
  [ "$r" = 0 ] && continue
  python3 "$HERE/generate.py" "$n" "$OUT/n$n" ${FEED:+"$FEED" "$VERSION"}
  dotnet restore --force "$OUT/n$n" -v q
  dotnet build --no-restore -c Release "$OUT/n$n" -v q -nologo -clp:ErrorsOnly
done
echo "built in $((SECONDS - start)) s"

python3 "$HERE/bench.py" "$OUT" "$R5" "$R50" ${FEED:+"$VERSION"}
echo "total: $((SECONDS - start)) s; table: $OUT/results.md; raw: $OUT/raw.csv"
