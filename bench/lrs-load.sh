#!/usr/bin/env bash
# LRS load benchmark: builds the Hub, starts it on PostgreSQL (network-quiet flags via bin/hub), issues a
# credential to a fresh trust, and runs LrsLoadDriver, which prints ingest statements/s (single vs
# batched POSTs) and query p50/p99 (against GET /xapi/about), each as a ratio to its baseline.
#   BENCH_DB (PostgreSQL database on 127.0.0.1:5432, user postgres, created when absent; default hub_bench;
#   its first administrator is the benchmark's own), BENCH_PORT (default 8099),
#   BENCH_INGEST_ARGS ("clients batch seconds", default "4 100 20"), BENCH_QUERY_ARGS ("queries", default 2000).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${BENCH_PORT:-8099}"
dbname="${BENCH_DB:-hub_bench}"
db="jdbc:postgresql://127.0.0.1:5432/$dbname"
psql -h 127.0.0.1 -U postgres -d postgres -Atc "select 1 from pg_database where datname='$dbname'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $dbname"
admin=bench-admin; password=bench-admin-password
[ -f deploy/target/hub.jar ] || mvn -q -B -DskipTests package
mvn -q -B -pl deploy -am test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/deploy/target/bench.cp" -Dmdep.includeScope=test >/dev/null

# PostgreSQL needs the LTI tool key secret to be ready; fixed, because the benchmark database is kept between runs.
HUB_HTTP_PORT=$port HUB_DB_URL=$db HUB_ADMIN_USER=$admin HUB_ADMIN_PASSWORD=$password \
  HUB_KEYS_SECRET="${BENCH_KEYS_SECRET:-bench-tool-keys-secret-not-for-production}" \
  HUB_JAVA_OPTS="${HUB_JAVA_OPTS:--Xmx1g}" bin/hub > target-bench.log 2>&1 &
server=$!
trap 'pkill -P $server 2>/dev/null; kill $server 2>/dev/null; rm -f target-bench.log' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5
done
code="B$(date +%s | tail -c 7)"
curl -sf -u "$admin:$password" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$code\",\"name\":\"Benchmark\"}" "http://127.0.0.1:$port/admin/api/trusts" >/dev/null
cred=$(curl -sf -u "$admin:$password" -H 'Content-Type: application/json' \
  -d '{"name":"bench","scopes":["all"]}' "http://127.0.0.1:$port/admin/api/trusts/$code/credentials")
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
key=$(echo "$cred" | field key)
secret=$(echo "$cred" | field secret)
cp="deploy/target/test-classes:$(cat deploy/target/bench.cp)"
driver=org.learninghub.connect.hub.bench.LrsLoadDriver
java -cp "$cp" $driver "http://127.0.0.1:$port/xapi/" "$key" "$secret" ingest ${BENCH_INGEST_ARGS:-4 100 20}
# Fresh planner statistics, as autovacuum would have them for a table that grew by this much.
psql -h 127.0.0.1 -U postgres -d "$dbname" -qc 'analyze'
java -cp "$cp" $driver "http://127.0.0.1:$port/xapi/" "$key" "$secret" query ${BENCH_QUERY_ARGS:-2000}
