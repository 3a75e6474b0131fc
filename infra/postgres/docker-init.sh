#!/usr/bin/env bash
# Runs inside the postgres container on first start (docker-entrypoint-initdb.d).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$CANDOR_OWNER_PASSWORD" -v app_password="$CANDOR_APP_PASSWORD" \
  -f /candor/roles.sql
