#!/usr/bin/env bash
# The throughput targets, each measured in one run against one stand-in, the whole `run` command
# timed (JVM start and every output included) in -Xmx256m:
#   1. loopback, 100,000 studies: the run at most 4x the transfer floor (a minimal client fetching
#      the same pages);
#   2. loopback, 100,000 studies: the run at most half the time of curl + jq writing a 10-column CSV
#      of the same pages (bench/peer.sh);
#   3. the stand-in sending at 50 MB/s, 50,000 studies: the run at most 1.25x the transfer floor at
#      that pace;
#   4. memory: 200,000 studies in -Xmx256m, peak heap and resident set.
# Usage: bench/targets.sh   (STUDIES_LOOPBACK, STUDIES_PACED, STUDIES_MEMORY override the sizes)
# Prints a Markdown table of the ratios, each against its target. Needs curl and jq.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${BENCH_PORT:-18087}
work=target/bench-targets
loopback=${STUDIES_LOOPBACK:-100000}
paced=${STUDIES_PACED:-50000}
memory=${STUDIES_MEMORY:-200000}

source bench/setup.sh

# run_once N LABEL: runs the harvest against the stand-in on $port; sets run_s, rss_mb, heap_mb
# and exit_code.
run_once() {
  local out="$work/out-$2"
  rm -rf "$out"
  local start end
  start=$(date +%s.%N)
  exit_code=0
  /usr/bin/time -f "%M" -o "$work/rss-$2" \
    java -Xmx256m "-Xlog:gc:file=$work/gc-$2.log" -jar target/mdma-trials.jar run \
      --config "$work/harvester.yaml" --output "$out" \
      --ctgov-url "http://127.0.0.1:$port/api/v2" --rate-limit 0 > "$work/run-$2.log" 2>&1 \
    || exit_code=$?
  end=$(date +%s.%N)
  run_s=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
  rss_mb=$(( $(cat "$work/rss-$2") / 1024 ))
  heap_mb=$(grep -o '[0-9]*M->' "$work/gc-$2.log" | sed 's/M->//' | sort -n | tail -1)
  rm -rf "$out"
}

stop_stand_in() { kill "$standin"; wait "$standin" 2>/dev/null || true; }

api="http://127.0.0.1:$port/api/v2"

start_stand_in "$loopback" "$port" "$work/standin-loopback.log"
floor_s=$(timed "$work/floor-loopback.log" java -cp "$cp" org.mdmatrials.bench.TransferFloor "$api")
peer_s=$(timed "$work/peer-loopback.log" bench/peer.sh "$api" "$work/peer.csv")
run_once "$loopback" loopback
loop_run=$run_s
stop_stand_in

BENCH_MBPS=50 start_stand_in "$paced" "$port" "$work/standin-paced.log"
paced_floor=$(timed "$work/floor-paced.log" java -cp "$cp" org.mdmatrials.bench.TransferFloor "$api")
run_once "$paced" paced
paced_run=$run_s
stop_stand_in

start_stand_in "$memory" "$port" "$work/standin-memory.log"
run_once "$memory" memory
stop_stand_in

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1)"
echo
echo "| target | measured | ratio | met |"
echo "|---|---|---:|---|"
awk -v r="$loop_run" -v f="$floor_s" -v n="$loopback" 'BEGIN {
  printf "| 1. loopback, %d studies: run at most 4x the transfer | run %.1f s, transfer %.1f s | %.2f | %s |\n",
    n, r, f, r / f, (r / f <= 4 ? "yes" : "no") }'
awk -v r="$loop_run" -v p="$peer_s" -v n="$loopback" 'BEGIN {
  printf "| 2. loopback, %d studies: run at most 0.5x curl + jq | run %.1f s, curl + jq %.1f s | %.2f | %s |\n",
    n, r, p, r / p, (r / p <= 0.5 ? "yes" : "no") }'
awk -v r="$paced_run" -v f="$paced_floor" -v n="$paced" 'BEGIN {
  printf "| 3. 50 MB/s, %d studies: run at most 1.25x the transfer | run %.1f s, transfer %.1f s | %.2f | %s |\n",
    n, r, f, r / f, (r / f <= 1.25 ? "yes" : "no") }'
awk -v n="$memory" -v h="${heap_mb:-?}" -v s="$rss_mb" -v r="$run_s" -v e="$exit_code" 'BEGIN {
  printf "| 4. %d studies in -Xmx256m | run %.1f s (exit code %d), peak heap %s MB, peak RSS %d MB | | %s |\n",
    n, r, e, h, s, (e == 0 ? "yes" : "no") }'
