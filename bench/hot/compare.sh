#!/usr/bin/env bash
# The hot paths besides unary calls, EtcdNet side by side with Go's clientv3 on one private etcd:
# watch fan-out (one writer, WATCHERS watchers), LEASES leases kept alive, and the time from a new client to its first
# answered call (cold: the first client in a new process; warm: later clients in the same process).
#
#   bench/hot/compare.sh <output-dir>
#
# Builds go/hotpaths.go (GOPATH mode, golang-go and golang-etcd-server-dev from apt, nothing downloaded) and
# EtcdNet.HotPaths (Release), starts the peers' private etcd on 127.0.0.1:23790 (../shared/peers next to the
# repository; PEERS_DIR overrides it) unless one runs, and runs every mode for both programs, interleaved, REPS times
# with the order reversed on every other repetition. Leaves all.jsonl and hot.md (medians and ratios) in <output-dir>.
# Knobs: REPS [3], WATCHERS [100], TXNS [500], PUTS [100], LEASES [10000], TTL [10], LEASE_DURATION [30s],
# FIRST_CALL_PROCS [5] processes of FIRST_CALL_SAMPLES [20] clients each.
set -euo pipefail
if [ $# -ne 1 ]; then echo "usage: $0 <output-dir>" >&2; exit 2; fi
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
PEERS_DIR=$(cd "${PEERS_DIR:-$REPO/../shared/peers}" && pwd)
OUTDIR=$(mkdir -p "$1" && cd "$1" && pwd)
REPS=${REPS:-3} WATCHERS=${WATCHERS:-100} TXNS=${TXNS:-500} PUTS=${PUTS:-100}
LEASES=${LEASES:-10000} TTL=${TTL:-10} LEASE_DURATION=${LEASE_DURATION:-30s}
FIRST_CALL_PROCS=${FIRST_CALL_PROCS:-5} FIRST_CALL_SAMPLES=${FIRST_CALL_SAMPLES:-20}
ENDPOINT=127.0.0.1:23790

# 1. The two programs.
if ! command -v go >/dev/null || [ ! -d /usr/share/gocode/src/go.etcd.io/etcd/clientv3 ]; then
  "$REPO/scripts/apt-install.sh" golang-go golang-etcd-server-dev
fi
mkdir -p /tmp/peers/bin /tmp/peers/gocache
(cd "$HERE/go" && env GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE=/tmp/peers/gocache GOPROXY=off GOFLAGS= \
  go build -o /tmp/peers/bin/hotpaths-go hotpaths.go)
dotnet build "$HERE/EtcdNet.HotPaths" -c Release --tl:off -nologo -v q
declare -A CMD=(
  [go]=/tmp/peers/bin/hotpaths-go
  [etcdnet]="dotnet $HERE/EtcdNet.HotPaths/bin/Release/net10.0/EtcdNet.HotPaths.dll"
)

# 2. A private etcd, stopped on exit if this script started it.
# shellcheck source=../private-etcd.sh
source "$HERE/../private-etcd.sh"

# 3. The repetitions.
run() { # peer rep flags...
  local peer=$1 rep=$2
  shift 2
  ${CMD[$peer]} -endpoints "$ENDPOINT" "$@" | sed -n 's/^RESULT //p' |
    python3 -c 'import json,sys; [print(json.dumps({**json.loads(l), "peer_name": sys.argv[1], "rep": int(sys.argv[2])})) for l in sys.stdin if l.strip()]' "$peer" "$rep" |
    tee -a "$OUTDIR/all.jsonl"
}
: >"$OUTDIR/all.jsonl"
for ((rep = 1; rep <= REPS; rep++)); do
  order="go etcdnet"
  if ((rep % 2 == 0)); then order="etcdnet go"; fi
  echo "# repetition $rep of $REPS: $order"
  for peer in $order; do run "$peer" "$rep" -mode watch-fanout -watchers "$WATCHERS" -txns "$TXNS" -puts "$PUTS"; done
  for peer in $order; do run "$peer" "$rep" -mode leases -leases "$LEASES" -ttl "$TTL" -duration "$LEASE_DURATION"; done
  for peer in $order; do
    for ((p = 0; p < FIRST_CALL_PROCS; p++)); do run "$peer" "$rep" -mode first-call -samples "$FIRST_CALL_SAMPLES"; done
  done
done
python3 "$HERE/summarize.py" "$OUTDIR/all.jsonl" | tee "$OUTDIR/hot.md"
