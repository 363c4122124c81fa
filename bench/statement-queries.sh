#!/usr/bin/env bash
# Statement query benchmark: GET /xapi/statements per query shape over HTTP, each figure beside the same
# filter as hand-written indexed SQL over JDBC, timed the same way in the same run (bench/StatementQueries.java).
#
#   bench/statement-queries.sh
#
# Builds the Hub when deploy/target/hub.jar is missing, creates the PostgreSQL database BENCH_DB (default
# bench_statements; 127.0.0.1:5432, user postgres) when absent, starts the packaged server on it (bin/hub),
# makes 30 trusts (BQ01..BQ30) with one credential each through the admin API, loads BENCH_STATEMENTS
# statements (default 1 000 000; about 4 GB with indexes, 5-15 minutes) straight into the LRS tables unless
# the database already holds that many, then measures. The loaded database is kept for the next run.
#   BENCH_PORT (default 8097), BENCH_CLIENTS (concurrent clients, default 4), BENCH_REQUESTS (per figure,
#   default 1000), BENCH_WARMUP (unreported calls before each figure, default 2000), BENCH_LIMIT (statements per
#   page, default 25), BENCH_RELOAD=1 to load afresh.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${BENCH_PORT:-8097}"
dbname="${BENCH_DB:-bench_statements}"
statements="${BENCH_STATEMENTS:-1000000}"
db="jdbc:postgresql://127.0.0.1:5432/$dbname"
public="http://localhost:$port"
. bench/lib.sh
bench_database "$dbname"
[ -f xapi-lrs/target/bench.cp ] || mvn -q -B -pl xapi-lrs dependency:build-classpath \
  -Dmdep.outputFile="$PWD/xapi-lrs/target/bench.cp" -Dmdep.includeScope=compile >/dev/null
pgjdbc=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -1)
cp="xapi-lrs/target/classes:$(cat xapi-lrs/target/bench.cp):$pgjdbc"
bench_start_hub "$dbname"

api="http://127.0.0.1:$port/admin/api"
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
for i in $(seq -w 1 30); do
  code="BQ$i"
  if ! curl -sf -u "$admin:$password" "$api/trusts" | grep -q "\"$code\""; then
    curl -sf -u "$admin:$password" -H 'Content-Type: application/json' \
      -d "{\"code\":\"$code\",\"name\":\"Benchmark trust $i\"}" "$api/trusts" >/dev/null
    # The trust's e-learning credential: the authority of its statements.
    curl -sf -u "$admin:$password" -H 'Content-Type: application/json' \
      -d '{"name":"e-learning","scopes":["statements/write","state"]}' "$api/trusts/$code/credentials" >/dev/null
  fi
done
if [ "${BENCH_RELOAD:-0}" = 1 ]; then
  psql -h 127.0.0.1 -U postgres -d "$dbname" -qc 'truncate xapi_statement'
fi
java -Xmx2g -cp "$cp" bench/StatementQueries.java load "$db" "$statements" "$public"

# A reading credential of the largest trust, issued for this run.
cred=$(curl -sf -u "$admin:$password" -H 'Content-Type: application/json' \
  -d '{"name":"bench reader","scopes":["all/read"]}' "$api/trusts/BQ01/credentials")
key=$(echo "$cred" | field key)
secret=$(echo "$cred" | field secret)
echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- xapi-lrs deploy || echo ' (with uncommitted changes)'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
java -Dbench.warmup="${BENCH_WARMUP:-2000}" -cp "$cp" bench/StatementQueries.java measure "$db" "http://127.0.0.1:$port/xapi/" BQ01 "$key" "$secret" \
  "${BENCH_CLIENTS:-4}" "${BENCH_REQUESTS:-1000}" "${BENCH_LIMIT:-25}"
# The activity&since SQL as it was (plain join) and as it is (lateral probe), planned at every execution.
java -cp "$cp" bench/StatementQueries.java plans "$db" BQ01 "${BENCH_LIMIT:-25}"
