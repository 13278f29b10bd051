#!/usr/bin/env bash
# The book benchmark of docs/scale-out.md: a synthetic venue book of N accounts x 20 positions under portfolio margin,
# in this process and on Spark (local[2] by default), on the same file, one after the other, each exporting the
# margins to a CSV file:
#   spark/bench/book-benchmark.sh 1000000 10000000        sizes in accounts
# MASTER=local[4] picks another master; HEAP=12g the JVMs' -Xmx (default 12g); PARTITIONS=N the parts of the book
# on Spark (default: the file's splits); STORAGE=NONE keeps no part in memory between statements (default
# MEMORY_AND_DISK); MODES="spark" runs one side only; WORK=DIR keeps the books and margins there.
# Each line is one run: accounts/s, the time without the session's start, the first hex digits of the SHA-256 of the
# margins file (equal on both sides) and the peak heap; "max_rss_mb" is the JVM's peak resident memory, which in
# local mode holds the driver and the executors, and "cpu_s" the JVM's processor time (user and system), the fairer
# measure of Spark's overhead on a busy machine.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
. "$root/bin/find-jdk.sh"
margo_find_jdk || exit 1
export JAVA_HOME=$MARGO_JAVA_HOME
export MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow"
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
master=${MASTER:-local[2]}
heap=${HEAP:-12g}
modes=${MODES:-in-process spark}
jar=$root/spark/target/margo-spark.jar
if [ ! -f "$jar" ] || [ -n "$(find "$root/core" "$root/dsl" "$root/spark" -path '*/target' -prune -o \
    -path '*/src/main/*' -type f -newer "$jar" -print -quit)" ]; then
  mvn -q -B -f "$root/pom.xml" -pl spark -am -DskipTests package
fi
work=${WORK:-$(mktemp -d)}
# The runs use a copy of the jars, so that a build during a long run cannot change them under it.
mkdir -p "$work/jars"
cp "$jar" "$root"/spark/target/lib/*.jar "$work/jars/"
classpath="$work/jars/*"
chain=$root/examples/data/deribit-btc-sample.csv
settings=(-Dspark.margo.storage="${STORAGE:-MEMORY_AND_DISK}")
[ -n "${PARTITIONS:-}" ] && settings+=(-Dspark.margo.partitions="$PARTITIONS")
echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), master $master, -Xmx$heap ${settings[*]}"
for accounts in "${@:-100000}"; do
  book=$work/book-$accounts.csv
  [ -f "$book" ] || "$JAVA_HOME/bin/java" -cp "$classpath" margo.spark.SyntheticBook "$chain" "$book" "$accounts" 20 1
  echo "# $accounts accounts: $(du -m "$book" | cut -f1) MB, $(wc -l < "$book") lines"
  for mode in $modes; do
    rss=$(mktemp)
    margins=$work/margins-$accounts-$mode.csv
    line=$(/usr/bin/time -f "%M %U %S" -o "$rss" "$JAVA_HOME/bin/java" -Xmx"$heap" "${settings[@]}" \
      --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED -XX:+ExitOnOutOfMemoryError \
      -cp "$classpath" margo.spark.BookBenchmark "$mode" "$book" "$chain" "$margins" "$master" 2>/dev/null) \
      || line="mode=$mode failed (out of memory at -Xmx$heap?)"
    read -r kilobytes user system < <(tail -1 "$rss")
    echo "$line max_rss_mb=$(( kilobytes / 1024 )) cpu_s=$(echo "$user + $system" | bc) $(date -u +%TZ)"
    rm -f "$rss" "$margins"
  done
done
