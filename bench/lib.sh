# Shared by the bench/*.sh scripts (sourced, not run): the packaged Hub on a PostgreSQL database, started through
# bin/hub (network-quiet flags) and stopped when the script exits, and the classpath of the benchmark drivers.
#   bench_database NAME [fresh]   creates the database on 127.0.0.1:5432 (user postgres) when absent; "fresh" drops it first
#   bench_start_hub NAME          builds what is missing, starts the Hub on that database on $port, waits (bounded) for ready;
#                                 where the server's autovacuum is off, keeps that database's statistics current in its place
#   bench_classpath               prints the test classpath the drivers run with
# Set before sourcing or calling: port (default 8099), admin and password (the benchmark's administrator), public
# (the public URL, default http://127.0.0.1:$port).

port="${port:-${BENCH_PORT:-8099}}"
admin="${admin:-${BENCH_ADMIN_USER:-bench-admin}}"
password="${password:-${BENCH_ADMIN_PASSWORD:-bench-admin-password}}"

bench_database() {
  local name="$1"
  if [ "${2:-}" = fresh ]; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $name"
  fi
  psql -h 127.0.0.1 -U postgres -d postgres -Atc "select 1 from pg_database where datname='$name'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $name"
}

bench_classpath() {
  [ -f deploy/target/bench.cp ] || mvn -q -B -pl deploy -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/deploy/target/bench.cp" -Dmdep.includeScope=test >/dev/null
  echo "deploy/target/test-classes:$(cat deploy/target/bench.cp)"
}

# Autovacuum keeps table statistics current as the benchmark's tables grow, as on any production PostgreSQL. Where it
# is off (this machine kind's PostgreSQL turns it off for its tests), a table that started empty keeps the statistics
# of an empty table, and the figures would measure plans made for it (src/docs/performance.md, "Statistics"). So the
# benchmark analyses its own database every 15 s in autovacuum's place, and says so; the server's settings are left alone.
bench_statistics() {
  local name="$1"
  [ "$(psql -h 127.0.0.1 -U postgres -d "$name" -Atc 'show autovacuum')" = off ] || return 0
  echo "PostgreSQL's autovacuum is off: ANALYZE runs on $name every 15 s in its place" >&2
  ( while sleep 15; do psql -h 127.0.0.1 -U postgres -d "$name" -qc analyze >/dev/null 2>&1 || true; done ) &
  bench_analyzer=$!
}

bench_start_hub() {
  local name="$1"
  # Another benchmark's server on the port would answer the readiness check, and this run would measure it.
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
    echo "something already listens on port $port (another benchmark still running?); set BENCH_PORT" >&2
    exit 1
  fi
  [ -f deploy/target/hub.jar ] || mvn -q -B -DskipTests package
  bench_classpath >/dev/null
  bench_log="$(mktemp -t hub-bench.XXXXXX.log)"
  # The tool key secret is fixed because benchmark databases are kept between runs. The JVM options are bin/hub's own
  # (the server as operators start it) unless HUB_JAVA_OPTS is set.
  HUB_HTTP_PORT=$port HUB_DB_URL="jdbc:postgresql://127.0.0.1:5432/$name" HUB_DB_USER=postgres HUB_DB_PASSWORD= \
    HUB_ADMIN_USER=$admin HUB_ADMIN_PASSWORD=$password HUB_PUBLIC_URL="${public:-http://127.0.0.1:$port}" \
    HUB_KEYS_SECRET="${BENCH_KEYS_SECRET:-bench-tool-keys-secret-not-for-production}" \
    bin/hub > "$bench_log" 2>&1 &
  bench_server=$!
  trap 'kill -TERM $bench_server ${bench_analyzer:-} 2>/dev/null || true; wait $bench_server 2>/dev/null || true; rm -f "$bench_log"' EXIT
  bench_statistics "$name"
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && return 0
    sleep 0.5
  done
  echo "the Hub was not ready within 120 s; its log:" >&2
  tail -50 "$bench_log" >&2
  exit 1
}
