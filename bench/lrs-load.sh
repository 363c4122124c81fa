#!/usr/bin/env bash
# LRS load benchmark: builds the Hub, starts it on PostgreSQL (network-quiet flags via bin/hub), issues a
# credential to a fresh trust, and runs LrsLoadDriver, which prints ingest statements/s (single vs
# batched POSTs, and the same statements written by plain JDBC as the same-run baseline) and query p50/p99
# (against GET /xapi/about), each as a ratio to its baseline.
#   BENCH_DB (PostgreSQL database on 127.0.0.1:5432, user postgres, created when absent; default hub_bench;
#   its first administrator is the benchmark's own), BENCH_PORT (default 8099),
#   BENCH_INGEST_ARGS ("clients batch seconds", default "4 100 20"), BENCH_QUERY_ARGS ("queries", default 2000),
#   BENCH_WARMUP (seconds of unreported posting first, two thirds single and one third batched; default 60),
#   BENCH_STATE_ARGS ("clients seconds" of State PUT-then-GET, after half of BENCH_WARMUP unreported; default "4 20"),
#   then GET /xapi/about for as long with as many clients: the server's ceiling at the moment.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
dbname="${BENCH_DB:-hub_bench}"
bench_database "$dbname"
bench_start_hub "$dbname"
code="B$(date +%s | tail -c 7)"
curl -sf -u "$admin:$password" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$code\",\"name\":\"Benchmark\"}" "http://127.0.0.1:$port/admin/api/trusts" >/dev/null
cred=$(curl -sf -u "$admin:$password" -H 'Content-Type: application/json' \
  -d '{"name":"bench","scopes":["all"]}' "http://127.0.0.1:$port/admin/api/trusts/$code/credentials")
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
key=$(echo "$cred" | field key)
secret=$(echo "$cred" | field secret)
cp="$(bench_classpath)"
driver=org.learninghub.connect.hub.bench.LrsLoadDriver
java -cp "$cp" -Dbench.warmup.seconds="${BENCH_WARMUP:-60}" $driver "http://127.0.0.1:$port/xapi/" "$key" "$secret" ingest ${BENCH_INGEST_ARGS:-4 100 20} \
  "jdbc:postgresql://127.0.0.1:5432/$dbname?reWriteBatchedInserts=true"
java -cp "$cp" -Dbench.warmup.seconds="${BENCH_WARMUP:-60}" $driver "http://127.0.0.1:$port/xapi/" "$key" "$secret" state ${BENCH_STATE_ARGS:-4 20} \
  "jdbc:postgresql://127.0.0.1:5432/$dbname"
# Fresh planner statistics, as autovacuum would have them for a table that grew by this much.
psql -h 127.0.0.1 -U postgres -d "$dbname" -qc 'analyze'
java -cp "$cp" $driver "http://127.0.0.1:$port/xapi/" "$key" "$secret" query ${BENCH_QUERY_ARGS:-2000}
