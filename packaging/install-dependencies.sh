#!/usr/bin/env bash
# Installs what fsdirector needs on Debian 12, as root. With --tests it also installs and
# starts what the test suite uses. Packages already present are left alone.
set -euo pipefail

build_packages=(
    cmake ninja-build g++ pkgconf
    qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools libqt6sql6-sqlite libqt6sql6-psql libsqlite3-dev libgl-dev
    node-llhttp
)
# postgresql: the server that the PostgreSQL runs of the storage tests use (.ci/start-postgres.sh).
test_packages=(curl openssl chromium xauth xvfb postgresql)

packages=("${build_packages[@]}")
if [[ "${1:-}" == "--tests" ]]; then
    packages+=("${test_packages[@]}")
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done

if (( ${#missing[@]} > 0 )); then
    echo "Installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
