#!/usr/bin/env bash
# Start-up benchmark: cold start to ready and idle memory of the built Hub (deploy/target/hub.jar, started by
# bin/hub exactly as an operator starts it), each beside a same-run BASELINE: a one-class JAX-RS "hello" war on
# the same Payara Micro (deploy/target/payara-micro.jar), started by the same bin/hub with the same flags (bin/hub
# finds no class data archive for payara-micro.jar, so the baseline starts without one).
# Builds nothing of the Hub (run `mvn -B -q -DskipTests verify` first); the hello war is compiled here with javac
# against the JAX-RS API jar in ~/.m2.
#
#   bench/startup.sh                 # 5 rounds: hello war, Hub on a fresh H2 data dir, Hub on a fresh PostgreSQL db
#   BENCH_RUNS=3 BENCH_TARGETS="baseline h2" bench/startup.sh
#
# Settings: BENCH_RUNS (default 5), BENCH_PORT (default 18686), BENCH_DB (PostgreSQL database on 127.0.0.1:5432,
# user postgres, dropped and created again before every PostgreSQL run; default hub_startup_bench),
# BENCH_SETTLE (seconds between ready and the RSS reading, default 10), BENCH_TIMEOUT (seconds a start may take,
# default 300), BENCH_TARGETS (default "baseline h2 pg"), BENCH_KEEP_LOGS (a directory to keep each run's log in).
# HUB_JAVA_OPTS is passed through to bin/hub for every target alike (unset: bin/hub's own default).
# BENCH_HUB: the launcher script to measure (default bin/hub), e.g. an older bin/hub taken from git to compare:
#   git show <commit>:bin/hub > /tmp/hub-before && chmod +x /tmp/hub-before && BENCH_HUB=/tmp/hub-before bench/startup.sh
#
# Per run it prints: wall seconds from launch to the first 200 of the readiness URL (the Hub: /health/ready
# answering UP; the hello war: its resource answering), the CPU seconds the JVM used until then (user + system,
# from /proc/<pid>/stat: a figure that load on the machine inflates far less than wall time), and VmRSS after
# BENCH_SETTLE idle seconds. Then median, min and max per target and the ratio of medians to the baseline.
# Runs are interleaved (baseline, h2, pg, baseline, ...) so that load drifting on the machine hits all alike.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${BENCH_RUNS:-5}"
port="${BENCH_PORT:-18686}"
dbname="${BENCH_DB:-hub_startup_bench}"
settle="${BENCH_SETTLE:-10}"
timeout="${BENCH_TIMEOUT:-300}"
targets="${BENCH_TARGETS:-baseline h2 pg}"
launcher="${BENCH_HUB:-$PWD/bin/hub}"
hub_jar="$PWD/deploy/target/hub.jar"
micro_jar="$PWD/deploy/target/payara-micro.jar"
for f in "$hub_jar" "$micro_jar"; do
  [ -f "$f" ] || { echo "startup.sh: $f missing; build first: mvn -B -q -DskipTests verify" >&2; exit 1; }
done
if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
  echo "startup.sh: something already listens on port $port" >&2; exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/hub-startup-bench.XXXXXX")
server=""
stop_server() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null || true
    # bin/hub passes SIGTERM on; the JVM's shutdown is bounded by this wait, then it is killed.
    for _ in $(seq 1 60); do kill -0 "$server" 2>/dev/null || break; sleep 0.5; done
    pkill -KILL -P "$server" 2>/dev/null || true
    kill -KILL "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  server=""
}
trap 'stop_server; rm -rf "$work"' EXIT

# The baseline: one JAX-RS resource and its Application, nothing else (no beans.xml, no database).
api=$(ls ~/.m2/repository/jakarta/ws/rs/jakarta.ws.rs-api/*/jakarta.ws.rs-api-*.jar 2>/dev/null | grep -v sources | sort -V | tail -1)
[ -n "$api" ] || { echo "startup.sh: no jakarta.ws.rs-api jar in ~/.m2 (build the Hub once first)" >&2; exit 1; }
mkdir -p "$work/hello/src/bench" "$work/hello/war/WEB-INF/classes"
cat > "$work/hello/src/bench/Hello.java" <<'EOF'
package bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;

@Path("hello")
public class Hello {
    @ApplicationPath("/")
    public static class App extends Application {
    }

    @GET
    public String hello() {
        return "hello";
    }
}
EOF
javac --release 17 -nowarn -cp "$api" -d "$work/hello/war/WEB-INF/classes" "$work/hello/src/bench/Hello.java"
(cd "$work/hello/war" && jar --create --file "$work/hello.war" .)

# Launches one target through bin/hub; prints "wall cpu rss" or "failed".
run_once() {
  local target=$1 n=$2 log="$work/$1-$2.log" url env_jar extra=()
  local -a env=(env -u HUB_DB_URL -u HUB_DB_USER -u HUB_DB_PASSWORD -u HUB_KEYS_SECRET -u HUB_KEYS_SECRET_PREVIOUS
                -u HUB_ADMIN_USER -u HUB_ADMIN_PASSWORD -u HUB_PUBLIC_URL -u HUB_JAR
                HUB_HTTP_PORT="$port" HUB_HTTP_ADDRESS=127.0.0.1 HUB_DATA_DIR="$work/data-$target-$n")
  case "$target" in
    baseline)
      env+=(HUB_JAR="$micro_jar"); extra=(--deploy "$work/hello.war" --contextroot /)
      url="http://127.0.0.1:$port/hello" ;;
    h2)
      env+=(HUB_JAR="$hub_jar")
      url="http://127.0.0.1:$port/health/ready" ;;
    pg)
      PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $dbname" >/dev/null
      psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $dbname" >/dev/null
      env+=(HUB_JAR="$hub_jar" HUB_DB_URL="jdbc:postgresql://127.0.0.1:5432/$dbname" HUB_DB_USER=postgres
            HUB_KEYS_SECRET=startup-bench-tool-keys-secret-not-for-production)
      url="http://127.0.0.1:$port/health/ready" ;;
  esac
  mkdir -p "$work/data-$target-$n"
  local begin; begin=$(date +%s%N)
  "${env[@]}" "$launcher" "${extra[@]}" > "$log" 2>&1 &
  server=$!
  local ready="" code
  while [ $(( ($(date +%s%N) - begin) / 1000000000 )) -lt "$timeout" ]; do
    kill -0 "$server" 2>/dev/null || break
    code=$(curl -s -o "$work/body" -w '%{http_code}' --max-time 5 "$url" || true)
    if [ "$code" = 200 ] && { [ "$target" = baseline ] || grep -q '"UP"' "$work/body"; }; then
      ready=$(date +%s%N); break
    fi
    sleep 0.1
  done
  local jvm; jvm=$(pgrep -P "$server" java | head -1 || true)
  if [ -z "$ready" ] || [ -z "$jvm" ]; then
    echo failed; stop_server; keep_log "$log"; return
  fi
  local ticks; ticks=$(awk '{print $14 + $15}' "/proc/$jvm/stat")
  sleep "$settle"
  local rss; rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$jvm/status")
  stop_server
  keep_log "$log"
  echo "$(( (ready - begin) / 1000000 )) $(( ticks * 1000 / $(getconf CLK_TCK) )) $(( rss / 1024 ))"
}
keep_log() {
  if [ -n "${BENCH_KEEP_LOGS:-}" ]; then mkdir -p "$BENCH_KEEP_LOGS"; cp "$1" "$BENCH_KEEP_LOGS/"; fi
}

# median / min / max of numbers, one per line
stats() { sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "- - -"; exit} m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m, a[1], a[NR]}'; }

echo "# bench/startup.sh $(date -u +%Y-%m-%dT%H:%MZ) commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')" \
     "runs=$runs settle=${settle}s launcher=$launcher HUB_JAVA_OPTS='${HUB_JAVA_OPTS:-}'"
echo "# $(nproc) cores, $(awk '/MemTotal/ {printf "%d MiB", $2/1024}' /proc/meminfo), $(java -version 2>&1 | head -1);" \
     "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# run target   ready_ms cpu_ms rss_MiB"
for n in $(seq 1 "$runs"); do
  for t in $targets; do
    r=$(run_once "$t" "$n")
    printf '%5s %-8s %s\n' "$n" "$t" "$r"
    echo "$r" > "$work/result-$t-$n"
  done
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# target   ready_s median (min-max)   cpu_s median (min-max)   idle RSS MiB median (min-max)   ratio to baseline (ready / cpu / RSS)"
declare -A med
for t in $targets; do
  cat "$work"/result-"$t"-* | grep -v failed > "$work/ok-$t" || true
  read -r wm wl wh < <(cut -d' ' -f1 "$work/ok-$t" | stats)
  read -r cm cl ch < <(cut -d' ' -f2 "$work/ok-$t" | stats)
  read -r rm rl rh < <(cut -d' ' -f3 "$work/ok-$t" | stats)
  med[$t]="$wm $cm $rm"
  failed=$( (grep -c failed "$work"/result-"$t"-* 2>/dev/null || true) | awk -F: '{s+=$2} END {print s+0}')
  ratio=""
  if [ -n "${med[baseline]:-}" ] && [ "$t" != baseline ] && [ "$wm" != - ]; then
    read -r bw bc br <<< "${med[baseline]}"
    ratio=$(awk -v w="$wm" -v c="$cm" -v r="$rm" -v bw="$bw" -v bc="$bc" -v br="$br" \
            'BEGIN {printf "%.2f / %.2f / %.2f", w/bw, c/bc, r/br}')
  fi
  awk -v t="$t" -v wm="$wm" -v wl="$wl" -v wh="$wh" -v cm="$cm" -v cl="$cl" -v ch="$ch" \
      -v rm="$rm" -v rl="$rl" -v rh="$rh" -v ratio="$ratio" -v f="$failed" \
      'BEGIN {printf "%-9s %6.1f (%.1f-%.1f)          %6.1f (%.1f-%.1f)         %5d (%d-%d)                 %s%s\n",
              t, wm/1000, wl/1000, wh/1000, cm/1000, cl/1000, ch/1000, rm, rl, rh, ratio, (f>0 ? "   FAILED RUNS: " f : "")}'
done
