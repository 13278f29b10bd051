#!/usr/bin/env bash
# Downloads plotly.js-cartesian-dist-min VERSION with npm into this folder, checks it against the integrity that
# npm publishes for it, and prints the two properties of dsl/pom.xml that pin it.
#   dsl/vendor/fetch-plotly.sh 3.7.0
set -euo pipefail
version=${1:?usage: fetch-plotly.sh VERSION}
package=plotly.js-cartesian-dist-min
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
tarball=$(npm pack --silent "$package@$version")
published=$(npm view "$package@$version" dist.integrity)
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$published" != "$actual" ]; then
  echo "fetch-plotly: $tarball is $actual, but npm publishes $published" >&2
  rm -f "$tarball"
  exit 1
fi
echo "$tarball matches npm's integrity $published. In dsl/pom.xml:"
echo "  <plotly.version>$version</plotly.version>"
echo "  <plotly.sha512>$(sha512sum "$tarball" | cut -d' ' -f1)</plotly.sha512>"
