#!/usr/bin/env bash
# Compares builds of mdma-trials against one stand-in, alternating them round by round, so that
# the machine's drift in speed falls on every build alike.
# Usage: bench/compare.sh STUDIES ROUNDS JAR [JAR ...]
#   e.g. cp target/mdma-trials.jar /tmp/new.jar; (build the other commit); cp target/mdma-trials.jar
#   /tmp/old.jar; bench/compare.sh 100000 2 /tmp/old.jar /tmp/new.jar
# Prints a line per run: wall seconds (JVM start included), of which the harvest (until the last
# registry is read) and the rest (the snapshot's files, publishing), and the CPU seconds used.
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 3 ] || { echo "usage: bench/compare.sh STUDIES ROUNDS JAR [JAR ...]" >&2; exit 2; }
studies=$1 rounds=$2
shift 2
port=${BENCH_PORT:-18088}
work=target/bench-compare

source bench/setup.sh
start_stand_in "$studies" "$port" "$work/standin.log"

for round in $(seq "$rounds"); do
  for jar in "$@"; do
    rm -rf "$work/out"
    start=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$work/cpu" java -Xmx256m -jar "$jar" run \
      --config "$work/harvester.yaml" --output "$work/out" \
      --ctgov-url "http://127.0.0.1:$port/api/v2" --rate-limit 0 > "$work/run.log" 2>&1
    end=$(date +%s.%N)
    harvested=$(logged "$work/run.log" ' studies in ')
    awk -v r="$round" -v j="$(basename "$jar")" -v s="$start" -v h="$harvested" -v e="$end" \
      -v cpu="$(cat "$work/cpu")" 'BEGIN {
        split(cpu, c, " ");
        printf "round %d %s: %.1f s, harvest %.1f s, rest %.1f s, CPU %.1f s\n",
          r, j, e - s, h - s, e - h, c[1] + c[2] }'
  done
done
