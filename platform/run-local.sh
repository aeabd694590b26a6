#!/usr/bin/env bash
# Start the production processes on this machine, on loopback, against its PostgreSQL and
# Redis: the ASGI web server (daphne), a Celery worker and Celery beat. Waits until each one
# is ready, prints "== ready", and stops them all when it exits (Ctrl-C, a signal, or any
# one of them stopping).
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/zjtx REDIS_URL=redis://127.0.0.1:6379/0 \
#   SECRET_KEY=... platform/run-local.sh [web] [worker] [beat]      # all three by default
#
# Required: DATABASE_URL, REDIS_URL, SECRET_KEY (the settings refuse to start without a key
# once a service is named). The database must be migrated (`manage.py migrate`: the release
# step); for the web pages the script compiles the translations and collects the static
# files (under VAR_DIR) first.
# Optional: WEB_PORT (8000), WORKER_CONCURRENCY (2), WORKER_POOL (prefork; "solo" runs the
# task in the worker process itself), WORKER_NAME (local: the node is WORKER_NAME@host),
# LOG_DIR (var/run-local: one log per process and beat's schedule), READY_TIMEOUT (60 s).
# The integration suite (tests/integration/test_celery_worker.py) starts its worker with it.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${DATABASE_URL:?set DATABASE_URL (postgres://user@127.0.0.1:5432/db)}"
: "${REDIS_URL:?set REDIS_URL (redis://127.0.0.1:6379/0)}"
: "${SECRET_KEY:?set SECRET_KEY (keep it the same for every process and across restarts)}"
export DATABASE_URL REDIS_URL SECRET_KEY

WEB_PORT="${WEB_PORT:-8000}"
WORKER_CONCURRENCY="${WORKER_CONCURRENCY:-2}"
WORKER_POOL="${WORKER_POOL:-prefork}"
WORKER_NAME="${WORKER_NAME:-local}"
LOG_DIR="${LOG_DIR:-var/run-local}"
READY_TIMEOUT="${READY_TIMEOUT:-60}"
BIN="${BIN:-.venv/bin}"
mkdir -p "$LOG_DIR"

PARTS=("$@")
[ ${#PARTS[@]} -gt 0 ] || PARTS=(web worker beat)

PIDS=()
stop_all() {
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  # Celery finishes the task at hand on TERM (a warm shutdown); give it a moment.
  for _ in $(seq 20); do
    alive=0
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.5
  done
  for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
}
trap 'stop_all' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# wait_for NAME PID CHECK...: run CHECK until it succeeds, failing if NAME exits first.
wait_for() {
  local name=$1 pid=$2
  shift 2
  for _ in $(seq "$((READY_TIMEOUT * 2))"); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "!! $name stopped while starting; the end of $LOG_DIR/$name.log:" >&2
      tail -n 30 "$LOG_DIR/$name.log" >&2
      exit 1
    fi
    if "$@" >/dev/null 2>&1; then
      echo "== $name ready (log: $LOG_DIR/$name.log)"
      return 0
    fi
    sleep 0.5
  done
  echo "!! $name not ready after ${READY_TIMEOUT}s; see $LOG_DIR/$name.log" >&2
  exit 1
}

for part in "${PARTS[@]}"; do
  case "$part" in
    web)
      # Pages need the translations compiled and the static files' manifest (both quick
      # when up to date).
      "$BIN/python" manage.py compile_translations >/dev/null
      "$BIN/python" manage.py collectstatic --noinput -v0
      "$BIN/daphne" -b 127.0.0.1 -p "$WEB_PORT" config.asgi:application \
        >"$LOG_DIR/web.log" 2>&1 &
      PIDS+=($!)
      wait_for web $! curl -fs -o /dev/null "http://127.0.0.1:$WEB_PORT/"
      ;;
    worker)
      # INFO logs every task received and done (the suite counts them).
      CELERY_LOG_LEVEL="${CELERY_LOG_LEVEL:-INFO}" "$BIN/celery" -A config worker \
        --pool "$WORKER_POOL" --concurrency "$WORKER_CONCURRENCY" -n "$WORKER_NAME@%h" \
        --loglevel INFO --without-gossip --without-mingle >"$LOG_DIR/worker.log" 2>&1 &
      PIDS+=($!)
      wait_for worker $! grep -q "$WORKER_NAME@.* ready" "$LOG_DIR/worker.log"
      ;;
    beat)
      CELERY_LOG_LEVEL="${CELERY_LOG_LEVEL:-INFO}" "$BIN/celery" -A config beat \
        --loglevel INFO --schedule "$LOG_DIR/celerybeat-schedule" --pidfile "" \
        >"$LOG_DIR/beat.log" 2>&1 &
      PIDS+=($!)
      wait_for beat $! grep -q "beat: Starting" "$LOG_DIR/beat.log"
      ;;
    *)
      echo "unknown part: $part (web, worker, beat)" >&2
      exit 2
      ;;
  esac
done
echo "== ready: ${PARTS[*]} (Ctrl-C stops them all)"

# Run until one of them stops (then stop the others and fail) or this script is stopped.
set +e
wait -n "${PIDS[@]}"
status=$?
echo "!! a process stopped (exit $status); stopping the others" >&2
[ "$status" = 0 ] && status=1
exit "$status"
