#!/usr/bin/env bash
# Benchmarks the whole system under load: starts the real stack exactly as ./run.sh does (on ports 36080 and
# up, with empty data), connects N visitors and the admin through the gateway with Pusher-protocol clients,
# sends at set rates, and reports latency percentiles, throughput, errors, lost and duplicated messages, each
# process's CPU and memory, and the floor (bare Kafka and WebSocket round trips) measured in the same run.
#   ./bench.sh            the full benchmark (1,000 visitors; 100 and 1,000 msg/s, 60 s each; about 6 minutes)
#   ./bench.sh --quick    a smoke check (50 visitors, 20 msg/s for 15 s)
#   ./bench.sh --help     every option
# Results: load-generator/target/bench/<run>/ (results.md, results.json, latency-cdf-*.png). See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh
ensure_java
ensure_maven
build_jars "Building the services and the load generator..."
# Run from a copy: other builds in this repository may rewrite target/ while the benchmark runs.
run_dir=load-generator/target/bench-run
rm -rf "$run_dir" && mkdir -p "$run_dir"
cp -r load-generator/target/load-generator.jar load-generator/target/lib "$run_dir"/
exec java -Xms256m -Xmx768m -jar "$run_dir/load-generator.jar" "$@"
