#!/bin/bash
# Runs the admin load benchmark against a running app whose database was filled by bench/generate.sql.
# usage: bench/run.sh [base-url] [concurrency] [requests-per-route]
# env: PGDATABASE (default hw_bench), ADMIN_EMAIL, ADMIN_PASSWORD
set -euo pipefail
BASE=${1:-http://localhost:8085}
CONC=${2:-4}
N=${3:-200}
DB=${PGDATABASE:-hw_bench}
PSQL="psql -h ${PGHOST:-127.0.0.1} -U ${PGUSER:-postgres} -d $DB -Atc"
cd "$(dirname "$0")/.."
USER_ID=$($PSQL "SELECT id FROM users WHERE email = 'customer54321@bench.hostwright.test'")
ORDER_UUID=$($PSQL "SELECT uuid FROM orders ORDER BY id DESC OFFSET 5000 LIMIT 1")
SERVICE_ID=$($PSQL "SELECT COALESCE((SELECT max(id) FROM services), 0)" 2>/dev/null || echo 0)
ROUTES=$(mktemp)
sed -e "s/{user}/$USER_ID/g" -e "s/{order}/$ORDER_UUID/g" -e "s/{service}/$SERVICE_ID/g" bench/routes.txt > "$ROUTES"
if [ "$SERVICE_ID" = "0" ]; then grep -v "services" "$ROUTES" > "$ROUTES.2"; mv "$ROUTES.2" "$ROUTES"; fi
java bench/LoadDriver.java "$BASE" "${ADMIN_EMAIL:-admin@hostwright.local}" "${ADMIN_PASSWORD:-sandbox-admin-2026}" "$ROUTES" "$CONC" "$N"
rm -f "$ROUTES"
