#!/usr/bin/env bash
# Without arguments: the quick start (./scripts/quickstart.sh), a tour of the etcdnet CLI on a local
# 3-member etcd cluster. With endpoints (e.g. http://127.0.0.1:2379): the C# quick-start sample
# (samples/EtcdNet.Samples.QuickStart) against an etcd you already run.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  exec ./scripts/quickstart.sh
fi
./scripts/prerequisites.sh
dotnet run -c Release --project samples/EtcdNet.Samples.QuickStart -- "$@"
