#!/usr/bin/env bash
# Benchmark: the real `run` command against a local stand-in serving N studies (renumbered copies of
# recorded real ones), with the heap capped at 256 MB, beside the transfer floor of the same pages
# (fetched only) and their read floor (fetched and read token by token).
# Usage: bench/run.sh [N ...]   (default: 100 1000 10000 100000 200000)
#   BENCH_HEAP=1g bench/run.sh 100000      another cap; BENCH_HEAP=default for the JVM's own
#   BENCH_MBPS=50 bench/run.sh 100000      the stand-in sends no faster than 50 MB/s
# Prints a Markdown table; needs no network. Writes its scratch files under target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000 100000 200000)
port=${BENCH_PORT:-18089}
heap=${BENCH_HEAP:-256m}
heap_option=()
[ "$heap" = default ] || heap_option=("-Xmx$heap")
work=target/bench

source bench/setup.sh

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo),"\
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1); heap ${heap_option[*]:-the JVM default}${BENCH_MBPS:+; the stand-in sends at most $BENCH_MBPS MB/s}"
echo
echo "| studies | run s | studies/s | harvest s | floor s | harvest / floor | read floor s | harvest / read floor | peak heap MB | peak RSS MB | trials.csv MB | trials.xlsx MB | trials.sqlite MB |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  start_stand_in "$n" "$port" "$work/standin-$n.log"
  url="http://127.0.0.1:$port/api/v2"
  # The stand-in serves the same pages to the floor client and to the harvest.

  floor=$(timed "$work/floor-$n.log" java -cp "$cp" org.mdmatrials.bench.TransferFloor "$url")
  read_floor=$(timed "$work/read-floor-$n.log" \
    java -cp "$cp" org.mdmatrials.bench.TransferFloor "$url" --read)

  out="$work/out-$n"
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss-$n" \
    java "${heap_option[@]}" "-Xlog:gc:file=$work/gc-$n.log" -jar target/mdma-trials.jar run \
      --config "$work/harvester.yaml" --output "$out" --ctgov-url "$url" --rate-limit 0 \
      > "$work/run-$n.log" 2>&1
  end=$(date +%s.%N)
  kill "$standin"; wait "$standin" 2>/dev/null || true

  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
  harvest=$(awk -v a="$start" -v b="$(logged "$work/run-$n.log" ' studies in ')" 'BEGIN { print b - a }')
  peak_heap=$(grep -o '[0-9]*M->' "$work/gc-$n.log" | sed 's/M->//' | sort -n | tail -1)
  rss=$(( $(cat "$work/rss-$n") / 1024 ))
  csv=$(du -m --apparent-size "$out/latest/trials.csv" | cut -f1)
  xlsx=$(du -m --apparent-size "$out/latest/trials.xlsx" | cut -f1)
  db=$(du -m --apparent-size "$out/latest/trials.sqlite" | cut -f1)
  awk -v n="$n" -v s="$secs" -v hv="$harvest" -v f="$floor" -v rf="$read_floor" \
    -v h="${peak_heap:-?}" -v r="$rss" -v c="$csv" -v x="$xlsx" -v d="$db" 'BEGIN {
      printf "| %d | %.1f | %.0f | %.1f | %.1f | %.2f | %.1f | %.2f | %s | %d | %s | %s | %s |\n",
        n, s, n / s, hv, f, hv / f, rf, hv / rf, h, r, c, x, d }'

  rm -rf "$out"
done
