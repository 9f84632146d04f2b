#!/usr/bin/env bash
# Builds the sources and javadoc jars of every published module (profile docs) with doclint `all`, "missing"
# included, and any javadoc warning failing the build (docs/release.md). Online on a fresh clone: the javadoc and
# source plugins are resolved here, the only step that needs them.
#   bash .ci/javadoc.sh [extra Maven args]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# The modules in mcp-bom (-am adds their parents; unpublished modules skip javadoc and sources).
PUBLISHED=mcp-bom,mcp-core,mcp-server,mcp-client,mcp-transport-stdio,mcp-transport-http/common,\
mcp-transport-http/client,mcp-transport-http/servlet,mcp-transport-http/jetty,integrations/opentelemetry,\
integrations/redis,integrations/spring-boot/autoconfigure,integrations/spring-boot/starter,integrations/test-kit,\
mcp-loadtest
# Tests and formatting were run by test-all; this step is about the javadoc.
exec ./mvnw -B -ntp -Pdocs -DskipTests -Dspotless.check.skip=true package -pl "$PUBLISHED" -am "$@"
