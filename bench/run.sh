#!/usr/bin/env bash
# Runs every Uet benchmark from scratch (pack, build, npm ci, corpus, validation rounds, Uet's breakdown,
# no-op build rounds)
# and prints the result tables; they are also kept in bench/results/results.md (git-ignored, like all of results/).
# usage: bench/run.sh [VALIDATION_ROUNDS=15] [BUILD_ROUNDS=10] [STEADY_ROUNDS=5]
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
results="$bench/results"
rounds="${1:-15}"
build_rounds="${2:-10}"
steady_rounds="${3:-5}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# No MSBuild server, no reused MSBuild nodes, no compiler server: nothing of ours outlives a build, and the
# CPU each build uses is spent inside the process tree the harness measures.
export DOTNET_CLI_USE_MSBUILD_SERVER=0
quiet_build=(-nodeReuse:false -p:UseSharedCompilation=false -v:q -nologo)
# Our own bin/ and obj/ (--artifacts-path): others may be building src/ in the same tree at the same time.
artifacts="$results/artifacts"
mkdir -p "$results"

echo "== pack Uet.Build.Tasks" >&2
rm -rf "$results/packages"
dotnet pack "$root/src/Uet.Build.Tasks" -c Release -o "$results/packages" --artifacts-path "$artifacts" "${quiet_build[@]}" >&2

echo "== build the validator consoles (Release)" >&2
for project in uet njsonschema; do
  dotnet build "$bench/$project" -c Release --artifacts-path "$artifacts" "${quiet_build[@]}" >&2
done

# The same console with its assemblies precompiled (ReadyToRun), to show how much of Uet's cold start is JIT.
# Needs the crossgen package from NuGet; without it the benchmark runs without that variant.
r2r_args=()
rid="linux-$([ "$(uname -m)" = aarch64 ] && echo arm64 || echo x64)"
if dotnet publish "$bench/uet" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
    --artifacts-path "$results/r2r" "${quiet_build[@]}" >&2; then
  r2r_args=(--uet-r2r "$results/r2r/publish/Uet.Bench.Uet/release_$rid/Uet.Bench.Uet")
else
  echo "ReadyToRun publish failed: the Uet ReadyToRun variant is left out" >&2
fi

echo "== npm ci (ajv)" >&2
(cd "$bench/ajv" && npm ci --no-audit --no-fund --silent) >&2

echo "== generate the corpus" >&2
python3 "$bench/corpus/generate.py" --schemas "$root/schema/uet" --out "$results/corpus"

report="$results/results.md"
python3 "$bench/harness/machine.py" "bench/run.sh $rounds $build_rounds $steady_rounds" > "$report"

echo "== validation throughput, $rounds rounds (+ $steady_rounds steady-state rounds)" >&2
bin="$artifacts/bin"
python3 "$bench/harness/validate_bench.py" --rounds "$rounds" --steady-rounds "$steady_rounds" --manifest "$results/corpus/manifest.tsv" \
  --uet "$bin/Uet.Bench.Uet/release/Uet.Bench.Uet" "${r2r_args[@]}" \
  --njsonschema "$bin/Uet.Bench.NJsonSchema/release/Uet.Bench.NJsonSchema" \
  --ajv "$bench/ajv/validate.mjs" --out "$results/validation.json" >> "$report"

echo "== where Uet's time goes" >&2
echo >> "$report"
python3 "$bench/harness/breakdown.py" --uet "$bin/Uet.Bench.Uet/release/Uet.Bench.Uet" --manifest "$results/corpus/manifest.tsv" \
  --validation "$results/validation.json" --out "$results/breakdown.json" >> "$report"

echo "== no-op incremental build, $build_rounds rounds" >&2
echo >> "$report"
python3 "$bench/harness/build_bench.py" --rounds "$build_rounds" --package "$results/packages/Uet.Build.Tasks.0.1.0.nupkg" \
  --corpus "$results/corpus" --work "$results/build" --out "$results/build.json" >> "$report"

cat "$report"
