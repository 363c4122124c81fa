#!/usr/bin/env bash
# Catalogue search benchmark: builds the Hub, starts it on PostgreSQL (network-quiet flags via bin/hub), fills the
# catalogue to BENCH_RESOURCES (default 100000) through the import API (10 000 rows per import, each timed), runs
# ANALYZE, then CatalogueSearchDriver's query mix, printing p50/p95/p99 per kind of search.
#   BENCH_DB (PostgreSQL database on 127.0.0.1:5432, user postgres, created when absent; default hub_bench),
#   BENCH_ADMIN_USER and BENCH_ADMIN_PASSWORD (an administrator of that database; the first one when it is new),
#   BENCH_KEYS_SECRET (its tool key secret), BENCH_PORT (default 8099), BENCH_RESOURCES (default 100000), BENCH_QUERIES (default 2000).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
dbname="${BENCH_DB:-hub_bench}"
bench_database "$dbname"
bench_start_hub "$dbname"
cp="$(bench_classpath)"
driver=org.learninghub.connect.hub.bench.CatalogueSearchDriver
java -cp "$cp" $driver "http://127.0.0.1:$port/" "$admin" "$password" load "${BENCH_RESOURCES:-100000}"
# Fresh planner statistics, as autovacuum would have them for a table that grew by this much.
psql -h 127.0.0.1 -U postgres -d "$dbname" -qc 'analyze catalogue_resource'
java -cp "$cp" $driver "http://127.0.0.1:$port/" "$admin" "$password" query "${BENCH_QUERIES:-2000}"
