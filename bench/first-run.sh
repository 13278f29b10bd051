#!/usr/bin/env bash
# First-run speed of Margo with and without the JDK ahead-of-time cache, beside QuantLib (bench/first-run/first_run.py
# says what it measures). Builds Margo first if needed; needs Debian's Jupyter (python3-jupyter-client) for the kernel
# and uses QuantLib (python3-quantlib) when it is installed.
#   bench/first-run.sh [--repeats N] [--json FILE]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
. "$root/bin/find-jdk.sh"
margo_find_jdk || exit 1
export JAVA_HOME=$MARGO_JAVA_HOME
python=/usr/bin/python3
if ! "$python" -c 'import jupyter_client' 2>/dev/null; then
  echo "first-run: $python cannot import jupyter_client, which starts the kernel; install python3-jupyter-client (Debian) or run ./run-tests, which does." >&2
  exit 1
fi
exec "$python" "$root/bench/first-run/first_run.py" "$@"
