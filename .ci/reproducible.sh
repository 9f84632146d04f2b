#!/usr/bin/env bash
# Reproducible builds (#17): builds the published modules twice from clean and compares every jar byte for byte
# (sha256). Both builds use project.build.outputTimestamp from the root pom, so archive entries carry the same
# times and order. Not part of .ci/run (two full package builds take minutes); run it before a release:
#
#   bash .ci/reproducible.sh            # exits 0 when every jar is identical, 1 and the differing jars otherwise
#
# Extra Maven arguments pass through, e.g. bash .ci/reproducible.sh -o (offline) or -Pdocs (sources and javadoc).
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

build() {
    local label=$1
    shift
    # The unpublished modules (examples, benchmarks, layering, the HTTP cross-role tests, test support) stay out.
    ./mvnw -B -q clean package -DskipTests -Dspotless.check.skip=true -Denforcer.skip=true \
        -pl '!examples,!layering,!layering/client-app,!layering/servlet-app,!mcp-transport-http/tests' "$@"
    find . -path ./bench -prune -o -path '*/target/*.jar' -print | grep -v '/target/.*/' | sort \
        | xargs sha256sum > "$out/$label.sha256"
}

build first "$@"
build second "$@"

count=$(wc -l < "$out/first.sha256")
if diff -u "$out/first.sha256" "$out/second.sha256"; then
    echo "reproducible: $count jars identical in two builds"
    exit 0
fi
echo "NOT reproducible: the jars above differ between two builds" >&2
exit 1
