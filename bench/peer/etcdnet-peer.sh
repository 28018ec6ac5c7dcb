#!/usr/bin/env bash
# The C# peer for ../shared/peers/run-bench.sh (next to the repository): runs the Release build of the etcdnet CLI in its
# peer-compatible mode. Use it as PEER_CMD_csharp="<repo>/bench/peer/etcdnet-peer.sh".
# The flags go after "--" so that the command-line parser passes them through untouched.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
DLL=$REPO/src/EtcdNet.Cli/bin/Release/net10.0/EtcdNet.Cli.dll
if [ ! -f "$DLL" ]; then
  echo "missing $DLL; build first: dotnet build $REPO/src/EtcdNet.Cli -c Release" >&2
  exit 1
fi
exec dotnet "$DLL" bench peer -- "$@"
