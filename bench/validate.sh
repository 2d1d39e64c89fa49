#!/usr/bin/env bash
# Benchmark: validate a large prompts CSV in one streaming pass (a dry run: nothing is sent).
# Prints rows, wall time, rows per second and peak RSS, with the heap capped to show memory stays flat.
#   bench/validate.sh [ROWS] [HEAP]     defaults: 100000 rows, -Xmx64m
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-100000}"
heap="${2:-64m}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1 row in 100 is bad (width not a multiple of 8), so the reject path is measured too
awk -v n="$rows" 'BEGIN {
  print "id,prompt,negative_prompt,width,height,seed,scheduler,num_inference_steps,guidance_scale,num_images"
  for (i = 1; i <= n; i++) {
    w = (i % 100 == 0) ? 1020 : 1024
    printf "p%d,\"A red fox number %d in fresh snow, telephoto, golden hour\",blurry,%d,1024,%d,K_EULER,25,7.5,1\n", i, i, w, i
  }
}' > "$work/big.csv"

"$here/run.sh" --help > /dev/null   # builds the jar first if needed, outside the measurement
start=$(date +%s.%N)
set +e
JAVA_OPTS="-Xmx$heap" /usr/bin/time -f "%M" -o "$work/rss" "$here/run.sh" --dry-run --prompts "$work/big.csv" \
  --output "$work/out" > "$work/console" 2>&1
code=$?
set -e
end=$(date +%s.%N)
seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
printf 'rows            %d\n' "$rows"
printf 'exit code       %d (3 expected: 1%% of rows are bad)\n' "$code"
printf 'heap limit      -Xmx%s\n' "$heap"
printf 'wall time       %.2f s (JVM start included)\n' "$seconds"
printf 'rows per second %.0f\n' "$(awk -v r="$rows" -v s="$seconds" 'BEGIN { print r / s }')"
printf 'peak RSS        %d MB\n' "$(( $(tail -n 1 "$work/rss") / 1024 ))"
grep -E "rows [0-9]+, valid" "$work/console" | sed 's/^ */console         /'
