#!/usr/bin/env bash
# Runs the robustness suite for as long as asked: a seeded schedule of faults, one at a time, against a fresh
# 3-member etcd cluster behind fault proxies, while several clients run the mixed workload; then checks the recorded
# history (linearizability, watch guarantees, leases, lock fencing) and prints the summary.
#
#   ./scripts/robustness.sh [--minutes N] [--seed S] [--auth]
#
# --auth runs the cluster with auth enabled (every client logs in) and adds the token-expiry fault, so that every
# fault kind is in the schedule.
# A failing run keeps its history, the revision log and the etcd logs under artifacts/robustness/; the same seed
# replays the same schedule.
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=30
seed=$(( (RANDOM << 15) | RANDOM ))
auth=${ROBUSTNESS_AUTH:-0}
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --auth) auth=1; shift ;;
    *) echo "usage: $0 [--minutes N] [--seed S] [--auth]" >&2; exit 2 ;;
  esac
done

./scripts/prerequisites.sh
artifacts="$PWD/artifacts/robustness"
mkdir -p "$artifacts"
summary="$artifacts/summary-seed-$seed.txt"
echo "robustness run: $minutes min, seed $seed, auth $auth (summary in $summary)"
status=0
ROBUSTNESS_MINUTES="$minutes" ROBUSTNESS_SEED="$seed" ROBUSTNESS_AUTH="$auth" ROBUSTNESS_ARTIFACTS="$artifacts" ROBUSTNESS_SUMMARY="$summary" \
  dotnet test tests/EtcdNet.RobustnessTests -c Release --tl:off --filter "FullyQualifiedName~ALongRun" \
  --logger "console;verbosity=detailed" >"$artifacts/run-seed-$seed.log" 2>&1 || status=$?
if [ -f "$summary" ]; then cat "$summary"; else tail -50 "$artifacts/run-seed-$seed.log"; fi
exit $status
