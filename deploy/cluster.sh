#!/usr/bin/env bash
# A real Wehelpen cluster on this machine, without containers: a throwaway PostgreSQL server, one or two app nodes
# (`dotnet Wehelpen.Web.dll`, Release, Production) and nginx in front of them, everything on 127.0.0.1.
# For the multi-node tests and benchmarks, and for trying things by hand. See deploy/README.md.
#
#   deploy/cluster.sh start [--nodes 1|2] [--dir DIR] [--app APPDIR] [--republish]
#   deploy/cluster.sh stop [--dir DIR]
#   deploy/cluster.sh status [--dir DIR]
#   deploy/cluster.sh node a|b start|stop|kill|restart [--dir DIR]
#
# DIR defaults to $WEHELPEN_CLUSTER_DIR or /tmp/wehelpen-cluster. `start` writes DIR/cluster.env (KEY=VALUE lines,
# not shell-quoted: split each at its first '=') and keeps it current when a node is stopped or started.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
READY_TIMEOUT="${CLUSTER_READY_TIMEOUT:-180}"   # seconds a node (or nginx) may take to answer /health/ready
STOP_TIMEOUT="${CLUSTER_STOP_TIMEOUT:-30}"      # seconds a node may take to stop after SIGTERM before it is killed

say() { echo "cluster: $*" >&2; }
die() { echo "cluster: error: $*" >&2; exit 1; }

usage() {
  sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# --- processes -------------------------------------------------------------------------------------------------

# A pid that is running (a zombie is not) and whose command line contains $2.
alive() {
  local pid="$1" what="${2:-}" state
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || return 1
  state="$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$pid/stat" 2>/dev/null)" || return 1
  [ "$state" != Z ] || return 1
  [ -z "$what" ] || tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$what"
}

# Waits up to $2 seconds for pid $1 to be gone.
wait_gone() {
  local pid="$1" deadline=$(( SECONDS + $2 ))
  while alive "$pid"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}

# SIGTERM, then SIGKILL after $3 seconds; $2 is what the command line must contain (guards against a reused pid).
terminate() {
  local pid="$1" what="$2" grace="$3"
  alive "$pid" "$what" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_gone "$pid" "$grace"; then
    say "pid $pid did not stop within ${grace}s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 10 || die "pid $pid survives SIGKILL"
  fi
}

# Sets PORT to the first port from $1 on that nothing listens on and that this run has not handed out yet (not in
# a subshell: it remembers what it handed out). The ranges used (2xxxx) lie below Linux's ephemeral ports
# (32768-60999), so a client connection cannot be holding them.
TAKEN=" "
free_port() {
  local port
  for port in $(seq "$1" $(( $1 + 999 ))); do
    case "$TAKEN" in *" $port "*) continue ;; esac
    if ! port_listens "$port"; then TAKEN="$TAKEN$port "; PORT="$port"; return; fi
  done
  die "no free port between $1 and $(( $1 + 999 ))"
}

port_listens() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

http_ok() { curl -fsS --max-time 3 -o /dev/null "$1" 2>/dev/null; }

# Waits until $1/health/ready answers 200, while pid $2 lives; $3 names it, $4 is its log.
wait_ready() {
  local url="$1" pid="$2" name="$3" log="$4" deadline=$(( SECONDS + READY_TIMEOUT ))
  until http_ok "$url/health/ready"; do
    if ! alive "$pid"; then
      say "$name exited before it was ready; the end of $log:"
      tail -n 30 "$log" >&2 || true
      return 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      say "$name not ready at $url/health/ready after ${READY_TIMEOUT}s; the end of $log:"
      tail -n 30 "$log" >&2 || true
      return 1
    fi
    sleep 0.5
  done
}

# --- state: DIR/cluster.env ------------------------------------------------------------------------------------

env_get() { sed -n "s/^$1=//p" "$DIR/cluster.env" 2>/dev/null | tail -n 1; }

env_set() {
  local key="$1" value="$2" tmp="$DIR/cluster.env.tmp"
  { grep -v "^$key=" "$DIR/cluster.env" 2>/dev/null || true; echo "$key=$value"; } >"$tmp"
  mv "$tmp" "$DIR/cluster.env"
}

# --- PostgreSQL --------------------------------------------------------------------------------------------------

# PostgreSQL refuses to run as root; as root it runs as the 'postgres' user the Debian package made (as test.sh).
pg_user() { if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi; }
as_pg() { local user; user="$(pg_user)"; if [ "$(id -un)" = "$user" ]; then "$@"; else runuser -u "$user" -- "$@"; fi; }

start_postgres() {
  local pg_bin="$1" pg_dir port attempt
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  fi
  # Its data lives in DIR/pg when the postgres user can reach it there, otherwise in a folder of its own in /tmp.
  pg_dir="$DIR/pg"
  mkdir -p "$pg_dir"
  chown "$(pg_user)" "$pg_dir"
  if ! as_pg test -w "$pg_dir"; then
    rm -rf "$pg_dir"
    pg_dir="$(mktemp -d /tmp/wehelpen-cluster-pg-XXXXXX)"
    chown "$(pg_user)" "$pg_dir"
  fi
  env_set PG_DIR "$pg_dir"
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  port=25431
  for attempt in 1 2 3 4 5; do
    free_port $(( port + 1 )); port="$PORT"
    # Durability is of no use to a throwaway server. Two nodes keep up to ~100 pooled connections each, plus
    # Quartz's and the live backplane's.
    if as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" >/dev/null; then
      break
    fi
    tail -n 3 "$pg_dir/server.log" >&2 2>/dev/null || true
    [ "$attempt" -lt 5 ] || die "PostgreSQL did not start (see $pg_dir/server.log)"
  done
  env_set PG_PORT "$port"
  env_set PG_PID "$(head -n 1 "$pg_dir/data/postmaster.pid")"
  env_set PG_ADMIN_CONNECTION "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  as_pg "$pg_bin/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE wehelpen" >/dev/null
  env_set PG_CONNECTION "Host=127.0.0.1;Port=$port;Username=postgres;Database=wehelpen"
  say "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $pg_dir)"
}

stop_postgres() {
  local pg_dir pg_bin pid
  pg_dir="$(env_get PG_DIR)"
  pid="$(env_get PG_PID)"
  [ -n "$pg_dir" ] || return 0
  pg_bin="$(postgres_bin)"
  if [ -f "$pg_dir/data/postmaster.pid" ] && [ -n "$pg_bin" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  terminate "$pid" postgres 10
  rm -rf "$pg_dir"
  env_set PG_PID ""
}

# --- app nodes ---------------------------------------------------------------------------------------------------

node_key() { echo "NODE_$(echo "$1" | tr '[:lower:]' '[:upper:]')"; }

# Writes DIR/<node>.env: the node's own settings, read again whenever the node is started.
write_node_env() {
  local node="$1" port="$2" key prefix name
  key="$(node_key "$node")"
  {
    echo "ASPNETCORE_URLS=http://127.0.0.1:$port"
    echo "ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}"
    echo "Database__Provider=Postgres"
    echo "ConnectionStrings__Wehelpen=$(env_get PG_CONNECTION)"
    echo "Cluster__NodeName=$node"
    # No SMTP server: every mail is a JSON file in the shared mail folder, whichever node sends it.
    echo "Email__Smtp__Host="
    echo "Email__Folder=$DIR/mail"
    echo "Email__PublicBaseUrl=$(env_get PROXY_URL)"
    # Everything here is on loopback: the proxy, the nodes, the health checks.
    echo "AllowedHosts=127.0.0.1;localhost"
    echo "DataProtection__CertificatePath=$(env_get DATA_PROTECTION_CERTIFICATE)"
    echo "DataProtection__CertificatePassword=$(env_get DATA_PROTECTION_PASSWORD)"
    echo "Scheduling__Enabled=${Scheduling__Enabled:-true}"
    echo "DemoData__Enabled=${DemoData__Enabled:-true}"
    # For one node only: WEHELPEN_NODE_A__Live__OfflineGraceSeconds=2 gives node a Live__OfflineGraceSeconds=2.
    prefix="WEHELPEN_${key}__"
    while IFS= read -r name; do
      echo "${name#"$prefix"}=${!name}"
    done < <(compgen -e | grep "^$prefix" || true)
  } >"$DIR/$node.env"
}

start_node() {
  local node="$1" key app url log pid
  key="$(node_key "$node")"
  app="$(env_get APP_DIR)"
  url="$(env_get "${key}_URL")"
  log="$DIR/$node.log"
  [ -n "$url" ] && [ -f "$DIR/$node.env" ] || die "node $node is not part of the cluster in $DIR"
  pid="$(cat "$DIR/$node.pid" 2>/dev/null || true)"
  if alive "$pid" Wehelpen.Web.dll; then say "node $node already runs (pid $pid)"; return 0; fi
  # Whatever answered there would be taken for this node.
  port_listens "${url##*:}" && die "node $node: something else listens on $url already"
  local settings=() line
  while IFS= read -r line; do [ -n "$line" ] && settings+=("$line"); done <"$DIR/$node.env"
  echo "=== $(date -Is) node $node starting" >>"$log"
  # The app's content root is the working directory: appsettings.json and wwwroot are read from there.
  # Its own session, so that nothing sent to this script's process group reaches it.
  (cd "$app" && exec setsid env "${settings[@]}" dotnet "$app/Wehelpen.Web.dll" >>"$log" 2>&1 </dev/null) &
  pid=$!
  echo "$pid" >"$DIR/$node.pid"
  env_set "${key}_PID" "$pid"
  say "node $node starting (pid $pid) on $url, log $log"
  if ! wait_ready "$url" "$pid" "node $node" "$log" || ! alive "$pid" Wehelpen.Web.dll; then
    terminate "$pid" Wehelpen.Web.dll 5
    env_set "${key}_PID" ""
    return 1
  fi
  say "node $node ready"
}

stop_node() {
  local node="$1" how="$2" key pid
  key="$(node_key "$node")"
  pid="$(cat "$DIR/$node.pid" 2>/dev/null || true)"
  if alive "$pid" Wehelpen.Web.dll; then
    if [ "$how" = kill ]; then
      kill -KILL "$pid" 2>/dev/null || true
      wait_gone "$pid" 10 || die "node $node (pid $pid) survives SIGKILL"
      echo "=== $(date -Is) node $node killed (SIGKILL)" >>"$DIR/$node.log"
      say "node $node killed (pid $pid)"
    else
      terminate "$pid" Wehelpen.Web.dll "$STOP_TIMEOUT"
      echo "=== $(date -Is) node $node stopped" >>"$DIR/$node.log"
      say "node $node stopped (pid $pid)"
    fi
  fi
  rm -f "$DIR/$node.pid"
  env_set "${key}_PID" ""
}

# --- nginx -------------------------------------------------------------------------------------------------------

write_nginx_conf() {
  local port="$1" nodes="$2" conf="$DIR/nginx/nginx.conf" user="" servers=""
  mkdir -p "$DIR/nginx/tmp"
  # As root, nginx's workers would otherwise run as 'nobody', which cannot write the temporary folders in DIR.
  [ "$(id -u)" -ne 0 ] || user="user root;"
  # No node is ever marked down (max_fails=0): on loopback a stopped node refuses at once and nginx tries the other
  # (proxy_next_upstream). Marked down, a node that came back stays skipped until a request to it has finished, and a
  # page's WebSocket does not finish: for a few seconds after a failover nginx would find no node at all (502).
  servers="        server $(env_get NODE_A_URL | sed 's|http://||') max_fails=0;"
  [ "$nodes" -lt 2 ] || servers="$servers
        server $(env_get NODE_B_URL | sed 's|http://||') max_fails=0;"
  cat >"$conf" <<EOF
# Generated by deploy/cluster.sh for the cluster in $DIR; the production site is deploy/nginx/wehelpen.conf.
$user
worker_processes 1;
daemon off;
pid $DIR/nginx/nginx.pid;
error_log $DIR/nginx/error.log warn;

events {
    worker_connections 8192;
}

http {
    # Which node answered each request, and how fast.
    log_format upstream '\$remote_addr [\$time_local] "\$request" \$status \$body_bytes_sent '
                        'upstream=\$upstream_addr upstream_status=\$upstream_status request_time=\$request_time';
    access_log $DIR/nginx/access.log upstream;
    client_body_temp_path $DIR/nginx/tmp/body;
    proxy_temp_path $DIR/nginx/tmp/proxy;
    fastcgi_temp_path $DIR/nginx/tmp/fastcgi;
    uwsgi_temp_path $DIR/nginx/tmp/uwsgi;
    scgi_temp_path $DIR/nginx/tmp/scgi;

    # WebSockets: pass the upgrade on; other requests keep the connection to the node alive.
    map \$http_upgrade \$connection_upgrade {
        default upgrade;
        ''      '';
    }

    # Plain round robin: the live client skips negotiation and opens its WebSocket at once, so no request has to
    # reach the node that answered an earlier one. keepalive is the number of idle connections to the nodes nginx
    # keeps for reuse, for all nodes together: at 32, two nodes and 32 busy clients made it open and close some 700
    # connections a second (see the cluster benchmark in docs/performance.md).
    upstream wehelpen {
$servers
        keepalive 128;
    }

    server {
        listen 127.0.0.1:$port;
        client_max_body_size 10m;

        proxy_http_version 1.1;
        proxy_set_header Host \$http_host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto \$scheme;
        proxy_set_header Upgrade \$http_upgrade;
        proxy_set_header Connection \$connection_upgrade;
        # A stopped or stopping node: the request goes to the other one (a request that was already sent is
        # retried only when it is idempotent).
        proxy_next_upstream error timeout http_502 http_503;
        proxy_next_upstream_tries 2;
        proxy_connect_timeout 2s;

        location / {
            proxy_pass http://wehelpen;
        }

        location /hubs/ {
            proxy_pass http://wehelpen;
            proxy_buffering off;
            proxy_read_timeout 120s;
            proxy_send_timeout 120s;
        }
    }
}
EOF
  nginx -t -q -e "$DIR/nginx/error.log" -p "$DIR/nginx" -c "$conf" || die "nginx rejects $conf"
}

start_nginx() {
  local pid url
  url="$(env_get PROXY_URL)"
  (exec setsid nginx -e "$DIR/nginx/error.log" -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" >>"$DIR/nginx/error.log" 2>&1 </dev/null) &
  pid=$!
  env_set NGINX_PID "$pid"
  wait_ready "$url" "$pid" nginx "$DIR/nginx/error.log" || return 1
  say "nginx on $url"
}

# --- commands ----------------------------------------------------------------------------------------------------

install_missing() {
  local missing=()
  [ -n "$(postgres_bin)" ] || missing+=(postgresql)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  command -v curl >/dev/null || missing+=(curl)
  command -v openssl >/dev/null || missing+=(openssl)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian ..."
    as_root apt-get update -q >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
  fi
  # The Debian package starts a system-wide nginx; we only want the binary (ours has its own config).
  PATH="$PATH:/usr/sbin"
  command -v nginx >/dev/null || die "nginx not found after installing nginx-light"
}

# The certificate both nodes encrypt the Data Protection key ring with (Production refuses to start without one).
make_certificate() {
  local pfx="$DIR/dataprotection.pfx" password
  password="$(openssl rand -hex 24)"
  openssl req -x509 -newkey rsa:3072 -sha256 -days 36500 -nodes -subj "/CN=Wehelpen Data Protection" \
    -keyout "$DIR/dataprotection.key" -out "$DIR/dataprotection.crt" >/dev/null 2>&1 || die "openssl could not make a certificate"
  openssl pkcs12 -export -inkey "$DIR/dataprotection.key" -in "$DIR/dataprotection.crt" -out "$pfx" -passout "pass:$password" \
    || die "openssl could not write $pfx"
  rm -f "$DIR/dataprotection.key" "$DIR/dataprotection.crt"
  env_set DATA_PROTECTION_CERTIFICATE "$pfx"
  env_set DATA_PROTECTION_PASSWORD "$password"
}

publish_app() {
  local app="$1" republish="$2"
  if [ "$republish" = 1 ] || [ ! -f "$app/Wehelpen.Web.dll" ]; then
    say "publishing src/Wehelpen.Web (Release) into $app ..."
    rm -rf "$app"
    dotnet publish "$ROOT/src/Wehelpen.Web" -c Release -o "$app" -nologo -clp:ErrorsOnly >&2 \
      || die "dotnet publish failed"
  fi
}

cmd_start() {
  local nodes=2 app="" republish=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --nodes) nodes="${2:?--nodes needs 1 or 2}"; shift 2 ;;
      --dir) DIR="${2:?--dir needs a folder}"; shift 2 ;;
      --app) app="${2:?--app needs a folder}"; shift 2 ;;
      --republish) republish=1; shift ;;
      *) usage ;;
    esac
  done
  case "$nodes" in 1|2) ;; *) die "--nodes must be 1 or 2" ;; esac
  mkdir -p "$DIR"
  DIR="$(cd "$DIR" && pwd)"
  if [ -f "$DIR/cluster.env" ] && any_running; then
    die "a cluster already runs in $DIR (deploy/cluster.sh stop --dir $DIR first)"
  fi
  [ "$(id -u)" -ne 0 ] || chmod o+x "$DIR"   # the postgres user must be able to reach DIR/pg

  install_missing
  if [ -n "$app" ]; then
    [ -f "$app/Wehelpen.Web.dll" ] || die "--app $app: no Wehelpen.Web.dll there"
    app="$(cd "$app" && pwd)"
  else
    app="$DIR/app"
    publish_app "$app" "$republish"
  fi

  # A fresh cluster: a new database, new logs; the published app is kept.
  rm -rf "$DIR/nginx" "$DIR/mail" "$DIR/pg" "$DIR"/a.* "$DIR"/b.* "$DIR/cluster.env" "$DIR"/dataprotection.*
  mkdir -p "$DIR/mail" "$DIR/nginx"
  : >"$DIR/cluster.env"
  trap 'say "start failed; stopping what was started"; stop_all >/dev/null 2>&1 || true' EXIT

  local proxy_port a_port b_port=""
  free_port 25080; a_port="$PORT"
  if [ "$nodes" -ge 2 ]; then free_port 25080; b_port="$PORT"; fi
  free_port 28080; proxy_port="$PORT"
  env_set CLUSTER_DIR "$DIR"
  env_set NODES "$nodes"
  env_set APP_DIR "$app"
  env_set MAIL_DIR "$DIR/mail"
  env_set PROXY_URL "http://127.0.0.1:$proxy_port"
  env_set NODE_A_URL "http://127.0.0.1:$a_port"
  env_set NODE_A_LOG "$DIR/a.log"
  env_set NODE_A_PID ""
  env_set NODE_B_URL "${b_port:+http://127.0.0.1:$b_port}"
  env_set NODE_B_LOG "${b_port:+$DIR/b.log}"
  env_set NODE_B_PID ""

  start_postgres "$(postgres_bin)"
  make_certificate
  write_node_env a "$a_port"
  [ "$nodes" -lt 2 ] || write_node_env b "$b_port"
  # Node a first, alone: it migrates the database and seeds the demo data once; b then finds both done.
  start_node a
  [ "$nodes" -lt 2 ] || start_node b
  write_nginx_conf "$proxy_port" "$nodes"
  start_nginx
  env_set NGINX_LOG "$DIR/nginx/error.log"
  trap - EXIT
  say "cluster ready: $(env_get PROXY_URL) (state in $DIR/cluster.env)"
  cat "$DIR/cluster.env"
}

any_running() {
  local pid
  for pid in "$(cat "$DIR/a.pid" 2>/dev/null || true)" "$(cat "$DIR/b.pid" 2>/dev/null || true)"; do
    alive "$pid" Wehelpen.Web.dll && return 0
  done
  alive "$(env_get NGINX_PID)" nginx && return 0
  alive "$(env_get PG_PID)" postgres && return 0
  return 1
}

stop_all() {
  terminate "$(env_get NGINX_PID)" nginx 10
  env_set NGINX_PID ""
  local node
  for node in a b; do stop_node "$node" stop; done
  stop_postgres
}

cmd_stop() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --dir) DIR="${2:?--dir needs a folder}"; shift 2 ;;
      *) usage ;;
    esac
  done
  [ -f "$DIR/cluster.env" ] || { say "no cluster in $DIR"; return 0; }
  DIR="$(cd "$DIR" && pwd)"
  stop_all
  any_running && die "something in $DIR still runs"
  say "stopped; logs stay in $DIR"
}

cmd_status() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --dir) DIR="${2:?--dir needs a folder}"; shift 2 ;;
      *) usage ;;
    esac
  done
  [ -f "$DIR/cluster.env" ] || { say "no cluster in $DIR"; return 3; }
  local down=0 node key pid url
  if alive "$(env_get PG_PID)" postgres; then
    echo "postgres  running  pid $(env_get PG_PID)  127.0.0.1:$(env_get PG_PORT)"
  else
    echo "postgres  down"; down=1
  fi
  for node in a b; do
    key="$(node_key "$node")"
    url="$(env_get "${key}_URL")"
    [ -n "$url" ] || continue
    pid="$(cat "$DIR/$node.pid" 2>/dev/null || true)"
    if alive "$pid" Wehelpen.Web.dll; then
      if http_ok "$url/health/ready"; then echo "node $node    ready    pid $pid  $url"; else echo "node $node    running, not ready  pid $pid  $url"; down=1; fi
    else
      echo "node $node    down     $url"; down=1
    fi
  done
  url="$(env_get PROXY_URL)"
  if alive "$(env_get NGINX_PID)" nginx; then
    if http_ok "$url/health/ready"; then echo "nginx     ready    pid $(env_get NGINX_PID)  $url"; else echo "nginx     running, no ready node behind it  $url"; down=1; fi
  else
    echo "nginx     down     $url"; down=1
  fi
  return $down
}

cmd_node() {
  local node="${1:-}" action="${2:-}"
  [ $# -ge 2 ] || usage
  shift 2
  while [ $# -gt 0 ]; do
    case "$1" in
      --dir) DIR="${2:?--dir needs a folder}"; shift 2 ;;
      *) usage ;;
    esac
  done
  case "$node" in a|b) ;; *) die "node must be a or b" ;; esac
  [ -f "$DIR/cluster.env" ] || die "no cluster in $DIR"
  DIR="$(cd "$DIR" && pwd)"
  [ -n "$(env_get "$(node_key "$node")_URL")" ] || die "the cluster in $DIR has no node $node"
  case "$action" in
    start) start_node "$node" ;;
    stop) stop_node "$node" stop ;;
    kill) stop_node "$node" kill ;;
    restart) stop_node "$node" stop; start_node "$node" ;;
    *) die "node $node: start, stop, kill or restart" ;;
  esac
}

DIR="${WEHELPEN_CLUSTER_DIR:-/tmp/wehelpen-cluster}"
command="${1:-}"
[ $# -eq 0 ] || shift
case "$command" in
  start) cmd_start "$@" ;;
  stop) cmd_stop "$@" ;;
  status) cmd_status "$@" ;;
  node) cmd_node "$@" ;;
  *) usage ;;
esac
