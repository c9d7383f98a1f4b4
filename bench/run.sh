#!/bin/bash
# Benchmarks, each printing the figure next to its baseline or target. Against PostgreSQL (default
# database hw_perf on 127.0.0.1, user postgres); the app on $APP (default http://localhost:8085).
#
#   bench/run.sh app          # build nothing: start target/hostwright-*.jar ($JAR) against $PGDATABASE, sandbox on;
#                             # with SMTP_PORT=2525 it delivers its e-mail to bench/SmtpSink.java there (started if absent);
#                             # with FAST_START=1 it starts as the README says (java -jar target/app/hostwright.jar, which
#                             # starts itself again with its CDS archive and, on two cores, C1 only); JAVA_OPTS are added
#                             # to the java command line (any compiler or class-sharing option there turns the fast start off)
#   bench/run.sh storefront   # wrk on GET /api/plans and GET / (anonymous and signed in) vs the raw baseline
#   bench/run.sh webhooks     # wrk: authenticated webhooks per second (10 % duplicates) vs the raw baseline
#   bench/run.sh sale [N] [S] # N customers (1000) check out and pay within S seconds (10): paid/active p50/p99
#   bench/run.sh admin [url] [concurrency] [requests]   # the admin console routes (needs bench/generate*.sql data)
#   bench/run.sh start [h2|postgres]   # seconds from `java -jar` to healthy (first start, then a restart on the same
#                             # data), resident memory after a minute idle (launcher and application): the jar as it
#                             # was (HOSTWRIGHT_FAST_START=false), the jar, java -jar target/app/hostwright.jar (the
#                             # README's start), then target/app with its archive and both compilers (ONLY=README: that
#                             # way alone)
#   bench/run.sh renewals     # the billing run over the renewals bench/generate-billing.sql made due (target < 10 s)
#   bench/run.sh invoices [concurrency] [requests]   # the invoice lists at bench/generate-billing.sql's invoices
#   bench/run.sh overdue      # after bench/generate-overdue.sql: today's preview (target 5 s), run (target 30 s), rerun
#
# Environment: PGDATABASE, PGHOST, PGUSER; APP (the app's URL, its port is the one `app` starts it on); PIDFILE,
# APP_LOG, DATA_DIR (where `app` writes its pid, its log and its data: set them apart to run a second bench app
# next to another engineer's, e.g. PGDATABASE=hw_scale APP=http://localhost:8193 PIDFILE=/tmp/hw-scale.pid
# APP_LOG=/tmp/hw-scale-app.log DATA_DIR=/tmp/hw-scale-data).
# Needs: wrk (apt-get install -y wrk), psql, JDK 17+ (java runs the .java drivers directly).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${PGDATABASE:-hw_perf}
PGH=${PGHOST:-127.0.0.1}
PSQL="psql -h $PGH -U ${PGUSER:-postgres} -d $DB -v ON_ERROR_STOP=1 -Atqc"
APP=${APP:-http://localhost:8085}
BASELINE_PORT=${BASELINE_PORT:-8091}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
PGJAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -1)
JAR=${JAR:-$(ls target/hostwright-*.jar 2>/dev/null | grep -v original | head -1)}
ADMIN_EMAIL=${ADMIN_EMAIL:-admin@hostwright.local}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-sandbox-admin-2026}
# the app's pid file, log and data directory: set them apart to run a second bench app next to another one
PIDFILE=${PIDFILE:-/tmp/hw-bench-app.pid}
APP_LOG=${APP_LOG:-/tmp/hw-bench-app.log}
DATA_DIR=${DATA_DIR:-/tmp/hw-perf-data}

load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }

rps() { # wrk output -> "requests/s  p50  p99"
  awk '/Requests\/sec/ {r=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF} END {printf "%10s req/s  p50 %8s  p99 %8s  non-2xx %s", r, p50, p99, (bad==""?0:bad)}'
}

start_baseline() {
  java -Dsun.net.httpserver.nodelay=true -cp "$PGJAR" bench/Baseline.java "jdbc:postgresql://$PGH:5432/$DB" "${PGUSER:-postgres}" "$BASELINE_PORT" > /tmp/hw-baseline.log 2>&1 &
  BASELINE_PID=$!
  trap 'kill $BASELINE_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$BASELINE_PORT/api/plans" > /dev/null && return; sleep 0.5; done
  echo "baseline did not start: $(cat /tmp/hw-baseline.log)"; exit 1
}

session_cookie() { # signs in on the web form; prints the Cookie header value
  local jar; jar=$(mktemp)
  local token; token=$(curl -fs -c "$jar" -b "$jar" "$APP/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" --data-urlencode "email=$ADMIN_EMAIL" \
    --data-urlencode "password=$ADMIN_PASSWORD" "$APP/login"
  # curl writes HttpOnly cookies (the session's) as "#HttpOnly_host ...": keep those, drop comments
  sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}'
  rm -f "$jar"
}

case "${1:-help}" in
app)
  [ -n "$JAR" ] || { echo "no jar: ./mvnw -B -ntp -q package -DskipTests"; exit 1; }
  # another app on the port would answer the health check and take the bench's requests
  if curl -fs "$APP/actuator/health" > /dev/null; then echo "something already answers on $APP: stop it, or set APP=http://localhost:<free port>"; exit 1; fi
  mkdir -p "$DATA_DIR"
  start=(-jar "$JAR")
  if [ -n "${FAST_START:-}" ]; then
    [ -f target/app/hostwright.jsa ] || { echo "no target/app/hostwright.jsa: ./mvnw -B -ntp -q package -DskipTests"; exit 1; }
    start=(-jar "$PWD/target/app/hostwright.jar")
  fi
  mail=()
  if [ -n "${SMTP_PORT:-}" ]; then
    # e-mail delivered as in production (rendered and sent by its delivery job), to a sink that keeps nothing
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2> /dev/null; then
      nohup java bench/SmtpSink.java "$SMTP_PORT" > /tmp/hw-smtp-sink.log 2>&1 &
      for _ in $(seq 1 60); do (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2> /dev/null && break; sleep 0.5; done
    fi
    mail=(SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$SMTP_PORT")
  fi
  env "${mail[@]}" SPRING_DATASOURCE_URL="jdbc:postgresql://$PGH:5432/$DB" SPRING_DATASOURCE_USERNAME=${PGUSER:-postgres} SPRING_DATASOURCE_PASSWORD= \
  HOSTWRIGHT_SANDBOX=true HOSTWRIGHT_DATA_DIR="$DATA_DIR" HOSTWRIGHT_ADMIN_EMAIL="$ADMIN_EMAIL" HOSTWRIGHT_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  HOSTWRIGHT_CHECKOUT_RATE_LIMIT=${HOSTWRIGHT_CHECKOUT_RATE_LIMIT:-1000000} HOSTWRIGHT_PANEL_RATE_LIMIT=${HOSTWRIGHT_PANEL_RATE_LIMIT:-1000} \
  SERVER_PORT=${APP##*:} nohup java ${JAVA_OPTS:-} "${start[@]}" > "$APP_LOG" 2>&1 &
  echo $! > "$PIDFILE"
  for _ in $(seq 1 ${START_WAIT:-600}); do
    kill -0 "$(cat "$PIDFILE")" 2> /dev/null || { echo "app exited: tail $APP_LOG"; exit 1; }
    curl -fs "$APP/actuator/health" > /dev/null && { echo "app up (pid $(cat "$PIDFILE"), log $APP_LOG)"; exit 0; }; sleep 0.5
  done
  echo "app did not start: tail $APP_LOG"; exit 1
  ;;
storefront)
  start_baseline
  sessions_before=$($PSQL "SELECT COUNT(*) FROM spring_session")
  cookie=$(session_cookie)
  for path in /api/plans /; do wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-20s}" "$APP$path" > /dev/null; wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$BASELINE_PORT$path" > /dev/null; done
  # the signed-in view is warmed up too (its own code path: the session read, the security chain)
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-20s}" -H "Cookie: $cookie" "$APP/" > /dev/null
  load
  echo "wrk -t2 -c$CONNECTIONS -d$DURATION"
  b_api=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$BASELINE_PORT/api/plans")
  a_api=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$APP/api/plans")
  b_home=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$BASELINE_PORT/")
  a_home=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$APP/")
  a_home_s=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: $cookie" "$APP/")
  ratio() { awk -v a="$(echo "$1" | awk '/Requests\/sec/ {print $2}')" -v b="$(echo "$2" | awk '/Requests\/sec/ {print $2}')" 'BEGIN {printf "%.2fx", a/b}'; }
  printf "%-34s %s\n" "baseline GET /api/plans" "$(echo "$b_api" | rps)"
  printf "%-34s %s  (%s of baseline)\n" "app GET /api/plans" "$(echo "$a_api" | rps)" "$(ratio "$a_api" "$b_api")"
  printf "%-34s %s\n" "baseline GET /" "$(echo "$b_home" | rps)"
  printf "%-34s %s  (%s of baseline)\n" "app GET / anonymous" "$(echo "$a_home" | rps)" "$(ratio "$a_home" "$b_home")"
  printf "%-34s %s  (%s of baseline)\n" "app GET / with a session cookie" "$(echo "$a_home_s" | rps)" "$(ratio "$a_home_s" "$b_home")"
  echo "session rows: $sessions_before before, $($PSQL "SELECT COUNT(*) FROM spring_session") after (one is the signed-in bench session)"
  load
  ;;
webhooks)
  start_baseline
  count() { $PSQL "SELECT COUNT(*) FROM payment_events WHERE event_type = 'webhook'"; }
  before=$(count)
  # warmed up like the storefront: a JVM's first seconds under load are spent compiling, not serving
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-15s}" -s bench/webhooks.lua "$APP/webhooks/zeno" > /dev/null
  load
  b=$(RUN=b$(date +%s) wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/webhooks.lua "http://127.0.0.1:$BASELINE_PORT/webhooks/zeno")
  mid=$(count)
  a=$(RUN=a$(date +%s) wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/webhooks.lua "$APP/webhooks/zeno")
  after=$(count)
  printf "%-44s %s\n" "baseline (JDK server + one INSERT)" "$(echo "$b" | rps)"
  printf "%-44s %s\n" "app POST /webhooks/zeno (target 2,000/s)" "$(echo "$a" | rps)"
  echo "webhook rows stored by the app during its run: $((after - mid)) (every tenth delivery is a duplicate, stored once)"
  echo "answers: $(echo "$a" | grep -E 'Non-2xx|Socket errors' || echo 'all 2xx')"
  load
  ;;
sale)
  N=${2:-1000}; S=${3:-10}; RUN=$(date +%s)
  role=$($PSQL "SELECT CASE WHEN EXISTS (SELECT 1 FROM users WHERE role = 'ADMIN') THEN 'CUSTOMER' ELSE 'customer' END")
  hash=$($PSQL "SELECT password_hash FROM users ORDER BY id LIMIT 1")
  $PSQL "INSERT INTO users (email, name, phone, password_hash, role, email_verified_at, must_change_password, enabled, created_at, updated_at)
         SELECT 'sale-$RUN-' || g || '@bench.hostwright.test', 'Sale Customer ' || g, NULL, '$hash', '$role', now(), FALSE, TRUE, now(), now()
         FROM generate_series(1, $N) g;
         INSERT INTO api_tokens (user_id, token_hash, created_at, expires_at)
         SELECT u.id, encode(sha256(convert_to('hw_sale-$RUN-' || substr(u.email, length('sale-$RUN-') + 1, position('@' in u.email) - length('sale-$RUN-') - 1), 'UTF8')), 'hex'), now(), now() + interval '1 day'
         FROM users u WHERE u.email LIKE 'sale-$RUN-%'"
  load
  t0=$(date +%s.%N)
  java bench/SaleDriver.java "$APP" "$RUN" "$N" "$S"
  stats() {
    $PSQL "WITH s AS (
             SELECT a.created_at + interval '${ZENO_DELAY:-2} seconds' AS confirmed, o.paid_at,
                    (SELECT MIN(e.occurred_at) FROM order_events e WHERE e.order_id = o.id AND lower(e.to_status) = 'active') AS active_at
             FROM orders o JOIN users u ON u.id = o.customer_id JOIN payment_attempts a ON a.order_id = o.id
             WHERE u.email LIKE 'sale-$RUN-%')
           SELECT COUNT(*) || ' orders, ' || COUNT(paid_at) || ' paid, ' || COUNT(active_at) || ' active; from the gateway''s confirmation: paid p50 '
             || COALESCE(round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM paid_at - confirmed))::numeric, 2)::text, '-') || ' s, p99 '
             || COALESCE(round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM paid_at - confirmed))::numeric, 2)::text, '-') || ' s; active p50 '
             || COALESCE(round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM active_at - confirmed))::numeric, 2)::text, '-') || ' s, p99 '
             || COALESCE(round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM active_at - confirmed))::numeric, 2)::text, '-') || ' s'
           FROM s"
  }
  for _ in $(seq 1 ${WAIT:-600}); do
    line=$(stats)
    active=$(echo "$line" | sed 's/.* paid, \([0-9]*\) active.*/\1/')
    [ "$active" -ge "$N" ] && break
    echo "$line" | grep -q "^0 orders" && break
    sleep 1
  done
  echo "after $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", b-a}') s: $(stats)"
  echo "target: every order paid within 10 s of the gateway's confirmation (p99), active p99 under 15 s with the panel limit at 1,000/s"
  echo "e-mails to the sale's customers: $($PSQL "SELECT COALESCE(string_agg(n || ' ' || status, ', '), 'none') FROM (SELECT status, COUNT(*) AS n FROM outbox_messages WHERE recipient LIKE 'sale-$RUN-%' GROUP BY status) m")"
  echo "webhooks answered: $($PSQL "SELECT COUNT(*) FROM payment_events p JOIN payment_attempts a ON a.gateway_order_id = p.gateway_order_id JOIN users u ON u.id = (SELECT customer_id FROM orders WHERE id = a.order_id) WHERE p.event_type = 'webhook' AND u.email LIKE 'sale-$RUN-%'") stored for $N payments"
  load
  ;;
admin)
  shift
  BASE=${1:-$APP}; CONC=${2:-4}; N=${3:-200}
  USER_ID=$($PSQL "SELECT id FROM users WHERE email = 'customer54321@bench.hostwright.test'")
  ORDER_UUID=$($PSQL "SELECT uuid FROM orders ORDER BY id DESC OFFSET 5000 LIMIT 1")
  SERVICE_ID=$($PSQL "SELECT COALESCE((SELECT max(id) FROM services), 0)" 2>/dev/null || echo 0)
  ROUTES=$(mktemp)
  sed -e "s/{user}/$USER_ID/g" -e "s/{order}/$ORDER_UUID/g" -e "s/{service}/$SERVICE_ID/g" bench/routes.txt > "$ROUTES"
  if [ "$SERVICE_ID" = "0" ]; then grep -v "services" "$ROUTES" > "$ROUTES.2"; mv "$ROUTES.2" "$ROUTES"; fi
  load
  java bench/LoadDriver.java "$BASE" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$ROUTES" "$CONC" "$N"
  echo "target: every route p95 < 100 ms"
  load
  rm -f "$ROUTES"
  ;;
start)
  [ -n "$JAR" ] || { echo "no jar"; exit 1; }
  PORT=${PORT:-8097}
  if [ "${2:-h2}" = "postgres" ]; then
    export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGH:5432/$DB" SPRING_DATASOURCE_USERNAME=${PGUSER:-postgres} SPRING_DATASOURCE_PASSWORD=
  fi
  # starts "$@" (a java command line) on $DATA and waits until healthy; sets pid, prints the seconds and
  # Boot's "Started ... in"
  start_once() {
    local label=$1; shift
    : > "$DATA/app.log"
    local t0; t0=$(date +%s.%N)
    HOSTWRIGHT_DATA_DIR=$DATA SERVER_PORT=$PORT "$@" >> "$DATA/app.log" 2>&1 &
    pid=$!
    # a curl every 0.1 s from the start took about half a second of CPU from a start on two cores: the
    # shell's own /dev/tcp until the port is open (no process started), then curl until the health is UP
    until (exec 3<> "/dev/tcp/127.0.0.1/$PORT") 2> /dev/null; do sleep 0.05; kill -0 $pid || { tail -20 "$DATA/app.log"; exit 1; }; done
    until curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do sleep 0.05; kill -0 $pid || { tail -20 "$DATA/app.log"; exit 1; }; done
    echo "$label: healthy after $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b-a}') s (target 6 s); $(grep -o 'Started HostwrightApplication in [0-9.]* seconds' "$DATA/app.log")"
    # healthy means serving: the storefront and the plans API answer at once
    echo "  right after: GET / $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/"), GET /api/plans $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/plans")"
  }
  # the jar in its JVM as it was given (the fast start off: both compilers, no archive), the jar (which
  # starts its extracted copy beside it, recording an archive on its first run, used from the restart on,
  # and the quick compiler only on two cores), the README's start (the extracted jar,
  # which starts itself again with its class data sharing archive and, on two cores, the quick compiler
  # only: platform.FastStart); then the extracted jar with its archive and both compilers, for comparison
  ways=("jar, as it was (HOSTWRIGHT_FAST_START=false):env HOSTWRIGHT_FAST_START=false java -jar $JAR" "jar:java -jar $JAR")
  if [ -f target/app/hostwright.jsa ]; then
    ways+=("java -jar target/app/hostwright.jar (README):java -jar $PWD/target/app/hostwright.jar")
    ways+=("extracted + CDS, both compilers:java -XX:SharedArchiveFile=$PWD/target/app/hostwright.jsa -jar $PWD/target/app/hostwright.jar")
  else
    echo "(no target/app/hostwright.jsa: build with ./mvnw package to measure the fast start too)"
  fi
  load
  for way in "${ways[@]}"; do
    name=${way%%:*}; read -ra cmd <<< "${way#*:}"
    # ONLY=README: only the ways whose name holds it
    [[ "$name" == *"${ONLY:-}"* ]] || continue
    DATA=$(mktemp -d)
    # the executable jar's first start ever: no extracted copy or archive left from an earlier one
    rm -rf "${JAR%.jar}-fast-start"
    start_once "$name, first start (empty data folder${2:+, $2})" "${cmd[@]}"
    sleep 60
    # the launcher and the application it started, if it started one
    echo "  resident after a minute idle: $(ps -o rss= -p "$pid" $(pgrep -P "$pid" | sed 's/^/-p /') | awk '{s += $1} END {printf "%.0f MB", s/1024}') (launcher and application; target 400 MB)"
    kill $pid; wait $pid 2>/dev/null || true
    start_once "$name, restart on the same data" "${cmd[@]}"
    kill $pid; wait $pid 2>/dev/null || true
    rm -rf "$DATA"
  done
  load
  ;;
renewals)
  DUE=$($PSQL "SELECT count(*) FROM billing_subscriptions WHERE description LIKE 'Bench hosting %' AND status = 'active' AND next_due_date <= current_date + 14")
  TOKEN=$(curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$APP/api/auth/token" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  load
  t0=$(date +%s.%N)
  REPORT=$(curl -fs -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{}' "$APP/api/admin/billing/run")
  echo "whole billing run over $DUE due renewals: $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b-a}') s: $REPORT"
  # the target is the renewal step's: the app logs each step's time ("Billing run N of DATE: invoices done …, in … ms")
  STEP=$(grep -a "Billing run .*: invoices done" "$APP_LOG" 2>/dev/null | tail -1 | sed -n 's/.*invoices done \([0-9]*\), failed \([0-9]*\), in \([0-9]*\) ms.*/\1 invoices, \2 failed, \3/p')
  if [ -n "$STEP" ]; then
    echo "renewal step: ${STEP##*, } ms for ${STEP%, *} (target 10,000 ms)"
  else
    echo "renewal step: not in $APP_LOG (the app's log, where it logs each step's time; set APP_LOG)"
  fi
  echo "renewal invoices now: $($PSQL "SELECT count(*) FROM invoice_lines l JOIN billing_subscriptions s ON s.id = l.subscription_id WHERE s.description LIKE 'Bench hosting %'") (one per due renewal)"
  load
  ;;
invoices)
  shift
  CONC=${1:-4}; N=${2:-200}
  USER_ID=$($PSQL "SELECT customer_id FROM invoices WHERE number_prefix = 'BENCH-' GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1")
  USER_EMAIL=$($PSQL "SELECT email FROM users WHERE id = $USER_ID")
  NUMBER=$($PSQL "SELECT number FROM invoices WHERE number_prefix = 'BENCH-' ORDER BY id OFFSET (SELECT count(*) / 2 FROM invoices WHERE number_prefix = 'BENCH-') LIMIT 1")
  ROUTES=$(mktemp)
  sed -e "s/{user}/$USER_ID/g" -e "s/{number}/$NUMBER/g" bench/billing-routes.txt > "$ROUTES"
  printf 'WEB /me/invoices\nAPI /api/me/invoices\n' > "$ROUTES.customer"
  load
  java bench/LoadDriver.java "$APP" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$ROUTES" "$CONC" "$N"
  echo "the customer's own list ($USER_EMAIL, $($PSQL "SELECT count(*) FROM invoices WHERE customer_id = $USER_ID") invoices):"
  java bench/LoadDriver.java "$APP" "$USER_EMAIL" "bench-password-2026" "$ROUTES.customer" "$CONC" "$N"
  echo "target: every route p95 < 100 ms"
  load
  rm -f "$ROUTES" "$ROUTES.customer"
  ;;
overdue)
  # the app's today (its time zone, moved by the sandbox clock if it was): the date bench/generate-overdue.sql set up
  TODAY=$($PSQL "SELECT ((now() + make_interval(secs => COALESCE((SELECT offset_seconds FROM sandbox_clock WHERE id = 1), 0)::double precision))
                  AT TIME ZONE '${HOSTWRIGHT_TIME_ZONE:-Africa/Dar_es_Salaam}')::date")
  SERVICES=$($PSQL "SELECT count(*) FROM billing_subscriptions WHERE description LIKE 'Overdue bench %'")
  [ "$SERVICES" -gt 0 ] || { echo "no overdue bench data: psql ... -f bench/generate-overdue.sql first"; exit 1; }
  TOKEN=$(curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$APP/api/auth/token" | jq -r .token)
  since() { $PSQL "SELECT COALESCE(max(id), 0) FROM $1"; }
  secs() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b-a}'; }
  mails0=$(since outbox_messages); actions0=$(since billing_actions); invoices0=$(since invoices)
  echo "$SERVICES renewed services; today is $TODAY"
  load
  t0=$(date +%s.%N)
  PREVIEW=$(curl -fs --max-time 120 -H "Authorization: Bearer $TOKEN" "$APP/api/admin/billing/preview?date=$TODAY")
  echo "preview of $TODAY: $(secs "$t0") s (target 5 s); items listed (at most 500 a step): $(echo "$PREVIEW" | jq -r 'to_entries | map("\(.key) \(.value | length)") | join(", ")')"
  echo "preview ms per step (the app's log): $(grep -a "Billing preview of $TODAY: ms per step" "$APP_LOG" 2>/dev/null | tail -1 | sed 's/.*ms per step //' || true)"
  t0=$(date +%s.%N)
  REPORT=$(curl -fs --max-time 900 -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "{\"date\":\"$TODAY\"}" "$APP/api/admin/billing/run")
  echo "run of $TODAY: $(secs "$t0") s (target 30 s, panel jobs excepted: they run after it): $(echo "$REPORT" | jq -c .steps)"
  # this run's lines, by its id (not the log's last lines: as many as there are steps)
  RUN_ID=$($PSQL "SELECT max(id) FROM billing_runs")
  echo "ms per step (the app's log): $(grep -a "Billing run $RUN_ID of $TODAY: .* ms\$" "$APP_LOG" 2>/dev/null | sed -n 's/.*: \([a-z_]*\) done .* in \([0-9]*\) ms$/\1 \2/p' | paste -sd, - || true)"
  echo "made by the run: $($PSQL "SELECT count(*) FROM invoices WHERE id > $invoices0") invoices, $($PSQL "SELECT count(*) FROM outbox_messages WHERE id > $mails0") e-mails queued, actions: $($PSQL "SELECT COALESCE(string_agg(kind || ' ' || n, ', '), 'none') FROM (SELECT kind, count(*) AS n FROM billing_actions WHERE id > $actions0 GROUP BY kind ORDER BY kind) x")"
  echo "e-mails with the same recipient and subject (a second reminder of a step would be one): $($PSQL "SELECT count(*) FROM (SELECT 1 FROM outbox_messages WHERE id > $mails0 GROUP BY recipient, subject HAVING count(*) > 1) x")"
  echo "failures logged by the run: $($PSQL "SELECT count(*) FROM billing_run_failures WHERE run_id = (SELECT max(id) FROM billing_runs)")"
  mails1=$(since outbox_messages)
  t0=$(date +%s.%N)
  AGAIN=$(curl -fs --max-time 900 -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "{\"date\":\"$TODAY\"}" "$APP/api/admin/billing/run")
  echo "the same run again: $(secs "$t0") s, $(echo "$AGAIN" | jq -c .steps), $($PSQL "SELECT count(*) FROM outbox_messages WHERE id > $mails1") e-mails (nothing left to do)"
  load
  ;;
http*)
  exec "$0" admin "$@"
  ;;
*)
  sed -n '2,16p' "$0"
  ;;
esac
