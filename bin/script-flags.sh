# Sourced by ./margo: the JVM options that let GraalVM compile a recipe's JavaScript (docs/scripts.md).
# The optimizing runtime needs JVMCI and the Graal compiler of the polyglot version on the upgrade module path
# (polyglot/target/graal-compiler, made by the build). The JDK disables its ahead-of-time cache when the upgrade
# module path is set, so ./margo passes these options only to a run whose recipe has a script statement, and the
# ahead-of-time cache only to the others.

margo_has_script() {
  # True when one of the arguments is a recipe with a `script` statement (a line that starts with `script`).
  local argument
  for argument in "$@"; do
    case "$argument" in
      *.margo) [ -f "$argument" ] && grep -qE '^[[:space:]]*script[[:space:]]' "$argument" && return 0 ;;
    esac
  done
  return 1
}

margo_script_flags() {
  # Adds to MARGO_SCRIPT_FLAGS the options for the compiler jars under $1 (polyglot/target/graal-compiler), or
  # nothing when they are missing: scripts then run interpreted, and the first script's diagnostics say why.
  local folder=$1 jars="" jar
  for jar in "$folder"/compiler-*.jar "$folder"/truffle-compiler-*.jar "$folder"/collections-*.jar "$folder"/word-*.jar; do
    [ -f "$jar" ] || return 0
    jars=${jars:+$jars:}$jar
  done
  MARGO_SCRIPT_FLAGS+=(-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path "$jars")
}
