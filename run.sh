#!/usr/bin/env bash
# Runs the whole system locally with embedded defaults: a Kafka broker, an embedded MariaDB (or the
# server in DATABASE_URL), the five services with the offline AI assistant and the self-hosted
# realtime server, a demo portfolio and an admin account. Ctrl-C stops everything; data stays in .data/.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh
ensure_java
ensure_maven
build_jars "Building (first time: a few minutes while Maven downloads dependencies)..."
exec java -jar local-stack/target/local-stack.jar
