#!/usr/bin/env bash
# Which production WSGI server should serve Hearth? Serves the app with each
# candidate in turn on 127.0.0.1 (SQLite under var/, DEBUG off, 2 workers),
# drives it with wrk and prints one table. See bench/README.md.
#
#   bench/servers.sh                      # all three servers, 10 s a page
#   SERVERS="granian gunicorn-sync" DURATION=20s bench/servers.sh
#
# Needs: wrk (apt-get install wrk), curl, the venv (.venv) with granian and
# gunicorn, and the demo couple (`make setup`). Traffic goes to 127.0.0.1 only.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
PY=$ROOT/.venv/bin/python
HOST=127.0.0.1

SERVERS=${SERVERS:-"granian gunicorn-sync gunicorn-gthread"}
DURATION=${DURATION:-10s}   # each measured wrk run, in seconds ("10s")
WARMUP=${WARMUP:-2s}        # an unrecorded wrk run before each measured one ("0s" = none)
THREADS=2
CONNECTIONS=32
WORKERS=2
LOGIN_EMAIL=${LOGIN_EMAIL:-alice@example.com}
LOGIN_PASSWORD=${LOGIN_PASSWORD:-hearth-demo-together}

[[ $DURATION =~ ^[1-9][0-9]*s$ && $WARMUP =~ ^[0-9]+s$ ]] || {
    echo "servers.sh: DURATION and WARMUP are whole seconds, e.g. 10s" >&2; exit 1; }

for tool in wrk curl awk ps setsid; do
    command -v "$tool" >/dev/null || { echo "servers.sh: $tool is missing (apt-get install $tool)" >&2; exit 1; }
done
[[ -x $PY ]] || { echo "servers.sh: no virtualenv at .venv; run make setup" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hearth-bench.XXXXXX")
SERVER_PGID=""
SAMPLER_PID=""

stop_server() {
    [[ -n $SERVER_PGID ]] || return 0
    kill -TERM -- "-$SERVER_PGID" 2>/dev/null || true
    for _ in $(seq 1 40); do               # up to 10 s for a graceful stop
        ps -o pid= -g "$SERVER_PGID" >/dev/null 2>&1 || break
        sleep 0.25
    done
    kill -KILL -- "-$SERVER_PGID" 2>/dev/null || true
    wait "$SERVER_PGID" 2>/dev/null || true
    SERVER_PGID=""
}

cleanup() {
    if [[ -n $SAMPLER_PID ]]; then kill "$SAMPLER_PID" 2>/dev/null || true; fi
    stop_server
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# The command line of each candidate. Flags are the ones under comparison.
server_cmd() {
    local name=$1 port=$2
    case $name in
        granian)
            echo "$ROOT/.venv/bin/granian --interface wsgi --host $HOST --port $port" \
                "--workers $WORKERS --blocking-threads 4 --backpressure 16 --log-level warning" \
                "hearth.wsgi:application" ;;
        gunicorn-sync)
            # An empty config file so a stray ./gunicorn.conf.py cannot change the run.
            echo "$ROOT/.venv/bin/gunicorn --config $WORK/gunicorn.conf.py --bind $HOST:$port" \
                "--workers $WORKERS --worker-class sync --log-level warning hearth.wsgi:application" ;;
        gunicorn-gthread)
            echo "$ROOT/.venv/bin/gunicorn --config $WORK/gunicorn.conf.py --bind $HOST:$port" \
                "--workers $WORKERS --worker-class gthread --threads 4 --log-level warning" \
                "hearth.wsgi:application" ;;
        *) echo "servers.sh: unknown server $name" >&2; return 1 ;;
    esac
}

start_server() {
    local name=$1 port=$2 log=$3 cmd
    cmd=$(server_cmd "$name" "$port")
    : >"$WORK/gunicorn.conf.py"
    # Production-like settings; the SITE_URL host is what ALLOWED_HOSTS and
    # CSRF_TRUSTED_ORIGINS are derived from. Variables that would silently
    # change the servers' or Django's configuration are removed.
    # setsid: the server and its workers get a process group of their own,
    # so they can be measured and stopped together.
    env -u ALLOWED_HOSTS -u DATABASE_URL -u GUNICORN_CMD_ARGS -u WEB_CONCURRENCY \
        $(env | awk -F= '/^GRANIAN_/{printf "-u %s ", $1}') \
        DEBUG=false SITE_URL="http://$HOST:$port" DJANGO_SETTINGS_MODULE=hearth.settings \
        setsid $cmd >"$log" 2>&1 &
    SERVER_PGID=$!
    local pgid
    pgid=$(ps -o pgid= -p "$SERVER_PGID" | tr -d ' ')
    if [[ $pgid != "$SERVER_PGID" ]]; then
        echo "servers.sh: $name did not get its own process group" >&2; return 1
    fi
    for _ in $(seq 1 60); do                # up to ~30 s to boot
        if ! kill -0 "$SERVER_PGID" 2>/dev/null; then
            echo "servers.sh: $name exited while starting:" >&2; cat "$log" >&2; return 1
        fi
        if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://$HOST:$port/healthz") == 200 ]]; then
            return 0
        fi
        sleep 0.5
    done
    echo "servers.sh: $name did not answer /healthz in time:" >&2; cat "$log" >&2; return 1
}

# Logs in as the demo user; prints "sessionid=...; csrftoken=...".
login() {
    local base=$1 jar=$WORK/cookies token session status
    rm -f "$jar"
    curl -s -c "$jar" -b "$jar" -o /dev/null --max-time 10 "$base/login/"
    token=$(awk '$6 == "csrftoken" {print $7}' "$jar")
    status=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' --max-time 10 \
        -H "Referer: $base/login/" \
        --data-urlencode "username=$LOGIN_EMAIL" --data-urlencode "password=$LOGIN_PASSWORD" \
        --data-urlencode "csrfmiddlewaretoken=$token" "$base/login/")
    session=$(awk '$6 == "sessionid" {print $7}' "$jar")
    token=$(awk '$6 == "csrftoken" {print $7}' "$jar")
    if [[ $status != 302 || -z $session ]]; then
        echo "servers.sh: login as $LOGIN_EMAIL failed (HTTP $status)" >&2; return 1
    fi
    echo "sessionid=$session; csrftoken=$token"
}

# Ends the benchmark session so no session rows pile up in var/.
logout() {
    local base=$1 cookie=$2 token
    token=${cookie##*csrftoken=}
    curl -s -o /dev/null --max-time 10 -H "Cookie: $cookie" -H "Referer: $base/" \
        --data-urlencode "csrfmiddlewaretoken=$token" "$base/logout/" || true
}

# Every process of the server (master/main process and workers).
group_pids() { ps -o pid= -g "$SERVER_PGID" 2>/dev/null | tr -d ' '; }
worker_pids() { ps -o pid= --ppid "$SERVER_PGID" 2>/dev/null | tr -d ' ' | sort -n; }

# user+system CPU ticks of one process.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# Samples the summed RSS of the server's processes every 0.25 s until the
# stop file appears (bounded anyway), and writes the peak in MiB.
sample_rss() {
    local stop=$1 out=$2 peak=0 kb limit
    limit=$(( (${DURATION%s} + 30) * 4 ))
    for _ in $(seq 1 "$limit"); do
        kb=$(ps -o rss= -g "$SERVER_PGID" 2>/dev/null | awk '{s += $1} END {print s + 0}')
        (( kb > peak )) && peak=$kb
        [[ -e $stop ]] && break
        sleep 0.25
    done
    echo $(( peak / 1024 )) >"$out"
}

# wrk latency (e.g. 850.00us, 12.31ms, 1.02s) in milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0;
        else if (v ~ /s$/) printf "%.2f", v * 1000; else printf "?" }'
}

# The page must answer 200 (wrk counts redirects as successes); a signed-in
# page must really be signed in (it offers the logout button).
check_page() {
    local url=$1 cookie=$2 status
    local -a header=()
    [[ -n $cookie ]] && header=(-H "Cookie: $cookie")
    status=$(curl -s -o "$WORK/page.html" -w '%{http_code}' --max-time 10 "${header[@]}" "$url")
    if [[ $status != 200 ]]; then
        echo "servers.sh: $url answered $status, not 200" >&2; return 1
    fi
    if [[ -n $cookie ]] && ! grep -q 'action="/logout/"' "$WORK/page.html"; then
        echo "servers.sh: $url is not the signed-in page" >&2; return 1
    fi
}

run_page() {
    local name=$1 page=$2 url=$3 cookie=$4 raw=$WORK/wrk.out
    local -a header=()
    [[ -n $cookie ]] && header=(-H "Cookie: $cookie")
    check_page "$url" "$cookie"
    if [[ $WARMUP != 0s ]]; then
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${header[@]}" "$url" >/dev/null
    fi

    local -A before=()
    local pid
    for pid in $(worker_pids); do before[$pid]=$(cpu_ticks "$pid"); done
    rm -f "$WORK/stop"
    sample_rss "$WORK/stop" "$WORK/rss" &
    SAMPLER_PID=$!
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${header[@]}" "$url" >"$raw"
    touch "$WORK/stop"
    wait "$SAMPLER_PID" || true
    SAMPLER_PID=""
    cat "$raw" >>"$WORK/$name.wrk.txt"

    # Share of the workers' CPU time each worker used: shows whether the
    # connections were spread over both workers or stuck to one.
    local split="" total=0 d
    local -a deltas=()
    for pid in $(worker_pids); do
        d=$(( $(cpu_ticks "$pid") - ${before[$pid]:-0} ))
        deltas+=("$d"); total=$(( total + d ))
    done
    for d in "${deltas[@]}"; do
        split+="${split:+/}$(( total > 0 ? (100 * d + total / 2) / total : 0 ))"
    done

    local rps p50 p99 non2xx sockerr
    rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$raw")
    p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$raw")")
    p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$raw")")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$raw")
    sockerr=$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$raw")
    printf '| %-16s | %-18s | %8s | %8s | %8s | %6s | %6s | %8s | %-7s |\n' \
        "$name" "$page" "$rps" "$p50" "$p99" "${non2xx:-0}" "${sockerr:-0}" "$(cat "$WORK/rss")" "$split"
}

echo "# collectstatic (DEBUG=false serves the hashed manifest)" >&2
DEBUG=false "$PY" manage.py collectstatic --no-input -v0

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) CPUs; wrk -t$THREADS -c$CONNECTIONS -d$DURATION (warm-up $WARMUP); $WORKERS workers; SQLite; DEBUG=false" >&2
echo "# granian $("$ROOT/.venv/bin/granian" --version 2>&1 | awk '{print $NF}'), gunicorn $("$ROOT/.venv/bin/gunicorn" --version 2>&1 | awk '{print $NF}' | tr -d ')'), $("$PY" -c 'import django, sys; print("Django", django.get_version(), "Python", sys.version.split()[0])')" >&2
echo
printf '| %-16s | %-18s | %8s | %8s | %8s | %6s | %6s | %8s | %-7s |\n' \
    server page "req/s" "p50 ms" "p99 ms" non2xx sockerr "RSS MiB" "cpu w%"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' \
    "$(printf -- '-%.0s' {1..18})" "$(printf -- '-%.0s' {1..20})" "$(printf -- '-%.0s' {1..9})-:" \
    "$(printf -- '-%.0s' {1..9})-:" "$(printf -- '-%.0s' {1..9})-:" "$(printf -- '-%.0s' {1..7})-:" \
    "$(printf -- '-%.0s' {1..7})-:" "$(printf -- '-%.0s' {1..9})-:" "$(printf -- '-%.0s' {1..9})"

for name in $SERVERS; do
    port=$(free_port)
    base="http://$HOST:$port"
    start_server "$name" "$port" "$WORK/$name.log"
    cookie=$(login "$base")
    run_page "$name" "/healthz" "$base/healthz" ""
    run_page "$name" "/help/?country=GB" "$base/help/?country=GB" ""
    run_page "$name" "/ (alice)" "$base/" "$cookie"
    logout "$base" "$cookie"
    stop_server
    if grep -qiE 'error|traceback|exception' "$WORK/$name.log"; then
        echo "# $name logged errors:" >&2; tail -n 20 "$WORK/$name.log" >&2
    fi
done
