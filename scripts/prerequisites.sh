#!/usr/bin/env bash
# Installs what EtcdNet needs to build, test and run its samples, when it is missing:
# etcd and etcdctl (Debian packages etcd-server, etcd-client); with --tests also Go and etcd's Go sources
# (golang-go, golang-etcd-server-dev), which the interop tests with Go's client build on. The .NET 10 SDK must be
# present.
set -euo pipefail

missing=()
command -v etcd >/dev/null 2>&1 || [ -n "${ETCD_BINARY:-}" ] || missing+=(etcd-server)
command -v etcdctl >/dev/null 2>&1 || missing+=(etcd-client)
if [ "${1:-}" = --tests ]; then
  command -v go >/dev/null 2>&1 || missing+=(golang-go)
  [ -d /usr/share/gocode/src/go.etcd.io/etcd/clientv3 ] || missing+=(golang-etcd-server-dev)
  command -v unzip >/dev/null 2>&1 || missing+=(unzip)   # scripts/package-check.sh
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
fi

"$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" ${missing[@]+"${missing[@]}"}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi
