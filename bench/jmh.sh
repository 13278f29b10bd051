#!/usr/bin/env bash
# Builds the JMH benchmarks (bench/target/benchmarks.jar) with a JDK 25 found as ./margo finds one, then runs them;
# the arguments go to JMH, e.g.
#   bench/jmh.sh 'margo.bench.(ImpliedVolatility|Black76)Benchmark' -f 1 -wi 2 -i 3 -t 1
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
. "$root/bin/find-jdk.sh"
margo_find_jdk || exit 1
export JAVA_HOME=$MARGO_JAVA_HOME
command -v mvn >/dev/null 2>&1 || { echo "jmh: Apache Maven (mvn) is needed to build the benchmarks; install it (apt-get install maven)." >&2; exit 1; }
log=$(mktemp)
if ! MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" \
    mvn -q -B -f "$root/pom.xml" -pl core,bench -am package -DskipTests >"$log" 2>&1; then
  cat "$log" >&2; rm -f "$log"
  echo "jmh: the build failed (output above)." >&2
  exit 1
fi
rm -f "$log"
exec "$JAVA_HOME/bin/java" -jar "$root/bench/target/benchmarks.jar" "$@"
