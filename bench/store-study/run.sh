#!/usr/bin/env bash
# Reproduces the whole store study. Usage: bash bench/store-study/run.sh   (ROUNDS=3 by default)
set -euo pipefail
cd "$(dirname "$0")"
ROUNDS=${ROUNDS:-3}
export STORE_STUDY_DATA=${STORE_STUDY_DATA:-/tmp/store-study-data}
R=results
mkdir -p "$R" "$STORE_STUDY_DATA"
rm -f "$R"/raw.csv "$R"/kill.csv "$R"/openread.csv "$R"/baseline-tests.csv

dotnet build -c Release -o out StoreStudy.csproj >/dev/null
dotnet build -c Release tests-baseline/Baseline.Tests.csproj >/dev/null
S=./out/StoreStudy

# 1. Per-operation cost of shared mode against files of 5k / 50k / 500k events.
$S openread "$R"/openread.csv

# 2. SIGKILL: 3 writers of 20,000 run to completion while a 4th is killed after 2-13 reported batches.
$S kill A 500 1 10 "$R"/kill.csv
$S kill B 500 1 10 "$R"/kill.csv

# 3. CPU of a test run without logger (trivial MSTest tests, VSTest), the reference for the 1.05x goal.
echo "tests,round,wall_s,user_s,sys_s" > "$R"/baseline-tests.csv
for round in $(seq 1 "$ROUNDS"); do
  for n in 5000 50000; do
    t=$( { BASELINE_TESTS=$n /usr/bin/time -f "%e,%U,%S" dotnet test --no-build -c Release tests-baseline/Baseline.Tests.csproj >/dev/null; } 2>&1 | tail -1)
    echo "$n,$round,$t" | tee -a "$R"/baseline-tests.csv
  done
done

# 4. Throughput and CPU matrix, designs interleaved round by round (order rotated each round).
#    design batch indexes
small=("none 500 0" "A 100 1" "A 500 1" "A 2000 1" "A 100 0" "A 500 0" "A 2000 0" "B 100 1" "B 500 1" "B 2000 1" "B 500 0" "J 500 0")
large=("none 500 0" "A 100 1" "A 500 1" "A 2000 1" "A 500 0" "B 100 1" "B 500 1" "B 500 0" "J 500 0")
for round in $(seq 1 "$ROUNDS"); do
  for per in 5000 50000; do
    if [ "$per" = 5000 ]; then cfgs=("${small[@]}"); else cfgs=("${large[@]}"); fi
    n=${#cfgs[@]}
    for procs in 1 4 8; do
      for i in $(seq 0 $((n - 1))); do
        set -- ${cfgs[$(( (i + round) % n ))]}
        $S run "$1" "$procs" "$per" "$2" "$3" "$round" "$R"/raw.csv || echo "FAILED: $*"
      done
    done
  done
done
$S summarize "$R"/raw.csv "$R"/summary.md >/dev/null
echo "done: $R/summary.md"
