#!/usr/bin/env bash
# Installs what EtcdNet needs to build, test and run its samples, when it is missing:
# etcd and etcdctl (Debian packages etcd-server, etcd-client). The .NET 10 SDK must be present.
set -euo pipefail

missing=()
command -v etcd >/dev/null 2>&1 || [ -n "${ETCD_BINARY:-}" ] || missing+=(etcd-server)
command -v etcdctl >/dev/null 2>&1 || missing+=(etcd-client)

"$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" ${missing[@]+"${missing[@]}"}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi
