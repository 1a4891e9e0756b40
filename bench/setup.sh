# Sourced by the benchmark scripts: builds the jar and the test classpath, makes the work folder
# $work with a config for ClinicalTrials.gov alone (the stand-in serves no other registry) and the
# shipped category rules, and defines start_stand_in, timed and logged.

mvn -B -q package -DskipTests
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
rm -rf "$work" && mkdir -p "$work"
printf 'categories: %s\nsources:\n  ctgov:\n    search: {query.term: MDMA}\n' \
  "$PWD/config/categories.yaml" > "$work/harvester.yaml"

# start_stand_in STUDIES PORT LOG: serves STUDIES studies on PORT until this script exits, no
# faster than BENCH_MBPS megabytes a second when that is set.
start_stand_in() {
  java -cp "$cp" org.mdmatrials.bench.StandInRegistry "$1" "$2" 0 "${BENCH_MBPS:-0}" > "$3" 2>&1 &
  standin=$!
  trap 'kill $standin 2>/dev/null || true' EXIT
  until grep -q serving "$3" 2>/dev/null; do sleep 0.2; done
}

# timed LOG COMMAND...: the seconds COMMAND took, JVM start included, as the harvest's are; its
# output goes to LOG.
timed() {
  local log=$1 start end
  shift
  start=$(date +%s.%N)
  "$@" > "$log"
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'
}

# logged FILE PATTERN: seconds since the epoch of the run log's first line matching PATTERN (the
# harvest has ended at ' studies in ', the last registry's summary).
logged() { date -d "$(grep -m1 "$2" "$1" | cut -d' ' -f1)" +%s.%N; }
