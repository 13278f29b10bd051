#!/usr/bin/env bash
# The figures of docs/zk-margin.md: constraint count, proving and verification time and proof size of a proof of
# portfolio margin over Deribit's 27 + 8 scenarios for slates of 10 and 50 instruments (margo.zk.Figures).
#   zk/figures.sh            10 and 50
#   zk/figures.sh 4 10 20    other sizes
# Builds Margo if needed (./margo), then runs in zk/; the first run of a size compiles its circuit and makes its
# development keys, a powers of tau of 2^14 for 50 instruments among them (many minutes on a loaded machine).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
"$root/margo" docs >/dev/null
. "$root/bin/find-jdk.sh"
margo_find_jdk || exit 1
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10 50)
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(node --version), $(date -u +%FT%TZ)"
cd "$root/zk"
exec "$MARGO_JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow \
  -cp "$root/zk/target/jars/margo-zk-0.1.0-SNAPSHOT.jar:$root/kernel/target/margo.jar" \
  margo.zk.Figures "$root/examples/data/deribit-btc-sample.csv" "${sizes[@]}"
