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
QUIET_MAX=${QUIET_MAX:-10}  # busy % of the machine tolerated before a server starts...
QUIET_WAIT=${QUIET_WAIT:-120}   # ...and how many seconds to wait for that
OTHERS_MAX=5                # other work (% of machine) above which a row is flagged
DISTURBED=()
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
SESSION_BASE=""     # set while the benchmark is logged in, so an interrupted
SESSION_COOKIE=""   # run still logs out

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
    if [[ -n $SESSION_COOKIE && -n $SERVER_PGID ]]; then logout "$SESSION_BASE" "$SESSION_COOKIE"; fi
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
    local pgid=""
    for _ in $(seq 1 50); do                # setsid runs a moment after the fork
        pgid=$(ps -o pgid= -p "$SERVER_PGID" | tr -d ' ')
        [[ $pgid == "$SERVER_PGID" ]] && break
        sleep 0.1
    done
    if [[ $pgid != "$SERVER_PGID" ]]; then
        echo "servers.sh: $name did not get its own process group" >&2
        kill "$SERVER_PGID" 2>/dev/null; SERVER_PGID=""; return 1
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
# (Fields counted after the ")" that ends the command name, which may hold spaces.)
proc_stat_fields() { local line; line=$(<"/proc/$1/stat") && echo "${line##*) }"; }
cpu_ticks() { proc_stat_fields "$1" 2>/dev/null | awk '{print $12 + $13}' || echo 0; }

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

# Busy and total CPU ticks of the whole machine (all CPUs), from /proc/stat.
machine_ticks() {
    awk '$1 == "cpu" {print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat
}

# CPU ticks of this script's finished children (wrk, curl, the RSS sampler).
harness_ticks() { proc_stat_fields $$ | awk '{print $14 + $15}'; }

# Percentage of the machine's CPU that was busy over the next N seconds.
busy_percent() {
    local b0 t0 b1 t1
    read -r b0 t0 < <(machine_ticks); sleep "$1"; read -r b1 t1 < <(machine_ticks)
    echo $(( t1 > t0 ? 100 * (b1 - b0) / (t1 - t0) : 0 ))
}

# A benchmark on a busy machine measures the other work. Waits (bounded)
# for the machine to be nearly idle, and says so if it never was.
wait_for_quiet() {
    local busy
    for _ in $(seq 1 $(( QUIET_WAIT / 5 + 1 ))); do
        busy=$(busy_percent 2)
        (( busy <= QUIET_MAX )) && return 0
        echo "# machine ${busy}% busy before $1; waiting for it to settle" >&2
        sleep 3
    done
    echo "# WARNING: machine still ${busy}% busy; figures for $1 are disturbed by other work" >&2
}

# wrk latency (e.g. 850.00us, 12.31ms, 1.02s) in milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0;
        else if (v ~ /s$/) printf "%.2f", v * 1000; else printf "?" }'
}

# The page must answer 200 (wrk counts redirects as successes), and the
# cookie must really be signed in: /settings/ needs a login (an anonymous
# request is redirected to the login page).
check_page() {
    local url=$1 cookie=$2 status
    local -a header=()
    [[ -n $cookie ]] && header=(-H "Cookie: $cookie")
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "${header[@]}" "$url")
    if [[ $status != 200 ]]; then
        echo "servers.sh: $url answered $status, not 200" >&2; return 1
    fi
    if [[ -n $cookie ]]; then
        status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "${header[@]}" "${url%/*}/settings/")
        if [[ $status != 200 ]]; then
            echo "servers.sh: the benchmark's session is not signed in (/settings/ answered $status)" >&2
            return 1
        fi
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
    for pid in $(group_pids); do before[$pid]=$(cpu_ticks "$pid"); done
    local m_busy0 m_total0 m_busy1 m_total1 h0 h1
    read -r m_busy0 m_total0 < <(machine_ticks)
    h0=$(harness_ticks)
    rm -f "$WORK/stop"
    sample_rss "$WORK/stop" "$WORK/rss" &
    SAMPLER_PID=$!
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${header[@]}" "$url" >"$raw"
    touch "$WORK/stop"
    wait "$SAMPLER_PID" || true
    SAMPLER_PID=""
    read -r m_busy1 m_total1 < <(machine_ticks)
    h1=$(harness_ticks)
    { echo "## $name $page"; cat "$raw"; } >>"$WORK/wrk.txt"

    # CPU the server used (all its processes) per request, and the share of
    # it each worker took: shows whether the connections were spread over
    # both workers or stuck to one.
    local split="" workers_total=0 all_total=0 d
    local -a deltas=()
    for pid in $(group_pids); do
        all_total=$(( all_total + $(cpu_ticks "$pid") - ${before[$pid]:-0} ))
    done
    for pid in $(worker_pids); do
        d=$(( $(cpu_ticks "$pid") - ${before[$pid]:-0} ))
        deltas+=("$d"); workers_total=$(( workers_total + d ))
    done
    for d in "${deltas[@]}"; do
        split+="${split:+/}$(( workers_total > 0 ? (100 * d + workers_total / 2) / workers_total : 0 ))"
    done
    # Machine CPU used by neither the server nor this benchmark (wrk
    # included) while it ran: above a few per cent, the row is disturbed.
    local others
    others=$(( (m_busy1 - m_busy0 - all_total - (h1 - h0)) * 100 / (m_total1 - m_total0) ))
    (( others < 0 )) && others=0
    (( others > OTHERS_MAX )) && DISTURBED+=("$name $page (${others}%)")

    local rps p50 p99 non2xx sockerr requests cpu_ms
    requests=$(awk '/requests in/ {print $1}' "$raw")
    cpu_ms=$(awk -v t="$all_total" -v n="${requests:-0}" -v hz="$CLK_TCK" \
        'BEGIN { if (n > 0) printf "%.2f", t * 1000 / hz / n; else print "?" }')
    rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$raw")
    p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$raw")")
    p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$raw")")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$raw")
    sockerr=$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$raw")
    row "$name" "$page" "$rps" "$p50" "$p99" "${non2xx:-0}" "${sockerr:-0}" "$cpu_ms" "$(cat "$WORK/rss")" "$split" "$others"
}

row() { printf '| %-16s | %-17s | %6s | %6s | %6s | %6s | %7s | %6s | %7s | %-7s | %6s |\n' "$@"; }

echo "# collectstatic (DEBUG=false serves the hashed manifest)" >&2
DEBUG=false "$PY" manage.py collectstatic --no-input -v0
CLK_TCK=$(getconf CLK_TCK)

echo "$(date -u +%Y-%m-%dT%H:%MZ); $(nproc) CPUs; wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after a $WARMUP warm-up);" \
    "$WORKERS workers; SQLite; DEBUG=false;" \
    "granian $("$ROOT/.venv/bin/granian" --version 2>&1 | awk '{print $NF}')," \
    "gunicorn $("$ROOT/.venv/bin/gunicorn" --version 2>&1 | awk '{print $NF}' | tr -d ')')," \
    "$("$PY" -c 'import django, sys; print("Django", django.get_version() + ", Python", sys.version.split()[0])')"
echo
row server page "req/s" "p50 ms" "p99 ms" non2xx sockerr "cpu ms" "RSS MiB" "cpu w%" "other%"
row "$(printf -- '-%.0s' {1..16})" "$(printf -- '-%.0s' {1..17})" "-----:" "-----:" "-----:" "-----:" \
    "------:" "-----:" "------:" "-------" "-----:"

for name in $SERVERS; do
    wait_for_quiet "$name"
    port=$(free_port)
    base="http://$HOST:$port"
    start_server "$name" "$port" "$WORK/$name.log"
    cookie=$(login "$base")
    SESSION_BASE=$base SESSION_COOKIE=$cookie
    run_page "$name" "/healthz" "$base/healthz" ""
    run_page "$name" "/help/?country=GB" "$base/help/?country=GB" ""
    run_page "$name" "/ (alice)" "$base/" "$cookie"
    logout "$base" "$cookie"
    SESSION_COOKIE=""
    stop_server
    if [[ -s $WORK/$name.log ]]; then
        echo "# $name logged (last lines):" >&2; tail -n 20 "$WORK/$name.log" >&2
    fi
done
if (( ${#DISTURBED[@]} )); then
    echo
    echo "Disturbed by other work on the machine (other% > $OTHERS_MAX), rerun before trusting:"
    printf '  %s\n' "${DISTURBED[@]}"
fi
if [[ -n ${KEEP_WRK:-} ]]; then cp "$WORK/wrk.txt" "$KEEP_WRK"; echo "# raw wrk output in $KEEP_WRK" >&2; fi
