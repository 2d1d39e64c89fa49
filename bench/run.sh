#!/usr/bin/env bash
# Benchmark: a named workload against the Runpod simulator in its own JVM on 127.0.0.1, driven by the real
# application (nightly) or by the tutorial's submit-all-then-poll-every-second loop (baseline, bench/baseline.py).
# Prints one table: wall time, endpoint makespan, overhead, calls per job, harvest latency, 429s, memory, CPU.
#   bench/run.sh nightly|baseline [--results FILE]     FILE: also append the table as a markdown row
# Environment: HEAP (application -Xmx, default 256m), TIME_SCALE (default 12), KEEP=1 keeps the work folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scenario="${1:-}"
shift || true
results_args=()
if [[ "${1:-}" == "--results" && -n "${2:-}" ]]; then results_args=(--results "$(realpath -m "$2")"); fi
heap="${HEAP:-256m}"
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
sim_pid=""
cleanup() { [[ -n "$sim_pid" ]] && kill "$sim_pid" 2>/dev/null; if [[ -n "${KEEP:-}" ]]; then echo "kept $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT

# The nightly workload: 200 prompts, 3 workers all cold, a ~20 s cold start, 6-15 s per image. At time scale 12
# the endpoint needs about 12 simulated minutes, one real minute.
prompts=200
sim_options=(--workers 3 --cold-start-ms 20000 --execution-ms 6000-15000 --time-scale "${TIME_SCALE:-12}" --seed 42)

case "$scenario" in
  nightly|baseline) ;;
  *) echo "usage: bench/run.sh nightly|baseline [--results FILE]" >&2; exit 2 ;;
esac
command -v /usr/bin/time > /dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

"$here/run.sh" --help > /dev/null   # builds the jar first if needed, outside the measurement
java -jar "$here/target/sdxl-batch.jar" simulate --port "$port" --api-key bench-key "${sim_options[@]}" \
  > "$work/sim.log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 100); do grep -q "listening" "$work/sim.log" && break; sleep 0.1; done
grep -q "listening" "$work/sim.log" || { cat "$work/sim.log" >&2; exit 1; }
base_url="http://127.0.0.1:$port/v2"

awk -v n="$prompts" 'BEGIN { print "id,prompt"
  for (i = 1; i <= n; i++) printf "n%03d,\"a lighthouse on a cliff at dusk, number %d\"\n", i, i }' > "$work/nightly.csv"

echo "scenario $scenario: $prompts prompts, simulator ${sim_options[*]}"
start=$(date +%s.%N)
set +e
if [[ "$scenario" == nightly ]]; then
  RUNPOD_API_KEY=bench-key RUNPOD_ENDPOINT_ID=sim-sdxl RUNPOD_BASE_URL="$base_url" /usr/bin/time -v -o "$work/time" \
    java "-Xmx$heap" "-Xlog:gc:file=$work/gc.log" -jar "$here/target/sdxl-batch.jar" \
    --prompts "$work/nightly.csv" --output "$work/out" --run-id nightly > "$work/app.log" 2>&1
else
  /usr/bin/time -v -o "$work/time" python3 "$here/bench/baseline.py" --base-url "$base_url" --endpoint sim-sdxl \
    --api-key bench-key --prompts "$work/nightly.csv" --output "$work/images" --figures "$work/baseline.json" \
    > "$work/app.log" 2>&1
fi
code=$?
set -e
end=$(date +%s.%N)
if [[ "$code" != 0 ]]; then echo "exit code $code"; tail -n 20 "$work/app.log"; exit 1; fi
echo "endpoint says: $(curl -s "$base_url/sim-sdxl/health" -H 'Authorization: Bearer bench-key')"

if [[ "$scenario" == nightly ]]; then
  python3 "$here/bench/figures.py" app "$work/out/nightly" "$work/time" "$work/gc.log" "$start" "$end" "$heap" \
    "${results_args[@]}"
else
  python3 "$here/bench/figures.py" baseline "$work/baseline.json" "$work/time" "$start" "$end" "${results_args[@]}"
fi
