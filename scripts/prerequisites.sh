#!/usr/bin/env bash
# Installs what EtcdNet needs to build, test and run its samples, when it is missing:
# etcd and etcdctl (Debian packages etcd-server, etcd-client). The .NET 10 SDK must be present.
set -euo pipefail

missing=()
command -v etcd >/dev/null 2>&1 || [ -n "${ETCD_BINARY:-}" ] || missing+=(etcd-server)
command -v etcdctl >/dev/null 2>&1 || missing+=(etcd-client)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} with apt-get ..." >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi
