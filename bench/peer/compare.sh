#!/usr/bin/env bash
# Side-by-side comparison of EtcdNet with Go's clientv3 and with dotnet-etcd on one private etcd.
#
#   bench/peer/compare.sh <output-dir>
#
# Builds the peers that are missing (the Go peer with golang-go and golang-etcd-server-dev from apt, the dotnet-etcd
# peer from NuGet, the etcdnet CLI in Release), starts the peers' private etcd on 127.0.0.1:23790, and runs every
# combination of op (put, range-l, range-s) and requesters (1, 16, 64) for every peer, interleaved (each combination:
# every peer in turn), REPS times with the peer order reversed on every other repetition. Leaves rep<N>.jsonl,
# results.md (every run), ratios.md (per combination: the median ratio EtcdNet/Go and EtcdNet/dotnet-etcd with
# the lowest and highest) and run.log in <output-dir>.
#
# The peers' programs come from ../shared/peers next to the repository (PEERS_DIR overrides it).
# Knobs: REPS [3], WARMUP [5s], DURATION [10s], OPS, CLIENTS, CONNS, KEYSPACE, PEERS ["go csharp dnetcd"; add
# "gateway" for EtcdNet over the JSON gateway],
# CLIENT_TASKSET, ETCD_TASKSET, DATA_BASE (DATA_BASE=/dev/shm/peers keeps etcd's data on tmpfs: no disk wait).
set -euo pipefail
if [ $# -ne 1 ]; then echo "usage: $0 <output-dir>" >&2; exit 2; fi
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
PEERS_DIR=$(cd "${PEERS_DIR:-$REPO/../shared/peers}" && pwd)
OUTDIR=$(mkdir -p "$1" && cd "$1" && pwd)
REPS=${REPS:-3}
# The .NET peers tier their hot code up during the first seconds; a 5 s warmup keeps that out of the window.
export WARMUP=${WARMUP:-5s} DURATION=${DURATION:-10s}
export OPS=${OPS:-put range-l range-s} CLIENTS=${CLIENTS:-1 16 64} CONNS=${CONNS:-1}
PEERS=${PEERS:-go csharp dnetcd}
export PEER_CMD_csharp=${PEER_CMD_csharp:-$HERE/etcdnet-peer.sh}
export PEER_CMD_gateway=${PEER_CMD_gateway:-$HERE/etcdnet-gateway-peer.sh}
export PEER_CMD_dnetcd=${PEER_CMD_dnetcd:-dotnet /tmp/peers/dotnet-etcd/DnEtcdLoad.dll}

# 1. The peers.
if [[ " $PEERS " == *" go "* ]] && [ ! -x /tmp/peers/bin/etcdload-go ]; then
  if ! command -v go >/dev/null || [ ! -d /usr/share/gocode/src/go.etcd.io/etcd/clientv3 ]; then
    "$REPO/scripts/apt-install.sh" golang-go golang-etcd-server-dev
  fi
  "$PEERS_DIR/build-go.sh"
fi
if [[ " $PEERS " == *" dnetcd "* ]] && [ ! -f /tmp/peers/dotnet-etcd/DnEtcdLoad.dll ]; then
  "$PEERS_DIR/dotnet-etcd/build.sh"
fi
dotnet build "$REPO/src/EtcdNet.Cli" -c Release --tl:off -nologo -v q

# 2. A private etcd, stopped on exit if this script started it.
# shellcheck source=../private-etcd.sh
source "$HERE/../private-etcd.sh"

# 3. The repetitions, each interleaved per combination; the peer order is reversed on every other one, and only the
#    first fills the keyspace.
: >"$OUTDIR/run.log"
reversed=$(echo "$PEERS" | tr ' ' '\n' | tac | tr '\n' ' ')
for ((rep = 1; rep <= REPS; rep++)); do
  order=$PEERS
  if ((rep % 2 == 0)); then order=$reversed; fi
  echo "# repetition $rep of $REPS, peers: $order" | tee -a "$OUTDIR/run.log"
  PEERS="$order" PREFILL=$((rep == 1 ? 1 : 0)) OUT="$OUTDIR/rep$rep.jsonl" \
    "$PEERS_DIR/run-bench.sh" 2>&1 | tee -a "$OUTDIR/run.log"
done

cat "$OUTDIR"/rep*.jsonl >"$OUTDIR/all.jsonl"
node "$PEERS_DIR/summarize.js" "$OUTDIR/all.jsonl" >"$OUTDIR/results.md"
python3 "$HERE/ratios.py" "$OUTDIR"/rep*.jsonl >"$OUTDIR/ratios.md"
cat "$OUTDIR/ratios.md"
echo "# results: $OUTDIR/results.md and $OUTDIR/ratios.md"
