#!/usr/bin/env bash
# The C# peer over etcd's HTTP/JSON gateway: etcdnet-peer.sh with EtcdClientOptions.Protocol = JsonGateway.
# Use it as PEERS="go csharp gateway" PEER_CMD_gateway="<repo>/bench/peer/etcdnet-gateway-peer.sh".
set -euo pipefail
ETCDNET_PROTOCOL=gateway exec "$(dirname "$0")/etcdnet-peer.sh" "$@"
