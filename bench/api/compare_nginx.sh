#!/usr/bin/env bash
# Runs the same wrk command against fsdirector's POST /api/v1 ("[Users] Get_user_details" for
# random users, see user_details.lua) and against nginx serving one saved reply as a static
# file, and prints both results. Everything listens on 127.0.0.1 only. Needs wrk, nginx, curl,
# sqlite3, an optimised build of fsdirector, and a database seeded by fsd_bench_directory. The
# script adds the operator "bench" to that database, or resets its password.
#
#   bench/api/compare_nginx.sh BUILD_DIR DATABASE [SECONDS] [CONNECTIONS]
set -euo pipefail

build_dir=$1
database=$2
seconds=${3:-30}
connections=${4:-32}
script_dir=$(cd "$(dirname "$0")" && pwd)
fsdirector="$build_dir/app/fsdirector"
work=$(mktemp -d)
api_port=18281
xml_curl_port=18282
nginx_port=18283
password=bench-password
trap 'kill "${fsd_pid:-}" "${nginx_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

options=(--config "$work/fsdirector.ini" --database "$database")
if ! echo "$password" | "$fsdirector" "${options[@]}" --add-operator bench --role admin > /dev/null 2>&1; then
    echo "$password" | "$fsdirector" "${options[@]}" --passwd bench > /dev/null
fi
users=$(sqlite3 "$database" "SELECT COUNT(*) FROM users")

QT_LOGGING_RULES="fsdirector.*.info=false" "$fsdirector" "${options[@]}" --headless \
    --listen "127.0.0.1:$api_port" --xml-curl-listen "127.0.0.1:$xml_curl_port" \
    > "$work/fsdirector.log" 2>&1 &
fsd_pid=$!

login='{"event":"login","data":{"login":"bench","password":"'$password'"}}'
token=
for _ in $(seq 60); do
    token=$(curl --silent --data-binary "$login" "http://127.0.0.1:$api_port/api/v1" \
        | sed -n 's/.*"token":"\([^"]*\)".*/\1/p') || true
    [ -n "$token" ] && break
    sleep 0.5
done
if [ -z "$token" ]; then
    echo "fsdirector did not start or the login failed; its log:" >&2
    cat "$work/fsdirector.log" >&2
    exit 1
fi

# One saved reply (user 1), served by nginx for every POST to the same path.
mkdir -p "$work/www/api" "$work/temp"
curl --silent --show-error \
    --data-binary '{"event":"[Users] Get_user_details","data":{"id":1,"token":"'"$token"'"}}' \
    "http://127.0.0.1:$api_port/api/v1" > "$work/www/api/v1"
chmod -R a+rX "$work"
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/temp/body;
    proxy_temp_path $work/temp/proxy;
    fastcgi_temp_path $work/temp/fastcgi;
    uwsgi_temp_path $work/temp/uwsgi;
    scgi_temp_path $work/temp/scgi;
    server {
        listen 127.0.0.1:$nginx_port;
        location = /api/v1 {
            root $work/www;
            default_type application/json;
            # nginx rejects POST to a static file with 405; this serves the file instead.
            error_page 405 =200 \$uri;
        }
    }
}
CONF
nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
sleep 1

echo "== reply of $(wc -c < "$work/www/api/v1") bytes, $users users in $database"
echo "== fsdirector ($(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg))"
BENCH_TOKEN=$token BENCH_USERS=$users \
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$script_dir/user_details.lua" \
    "http://127.0.0.1:$api_port"
echo "== nginx, one saved reply ($(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg))"
BENCH_TOKEN=$token BENCH_USERS=$users \
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$script_dir/user_details.lua" \
    "http://127.0.0.1:$nginx_port"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
