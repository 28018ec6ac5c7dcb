#!/usr/bin/env bash
# Quick start: installs what is missing (etcd, etcdctl), builds the etcdnet CLI, starts a local
# 3-member etcd cluster in the background (`etcdnet dev up`), walks through the main commands,
# printing each one before it runs, and stops the cluster again (`etcdnet dev down`).
# A step whose command this build does not have is reported as skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

./scripts/prerequisites.sh

bold=$'\033[1m' dim=$'\033[2m' off=$'\033[0m'
[ -t 1 ] || { bold="" dim="" off=""; }

work=$(mktemp -d)
background=()
cleanup() {
  for pid in "${background[@]}"; do kill "$pid" 2>/dev/null || true; done
  "$repo/scripts/etcdnet" dev down >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "Building the etcdnet CLI ..."
if ! dotnet build src/EtcdNet.Cli -c Release --tl:off -nologo -v quiet >"$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  exit 1
fi

etcdnet() { "$repo/scripts/etcdnet" "$@"; }

# A folder of its own, so a dev cluster you run yourself (in ~/.etcdnet/dev) is left alone.
export ETCDNET_DEV_DIR="$work/dev"

# Prints a command line as one would type it: arguments with spaces or quotes in double quotes.
show() {
  local line="" arg
  for arg in "$@"; do
    if [ "$arg" = "&" ]; then
      line+=" &"
      continue
    elif [[ "$arg" =~ [[:space:]\"\'\$\\\(\)\;\&\|\<\>\*\?] || -z "$arg" ]]; then
      arg="\"${arg//\"/\\\"}\""
    fi
    line+="${line:+ }$arg"
  done
  [ "$after_note" = 1 ] || echo
  after_note=0
  printf '%s$ %s%s\n' "$bold" "$line" "$off"
}

run() { show "$@"; "$@"; }
after_note=0
note() { printf '\n%s# %s%s\n' "$dim" "$*" "$off"; after_note=1; }

ran=0
skipped=()
# has WORDS...: true when this build has the (sub)command "etcdnet WORDS..." (its help names it).
has() { etcdnet "$@" --help 2>/dev/null | grep -qE "^ *etcdnet $*( |$)"; }
# step WORDS...: counts the step, or reports it skipped and returns false when the command is missing.
step() {
  if has "$@"; then
    ran=$((ran + 1))
    return 0
  fi
  printf '\n%s# skipped: this build has no "etcdnet %s" command%s\n' "$bold" "$*" "$off"
  skipped+=("$*")
  return 1
}
# wait_for FILE TEXT: waits up to 15 s until FILE contains TEXT.
wait_for() {
  for _ in $(seq 150); do
    grep -qF -- "$2" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "timed out waiting for \"$2\" in the output" >&2
  return 1
}

note "a local 3-member etcd cluster that keeps running in the background until 'etcdnet dev down'"
run etcdnet dev up --members 3 | tee "$work/up.txt"
endpoints=$(tail -n 1 "$work/up.txt" | sed -E 's/^--endpoints=([^ ]+).*/\1/')
note "every etcdnet (and etcdctl) command reads its endpoints from ETCDCTL_ENDPOINTS when --endpoints is not given"
show export ETCDCTL_ENDPOINTS="$endpoints"
export ETCDCTL_ENDPOINTS="$endpoints"
ran=$((ran + 1))

if step dev status; then run etcdnet dev status; fi

if step put; then run etcdnet put greeting "hello, etcd"; fi
if step get; then run etcdnet get greeting; fi

if step txn; then
  note "a transaction read from stdin: compares, blank line, operations if true, blank line, operations if false"
  show etcdnet txn
  txn_input=$'value("greeting") = "hello, etcd"\n\nput greeting "hello again"\n\nput greeting "someone changed it"\n\n'
  printf '%s%s%s' "$dim" "$txn_input" "$off"
  printf '%s' "$txn_input" | etcdnet txn
fi

if step watch; then
  note "put with JSON output, to learn the current revision; the watch starts right after it, so no event can be missed"
  run etcdnet put greeting "hello, watcher" -w json | tee "$work/put.json"
  revision=$(grep -oE '"revision":[0-9]+' "$work/put.json" | head -n 1 | cut -d: -f2)
  show etcdnet watch greeting --rev=$((revision + 1)) "&"
  "$repo/scripts/etcdnet" watch greeting --rev=$((revision + 1)) >"$work/watch.txt" 2>&1 &
  background+=($!)
  run etcdnet put greeting "hello from the other side"
  wait_for "$work/watch.txt" "hello from the other side"
  note "the watcher printed:"
  cat "$work/watch.txt"
  show kill %1
  kill "${background[-1]}" 2>/dev/null || true
  wait "${background[-1]}" 2>/dev/null || true
fi

if step lease grant; then
  run etcdnet lease grant 60 | tee "$work/lease.txt"
  lease=$(awk '$1 == "lease" {print $2; exit}' "$work/lease.txt")
  run etcdnet put --lease="$lease" session alive
  if step lease timetolive; then run etcdnet lease timetolive "$lease" --keys; fi
fi

if step lock; then
  note "runs the command while holding the lock, then releases it"
  run etcdnet lock demo-lock echo "this runs while holding demo-lock"
fi

if step elect; then
  note "campaigns as alice and stays leader until stopped"
  show etcdnet elect demo-election alice "&"
  "$repo/scripts/etcdnet" elect demo-election alice >"$work/elect.txt" 2>&1 &
  background+=($!)
  wait_for "$work/elect.txt" "alice"
  note "elected:"
  cat "$work/elect.txt"
  show kill %1
  kill "${background[-1]}" 2>/dev/null || true
  wait "${background[-1]}" 2>/dev/null || true
fi

if step bench put; then run etcdnet bench put --total 2000 --clients 16; fi

run etcdnet dev down
ran=$((ran + 1))

echo
if [ ${#skipped[@]} -eq 0 ]; then
  echo "Quick start done: $ran steps ran."
else
  echo "Quick start done: $ran steps ran, ${#skipped[@]} skipped (not in this build: $(IFS=,; echo "${skipped[*]}" | sed 's/,/, /g'))."
fi
