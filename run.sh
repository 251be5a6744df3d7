#!/usr/bin/env bash
# Runs the whole system locally with embedded defaults.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh
ensure_java
ensure_maven
echo "Building the services..."
mvn -B -ntp -q -DskipTests package
echo "Built: $(ls ./*-service/target/*-service.jar | tr '\n' ' ')"
echo "Starting the whole stack (Kafka, database, five services) is coming in a later issue (#8)."
