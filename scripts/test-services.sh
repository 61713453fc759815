#!/usr/bin/env bash
# Installs and runs the services ToonStudio's tests need, on loopback only.
# Sourced by test.sh; also usable by hand: `source scripts/test-services.sh; start_test_services`.

TS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TS_RUN="${TS_RUN:-/tmp/toonstudio-test-services}"
TS_PG_PORT="${TS_PG_PORT:-55432}"
TS_AZURITE_PORT="${TS_AZURITE_PORT:-10000}"

install_test_dependencies() {
  local need=()
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  [ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v bc >/dev/null 2>&1 || need+=(bc)
  command -v node >/dev/null 2>&1 || need+=(nodejs)
  command -v npm >/dev/null 2>&1 || need+=(npm)
  if [ "${#need[@]}" -gt 0 ]; then
    echo "== apt-get install ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Wait for a concurrent apt/dpkg (another checkout's test run) instead of failing on its lock.
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
  install_kustomize
  if [ ! -x "$TS_ROOT/.tools/node_modules/.bin/azurite-blob" ]; then
    echo "== npm install azurite"
    mkdir -p "$TS_ROOT/.tools"
    (cd "$TS_ROOT/.tools" && npm install --silent --no-audit --no-fund --prefix . azurite@3 >/dev/null)
  fi
}

# The Deploy tests render deploy/k8s with `kubectl kustomize`, which needs Kustomize v4+ (components, labels,
# patches). Debian's own kubernetes-client (kubectl 1.20) embeds Kustomize v2 and cannot render them, so the
# package wanted is `kubectl` from the machine's apt sources; without one this warns and the Deploy tests fail.
install_kustomize() {
  if command -v kubectl >/dev/null 2>&1 && kubectl kustomize "$TS_ROOT/deploy/k8s/overlays/single" >/dev/null 2>&1; then
    return 0
  fi
  export DEBIAN_FRONTEND=noninteractive
  if apt-cache policy kubectl 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    echo "== apt-get install kubectl"
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends kubectl >/dev/null
  fi
  if ! command -v kubectl >/dev/null 2>&1 || ! kubectl kustomize "$TS_ROOT/deploy/k8s/overlays/single" >/dev/null 2>&1; then
    echo "test-services: no kubectl with Kustomize v4+ (the Deploy tests need \`kubectl kustomize\`); Debian's kubernetes-client is too old; the Deploy tests will fail." >&2
  fi
}

start_test_services() {
  mkdir -p "$TS_RUN"
  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  if [ ! -f "$TS_RUN/pg/PG_VERSION" ]; then
    rm -rf "$TS_RUN/pg"; mkdir -p "$TS_RUN/pg"; chown -R postgres:postgres "$TS_RUN/pg"
    su postgres -s /bin/sh -c "$pgbin/initdb -D $TS_RUN/pg -U postgres -A trust --no-sync" >/dev/null
  fi
  chown -R postgres:postgres "$TS_RUN/pg"
  # Already running (another test run on this machine): share it. The log lives in the data folder,
  # which postgres can write ($TS_RUN belongs to root).
  if ! "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$TS_PG_PORT"; then
    su postgres -s /bin/sh -c "$pgbin/pg_ctl -D $TS_RUN/pg -l $TS_RUN/pg/server.log -w -o '-h 127.0.0.1 -p $TS_PG_PORT -k /tmp -c fsync=off -c max_connections=300' start" >/dev/null
    TS_STARTED_PG=1
  fi
  su postgres -s /bin/sh -c "$pgbin/psql -h 127.0.0.1 -p $TS_PG_PORT -U postgres -tc \"select 1 from pg_database where datname='toonstudio_test'\" | grep -q 1 || $pgbin/createdb -h 127.0.0.1 -p $TS_PG_PORT -U postgres toonstudio_test"
  export TOONSTUDIO_TEST_POSTGRES="Host=127.0.0.1;Port=$TS_PG_PORT;Username=postgres;Database=toonstudio_test;Pooling=true;Maximum Pool Size=50"

  if ! (echo >/dev/tcp/127.0.0.1/"$TS_AZURITE_PORT") 2>/dev/null; then
    rm -rf "$TS_RUN/azurite"; mkdir -p "$TS_RUN/azurite"
    # --disableTelemetry: Azurite otherwise reports to a cloud endpoint; tests talk to loopback only.
    "$TS_ROOT/.tools/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "$TS_AZURITE_PORT" \
      --location "$TS_RUN/azurite" --skipApiVersionCheck --loose --silent --disableTelemetry >"$TS_RUN/azurite.log" 2>&1 &
    echo $! >"$TS_RUN/azurite.pid"
    TS_STARTED_AZURITE=1
  fi
  for _ in $(seq 1 50); do
    (echo >/dev/tcp/127.0.0.1/"$TS_AZURITE_PORT") 2>/dev/null && break
    sleep 0.2
  done
  export TOONSTUDIO_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$TS_AZURITE_PORT/devstoreaccount1;"
  export TOONSTUDIO_TEST_CHROMIUM=/usr/bin/chromium
  echo "== services: postgres 127.0.0.1:$TS_PG_PORT, azurite 127.0.0.1:$TS_AZURITE_PORT"
}

# Stops only what this shell started, so one test run does not pull the services from under another.
stop_test_services() {
  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$pgbin" ] && [ "${TS_STARTED_PG:-}" = 1 ] && su postgres -s /bin/sh -c "$pgbin/pg_ctl -D $TS_RUN/pg -m fast -w stop" >/dev/null 2>&1 || true
  [ "${TS_STARTED_AZURITE:-}" = 1 ] && [ -f "$TS_RUN/azurite.pid" ] && kill "$(cat "$TS_RUN/azurite.pid")" 2>/dev/null || true
}
