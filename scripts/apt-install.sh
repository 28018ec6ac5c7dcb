#!/usr/bin/env bash
# Installs the given Debian packages with apt-get (through sudo when not root), quietly. Does nothing without arguments.
#
#   scripts/apt-install.sh clang zlib1g-dev
set -euo pipefail
[ $# -gt 0 ] || exit 0
echo "Installing $* with apt-get ..." >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
