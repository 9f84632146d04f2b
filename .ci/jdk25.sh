#!/usr/bin/env bash
# Reruns the unit tests on JDK 25 (offline, after .ci/test-all has resolved the dependencies).
# Skips with a message when JDK 25 is not installed. JDK25_HOME overrides the location.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JDK25_HOME=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ ! -x "$JDK25_HOME/bin/java" ]; then
  echo "[ci] JDK 25 not found at $JDK25_HOME: skipping the JDK 25 pass"
  exit 0
fi
"$JDK25_HOME/bin/java" -version 2>&1 | head -n 1
# -Dspotless.check.skip: formatting was already checked on JDK 17; the pass is about runtime behaviour.
JAVA_HOME=$JDK25_HOME exec ./mvnw -B -ntp -o test -Dspotless.check.skip=true "$@"
