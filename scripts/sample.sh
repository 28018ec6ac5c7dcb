#!/usr/bin/env bash
# Installs what is missing, then runs the quick-start sample: it starts a local etcd cluster
# (real etcd processes on free loopback ports), runs the EtcdNet examples against it, and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/prerequisites.sh
dotnet run -c Release --project samples/EtcdNet.Samples.QuickStart -- "$@"
