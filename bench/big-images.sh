#!/usr/bin/env bash
# Benchmark: a run of photograph-sized images (1024x1024, two per prompt, ~1.6 MB PNG each, ~2.2 MB of base64)
# with the application's heap capped, against a simulator in its own JVM on 127.0.0.1 (so the simulator's memory
# is not counted). Prints wall time, images, MB written, peak RSS of the application and its exit code.
#   bench/big-images.sh [PROMPTS] [HEAP]     defaults: 100 prompts, -Xmx128m
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prompts="${1:-100}"
heap="${2:-128m}"
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
sim_pid=""
cleanup() { [[ -n "$sim_pid" ]] && kill "$sim_pid" 2>/dev/null; if [[ -n "${KEEP:-}" ]]; then echo "kept $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT

"$here/run.sh" --help > /dev/null   # builds the jar first if needed, outside the measurement
JAVA_OPTS="-Xmx6g" "$here/run.sh" simulate --port "$port" --time-scale 100 --image-grain 3 \
  --retention-ms 3600000 --api-key bench-key > "$work/sim.log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 100); do grep -q "listening" "$work/sim.log" && break; sleep 0.1; done

awk -v n="$prompts" 'BEGIN { print "id,prompt,width,height,num_images"
  for (i = 1; i <= n; i++) printf "p%d,\"a photograph number %d\",1024,1024,2\n", i, i }' > "$work/big.csv"

start=$(date +%s.%N)
set +e
RUNPOD_API_KEY=bench-key RUNPOD_ENDPOINT_ID=sim-sdxl RUNPOD_BASE_URL="http://127.0.0.1:$port/v2" \
  JAVA_OPTS="-Xmx$heap" /usr/bin/time -f "%M" -o "$work/rss" \
  "$here/run.sh" --prompts "$work/big.csv" --output "$work/out" --poll-interval 200ms > "$work/app.log" 2>&1
code=$?
set -e
end=$(date +%s.%N)
images=$(find "$work/out" -path '*/images/*.png' | wc -l)
megabytes=$(du -sm "$work/out"/*/images | cut -f1)
printf 'prompts         %d (x2 images, 1024x1024)\n' "$prompts"
printf 'exit code       %d\n' "$code"
printf 'heap limit      -Xmx%s\n' "$heap"
printf 'wall time       %.1f s\n' "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')"
printf 'images written  %d (%d MB)\n' "$images" "$megabytes"
printf 'peak RSS        %d MB\n' "$(( $(tail -n 1 "$work/rss") / 1024 ))"
[[ "$code" == 0 ]] || tail -n 20 "$work/app.log"
