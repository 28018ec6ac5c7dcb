#!/usr/bin/env bash
# Start-up of one command, side by side: the native etcdnet, the JIT etcdnet (dotnet EtcdNet.Cli.dll) and Go's etcdctl,
# each running `put foo bar` and `get foo` against a private single-member etcd on a free loopback port.
# Prints hyperfine's table (median wall time) and the median peak resident memory of each command.
#   bench/startup/compare.sh [runs]      (default 40 runs per command, after 5 warm-up runs)
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
runs=${1:-40}
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine" >&2; exit 1; }

native=$("$repo/scripts/publish-native.sh")
dotnet build "$repo/src/EtcdNet.Cli" -c Release --tl:off -nologo -v quiet >/dev/null
jit="dotnet $repo/src/EtcdNet.Cli/bin/Release/net10.0/EtcdNet.Cli.dll"

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
peer=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
etcd --data-dir "$work/data" --listen-client-urls "http://127.0.0.1:$port" --advertise-client-urls "http://127.0.0.1:$port" \
  --listen-peer-urls "http://127.0.0.1:$peer" --initial-advertise-peer-urls "http://127.0.0.1:$peer" \
  --initial-cluster "default=http://127.0.0.1:$peer" >"$work/etcd.log" 2>&1 &
etcd_pid=$!
trap 'kill $etcd_pid 2>/dev/null; wait $etcd_pid 2>/dev/null; rm -rf "$work"' EXIT
endpoint="--endpoints=127.0.0.1:$port"
until etcdctl "$endpoint" put foo bar >/dev/null 2>&1; do sleep 0.2; done

commands=()
for op in "put foo bar" "get foo"; do
  commands+=("$native $endpoint $op" "etcdctl $endpoint $op" "$jit $endpoint $op")
done
hyperfine -N -w 5 -r "$runs" --export-json "$work/times.json" "${commands[@]}" >/dev/null 2>&1

echo "| command | median wall (ms) | mean ± σ (ms) | median peak RSS (MiB) |"
echo "|---|---:|---:|---:|"
python3 - "$work/times.json" <<'PY' | while IFS=$'\t' read -r label median mean; do
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f'{r["command"]}\t{r["median"]*1000:.1f}\t{r["mean"]*1000:.1f} ± {r["stddev"]*1000:.1f}')
PY
  rss=$(for _ in $(seq 1 15); do /usr/bin/time -f %M $label 2>&1 >/dev/null | tail -1; done | sort -n | sed -n 8p)
  shown=${label//$repo\//}
  shown=${shown//$endpoint /}
  printf '| `%s` | %s | %s | %.1f |\n' "$shown" "$median" "$mean" "$(echo "$rss / 1024" | bc -l)"
done
