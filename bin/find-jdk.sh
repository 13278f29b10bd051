# Sourced by ./margo and ./run-tests: sets MARGO_JAVA_HOME to a JDK 25 or newer, or explains what to install.
# Looks at $JAVA_HOME first, then the usual install locations, then `java` on the PATH.

margo_java_feature() {
  # Prints the feature release (17, 21, 25 ...) of the JDK at $1, or nothing when it is not a JDK. Reads the
  # JDK's `release` file (JAVA_VERSION="25.0.3", or "1.8.0_392" before 9) when there is one, since starting a
  # JVM to ask it would add a tenth of a second to every ./margo; asks the JVM only when there is none.
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9][0-9]*\).*/\2/p' "$1/release" | head -n 1
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
  fi
}

margo_find_jdk() {
  local candidate feature
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
      "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] && candidates+=("$candidate")
  done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in "${candidates[@]}"; do
    feature=$(margo_java_feature "$candidate") || continue
    if [ -n "$feature" ] && [ "$feature" -ge 25 ]; then
      MARGO_JAVA_HOME=$candidate
      return 0
    fi
  done
  cat >&2 <<'MSG'
margo: no JDK 25 found (looked at $JAVA_HOME, /usr/lib/jvm, /usr/java, /opt/java, ~/.sdkman, ~/.jdks and `java` on the PATH).
Install a JDK 25, for example Eclipse Temurin 25:
  Debian/Ubuntu: apt-get install temurin-25-jdk   (from the Adoptium repository)
  macOS:         brew install --cask temurin@25
  any system:    sdk install java 25-tem           (SDKMAN!)
or set JAVA_HOME to a JDK 25 you already have.
MSG
  return 1
}
