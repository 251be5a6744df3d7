#!/usr/bin/env bash
# Runs every test: unit, integration (real MariaDB + real Kafka) and system tests.
# Usage: ./test.sh [extra maven arguments, e.g. -pl chat-service -am]
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh
ensure_java
ensure_maven
ensure_npm
ensure_test_database
ensure_redis
ensure_chromium
exec mvn -B -ntp verify "$@"
