#!/usr/bin/env bash
# Runs the sip_auth wrk benchmark against bench_xmlcurl and against nginx serving one saved
# answer as a static file, with the same wrk command, and prints both results. Everything
# listens on 127.0.0.1. Needs wrk, nginx and curl, and a database written by
# "bench_xmlcurl populate".
#
#   bench/xmlcurl/compare_nginx.sh BUILD_DIR DATABASE [SECONDS]
set -euo pipefail

build_dir=$1
database=$2
seconds=${3:-30}
script_dir=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
fsd_port=18181
nginx_port=18182
trap 'kill "${fsd_pid:-}" "${nginx_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

QT_LOGGING_RULES="*.info=false" "$build_dir/bench/xmlcurl/bench_xmlcurl" serve "$database" \
    "$fsd_port" $((2 * seconds + 30)) > "$work/serve.log" 2>&1 &
fsd_pid=$!
sleep 2

# One saved sip_auth answer, served by nginx for every POST to the same path.
mkdir -p "$work/www/freeswitch" "$work/temp"
curl --silent --show-error --data-binary \
    "hostname=bench&section=directory&tag_name=domain&key_name=name&key_value=d1.bench&action=sip_auth&key=id&user=100042&domain=d1.bench&" \
    "http://127.0.0.1:$fsd_port/freeswitch/directory" > "$work/www/freeswitch/directory"
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
        location = /freeswitch/directory {
            root $work/www;
            default_type text/xml;
            # nginx rejects POST to a static file with 405; this serves the file instead.
            error_page 405 =200 \$uri;
        }
    }
}
CONF
nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
sleep 1

echo "== fsdirector ($(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg))"
wrk -t2 -c32 -d"${seconds}s" --latency -s "$script_dir/sip_auth.lua" "http://127.0.0.1:$fsd_port"
echo "== nginx, one saved answer ($(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg))"
wrk -t2 -c32 -d"${seconds}s" --latency -s "$script_dir/sip_auth.lua" "http://127.0.0.1:$nginx_port"
