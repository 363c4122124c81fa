#!/usr/bin/env bash
# Launch benchmark: builds the Hub, starts it on PostgreSQL (bin/hub, network-quiet flags), registers a test
# platform (a real RS256 key and JWKS over HTTP) in a new trust, then LaunchLoadDriver: the whole OIDC login +
# launch by 1 browser, then by BENCH_BROWSERS concurrent browsers, each for BENCH_SECONDS; then the same run's
# baselines: Nimbus alone verifying and signing the same id_token (JMH, one thread).
#   BENCH_DB (PostgreSQL database on 127.0.0.1:5432, user postgres, created when absent; default hub_bench_launches),
#   BENCH_PORT (default 8099), BENCH_BROWSERS (default 8), BENCH_SECONDS (default 20), BENCH_WARMUP (seconds of
#   concurrent launches first, printed but not a result; default 60).
# Do not run it while other work shares the machine: the figures would be the other work's.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
dbname="${BENCH_DB:-hub_bench_launches}"
bench_database "$dbname"
bench_start_hub "$dbname"
java -cp "$(bench_classpath)" -Dbench.warmup.seconds="${BENCH_WARMUP:-60}" org.learninghub.connect.hub.bench.LaunchLoadDriver "http://127.0.0.1:$port" \
  "$admin" "$password" "${BENCH_BROWSERS:-8}" "${BENCH_SECONDS:-20}"
