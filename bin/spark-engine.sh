# Sourced by ./margo: `margo run RECIPE --engine spark [--master URL]` runs on Apache Spark (docs/scale-out.md).
# Spark's 280 MB of jars are not in margo.jar and ./margo never downloads them: the spark module's build puts
# Margo for spark-submit in spark/target/margo-spark.jar and Spark's jars in spark/target/lib.

margo_uses_spark() {
  # True when the arguments select the spark engine (--engine spark or --engine=spark).
  local previous=""
  local argument
  for argument in "$@"; do
    [ "$argument" = "--engine=spark" ] && return 0
    [ "$previous" = "--engine" ] && [ "$argument" = spark ] && return 0
    previous=$argument
  done
  return 1
}

margo_spark_exec() {
  # Runs the CLI with the spark module's jars; $1 is the repository, the rest the CLI's arguments.
  local root=$1
  shift
  local jar=$root/spark/target/margo-spark.jar
  local build="mvn -f $root/pom.xml -pl spark -am -DskipTests package"
  if [ ! -f "$jar" ] || [ ! -d "$root/spark/target/lib" ]; then
    echo "margo: the Spark engine is not built; build it once with" >&2
    echo "  MAVEN_OPTS=--sun-misc-unsafe-memory-access=allow $build" >&2
    echo "(it downloads about 280 MB of Apache Spark the first time), then run this command again." >&2
    exit 1
  fi
  if [ -n "$(find "$root/pom.xml" "$root/core" "$root/dsl" "$root/spark" \
      \( -path '*/target' -prune \) -o \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$jar" -print -quit)" ]; then
    echo "margo: rebuilding the Spark engine (sources changed) ..." >&2
    local log
    log=$(mktemp)
    if ! MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" $build -q -B -o >"$log" 2>&1; then
      cat "$log" >&2; rm -f "$log"
      echo "margo: the build of the Spark engine failed (output above)." >&2
      exit 1
    fi
    rm -f "$log"
  fi
  # A local master binds to the loopback address (the host name may resolve to an address Spark cannot bind).
  export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
  # Spark's log goes to Margo's silent logger: a failed job comes back to the recipe as an error.
  exec "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED \
    -Dslf4j.provider=org.slf4j.nop.NOPServiceProvider ${MARGO_JAVA_OPTS:-} -cp "$jar:$root/spark/target/lib/*" margo.dsl.cli.Main "$@"
}
