#!/usr/bin/env bash
# Side-by-side comparison of the etcdnet client (C# peer) with Go's clientv3 (Go peer) on a private etcd.
#
#   bench/peer/compare.sh <output-dir>
#
# Builds the Go peer if /tmp/peers/bin/etcdload-go is missing (installs golang-go and golang-etcd-server-dev
# with apt-get when needed), builds the CLI in Release, starts the peers' private etcd on 127.0.0.1:23790,
# runs put, range-l and range-s at 1, 16 and 64 requesters for both peers, stops etcd, and leaves
# results.jsonl, results.md (markdown table) and run.log in <output-dir>.
#
# Knobs (passed on to run-bench.sh / etcd-start.sh): WARMUP [5s], DURATION [10s], OPS, CLIENTS, CONNS, KEYSPACE,
# PEERS ["go csharp"], CLIENT_TASKSET, ETCD_TASKSET, PEERS_DIR [/work/shared/peers].
set -euo pipefail
if [ $# -ne 1 ]; then echo "usage: $0 <output-dir>" >&2; exit 2; fi
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
PEERS_DIR=${PEERS_DIR:-/work/shared/peers}
OUTDIR=$(mkdir -p "$1" && cd "$1" && pwd)
# The .NET peer tiers its hot code up during the first seconds; a 5 s warmup keeps that out of the window.
export WARMUP=${WARMUP:-5s} DURATION=${DURATION:-10s}
export OPS=${OPS:-put range-l range-s} CLIENTS=${CLIENTS:-1 16 64} CONNS=${CONNS:-1}
export PEERS=${PEERS:-go csharp}
export PEER_CMD_csharp=${PEER_CMD_csharp:-$HERE/etcdnet-peer.sh}
export OUT=$OUTDIR/results.jsonl

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi

# 1. The Go peer.
if [ ! -x /tmp/peers/bin/etcdload-go ]; then
  if ! command -v go >/dev/null || [ ! -d /usr/share/gocode/src/go.etcd.io/etcd/clientv3 ]; then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y golang-go golang-etcd-server-dev
  fi
  "$PEERS_DIR/build-go.sh"
fi

# 2. The C# peer (the etcdnet CLI, Release).
dotnet build "$REPO/src/EtcdNet.Cli" -c Release --tl:off -nologo -v q

# 3. A private etcd, stopped on exit if this script started it.
mkdir -p /tmp/peers
PIDF=/tmp/peers/etcd-23790.pid
STARTED=0
if [ -f "$PIDF" ] && kill -0 "$(cat "$PIDF")" 2>/dev/null; then
  echo "# using the etcd already running (pid $(cat "$PIDF"))"
else
  "$PEERS_DIR/etcd-start.sh"
  STARTED=1
fi
cleanup() { if [ "$STARTED" = 1 ]; then "$PEERS_DIR/etcd-stop.sh"; fi; }
trap cleanup EXIT

# 4. The runs, interleaved per combination, then the table.
: >"$OUT"
"$PEERS_DIR/run-bench.sh" 2>&1 | tee "$OUTDIR/run.log"
node "$PEERS_DIR/summarize.js" "$OUT" >"$OUTDIR/results.md"
echo "# results: $OUT and $OUTDIR/results.md"
