#!/usr/bin/env bash
# Catalogue search benchmark: builds the Hub, starts it on PostgreSQL (network-quiet flags via bin/hub), fills the
# catalogue to BENCH_RESOURCES (default 100000) through the import API (10 000 rows per import, each timed), runs
# ANALYZE, then CatalogueSearchDriver's query mix, printing p50/p95/p99 per kind of search.
#   BENCH_DB (PostgreSQL database on 127.0.0.1:5432, user postgres, created when absent; default hub_bench),
#   BENCH_ADMIN_USER and BENCH_ADMIN_PASSWORD (an administrator of that database; the first one when it is new),
#   BENCH_KEYS_SECRET (its tool key secret), BENCH_PORT (default 8099), BENCH_RESOURCES (default 100000), BENCH_QUERIES (default 2000).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${BENCH_PORT:-8099}"
dbname="${BENCH_DB:-hub_bench}"
db="jdbc:postgresql://127.0.0.1:5432/$dbname"
psql -h 127.0.0.1 -U postgres -d postgres -Atc "select 1 from pg_database where datname='$dbname'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $dbname"
admin="${BENCH_ADMIN_USER:-bench-admin}"; password="${BENCH_ADMIN_PASSWORD:-bench-admin-password}"
[ -f deploy/target/hub.jar ] || mvn -q -B -DskipTests package
mvn -q -B -pl deploy -am test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/deploy/target/bench.cp" -Dmdep.includeScope=test >/dev/null

HUB_HTTP_PORT=$port HUB_DB_URL=$db HUB_ADMIN_USER=$admin HUB_ADMIN_PASSWORD=$password \
  HUB_KEYS_SECRET="${BENCH_KEYS_SECRET:-bench-tool-keys-secret-not-for-production}" \
  HUB_JAVA_OPTS="${HUB_JAVA_OPTS:--Xmx1g}" bin/hub > target-bench.log 2>&1 &
server=$!
trap 'pkill -P $server 2>/dev/null; kill $server 2>/dev/null; rm -f target-bench.log' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5
done
cp="deploy/target/test-classes:$(cat deploy/target/bench.cp)"
driver=org.learninghub.connect.hub.bench.CatalogueSearchDriver
java -cp "$cp" $driver "http://127.0.0.1:$port/" "$admin" "$password" load "${BENCH_RESOURCES:-100000}"
# Fresh planner statistics, as autovacuum would have them for a table that grew by this much.
psql -h 127.0.0.1 -U postgres -d "$dbname" -qc 'analyze catalogue_resource'
java -cp "$cp" $driver "http://127.0.0.1:$port/" "$admin" "$password" query "${BENCH_QUERIES:-2000}"
