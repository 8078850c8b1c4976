#!/usr/bin/env bash
# Postgres and Redis normally run already on a development machine or CI; if a local one is down and its
# Debian service tools are here, start it, so one command is enough on a fresh machine.
set -uo pipefail

postgres_up() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
redis_up() { [ "$(printf 'PING\r\n' | timeout 2 bash -c 'exec 3<>/dev/tcp/127.0.0.1/6379; cat >&3; head -c 5 <&3' 2>/dev/null)" = "+PONG" ]; }

wait_for() {
  local check=$1 name=$2
  for _ in $(seq 1 30); do "$check" && return 0; sleep 1; done
  echo "$name did not come up on 127.0.0.1" >&2
  return 1
}

if ! postgres_up && command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "Postgres is not answering on 127.0.0.1:5432: starting the local cluster..." >&2
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start >&2 || true
  wait_for postgres_up Postgres || exit 1
fi
if ! redis_up && command -v redis-server >/dev/null 2>&1; then
  echo "Redis is not answering on 127.0.0.1:6379: starting a local one..." >&2
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log >&2 || true
  wait_for redis_up Redis || exit 1
fi
exit 0
