#!/usr/bin/env bash
# Runs etcd's own etcdctl end-to-end tests (tests/e2e/ctl_v3_*_test.go, shipped in golang-etcd-server-dev) with
# etcdnet standing in for etcdctl: each TestCtlV3* test on its own, through the pseudo-terminal the suite drives.
#
#   scripts/etcdctl-suite.sh            etcdnet only, compared with the etcdctl column recorded in
#                                       tests/etcdctl-suite/etcdctl.tsv (what CI runs)
#   scripts/etcdctl-suite.sh --full     both columns in the same run; records the etcdctl column and writes the
#                                       table into docs/cli.md
#   --run REGEX   only the tests whose name matches      --jobs N   tests at a time (default 2)
#
# Each test runs in a network namespace of its own when the machine allows one (the suite's clusters use fixed
# ports), so two can run at once; otherwise one at a time. A test fails the run when it passes with etcdctl and
# fails with etcdnet, unless docs/cli.md lists it with its reason. Logs: artifacts/etcdctl-suite/logs/.
# Ends with the line "N passed, N failed" (etcdnet's results; listed differences are not counted).
set -uo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
e2e_src=/usr/share/gocode/src/go.etcd.io/etcd/tests/e2e
fixtures=/usr/share/gocode/src/go.etcd.io/etcd/integration/fixtures
out="$repo/artifacts/etcdctl-suite"
recorded="$repo/tests/etcdctl-suite/etcdctl.tsv"
docs="$repo/docs/cli.md"

if [ "${1:-}" = "--one" ]; then
  # Internal: run one test for one column; prints "name<TAB>column<TAB>PASS|FAIL|SKIP<TAB>seconds".
  column=$2 name=$3 isolate=$4
  # The JWT configurations name key files relative to tests/e2e in etcd's tree: run from such a directory.
  work="$out/work/$column/$name"
  log="$out/logs/$column/$name.log"
  rm -rf "$work" && mkdir -p "$work/tests/e2e" "$work/integration" "$(dirname "$log")"
  ln -s "$fixtures" "$work/integration/fixtures"
  cd "$work/tests/e2e" || exit 1
  run=("$out/e2e.test" -test.run "^${name}\$" -test.v -test.timeout 10m -bin-dir "$out/bin-$column" -cert-dir "$fixtures")
  # A test that fails is run once more, and the table says so: the suite's own check for leaked goroutines at the
  # end sometimes still finds the reader of a pseudo-terminal whose process has already exited.
  for attempt in 1 2; do
    start=$(date +%s.%N)
    if [ "$isolate" = yes ]; then
      unshare -n sh -c 'ip link set lo up && exec "$@"' sh "${run[@]}" >"$log.$attempt" 2>&1
    else
      "${run[@]}" >"$log.$attempt" 2>&1
    fi
    status=$?
    seconds=$(echo "$(date +%s.%N) - $start" | bc)
    result=FAIL
    if [ "$status" -eq 0 ] && grep -q -- "--- SKIP: $name " "$log.$attempt"; then
      result=SKIP
    elif [ "$status" -eq 0 ] && grep -q -- "--- PASS: $name " "$log.$attempt"; then
      result=PASS
    fi
    [ "$result" = FAIL ] || break
  done
  cat "$log".* >"$log" && rm -f "$log".*
  [ "$attempt" -eq 2 ] && result="$result (2nd run)"
  cd "$out" && rm -rf "$work"
  printf '%s\t%s\t%s\t%.1f\n' "$name" "$column" "$result" "$seconds"
  exit 0
fi

full=no jobs=2 filter='^TestCtlV3'
while [ $# -gt 0 ]; do
  case "$1" in
    --full) full=yes ;;
    --jobs) jobs=$2; shift ;;
    --run) filter=$2; shift ;;
    *) echo "usage: $0 [--full] [--jobs N] [--run REGEX]" >&2; exit 2 ;;
  esac
  shift
done

install_missing() {
  local missing=()
  command -v etcd >/dev/null 2>&1 || missing+=(etcd-server)
  command -v etcdctl >/dev/null 2>&1 || missing+=(etcd-client)
  command -v go >/dev/null 2>&1 || missing+=(golang-go)
  command -v bc >/dev/null 2>&1 || missing+=(bc)
  [ -d "$e2e_src" ] || missing+=(golang-etcd-server-dev)
  "$repo/scripts/apt-install.sh" ${missing[@]+"${missing[@]}"}
}

install_missing || { echo "0 passed, 1 failed"; exit 1; }
mkdir -p "$out"
rm -rf "$out/logs" "$out/work"

# The suite, built in GOPATH mode from the packaged sources: nothing is downloaded.
if [ ! -x "$out/e2e.test" ]; then
  echo "Building etcd's e2e tests ..." >&2
  (cd "$e2e_src" && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$out/gocache" GOPROXY=off \
    go test -c -o "$out/e2e.test" .) || { echo "0 passed, 1 failed"; exit 1; }
fi

etcdnet=$("$repo/scripts/publish-native.sh") || { echo "0 passed, 1 failed"; exit 1; }
mkdir -p "$out/bin-etcdctl" "$out/bin-etcdnet"
ln -sf "$(command -v etcd)" "$out/bin-etcdctl/etcd"
ln -sf "$(command -v etcdctl)" "$out/bin-etcdctl/etcdctl"
ln -sf "$(command -v etcd)" "$out/bin-etcdnet/etcd"
ln -sf "$etcdnet" "$out/bin-etcdnet/etcdctl"

isolate=no
if unshare -n sh -c 'ip link set lo up' 2>/dev/null; then
  isolate=yes
else
  jobs=1
fi

columns=(etcdnet)
[ "$full" = yes ] && columns=(etcdctl etcdnet)
mapfile -t tests < <("$out/e2e.test" -test.list "$filter" | grep '^Test')
echo "Running ${#tests[@]} tests x ${#columns[@]} column(s), $jobs at a time (network namespaces: $isolate) ..." >&2

results="$out/results.tsv"
for name in "${tests[@]}"; do
  for column in "${columns[@]}"; do
    printf '%s %s\n' "$column" "$name"
  done
done | xargs -P "$jobs" -n 2 sh -c '"$0" --one "$1" "$2" '"$isolate" "$0" | tee "$results.raw" |
  awk -F'\t' '{ printf "  %-48s %-8s %s %ss\n", $1, $2, $3, $4; fflush() }' >&2

# The etcdctl column: from this run (--full) or as recorded.
if [ "$full" = yes ]; then
  mkdir -p "$(dirname "$recorded")"
  awk -F'\t' '$2 == "etcdctl" { print $1 "\t" $3 "\t" $4 }' "$results.raw" | sort >"$recorded.new"
  if [ "$filter" = '^TestCtlV3' ]; then
    mv "$recorded.new" "$recorded"
  else
    touch "$recorded"
    awk -F'\t' '!seen[$1]++' "$recorded.new" "$recorded" | sort >"$recorded.tmp"
    mv "$recorded.tmp" "$recorded"
    rm -f "$recorded.new"
  fi
fi

# Tests docs/cli.md lists as known differences: the first column of its table between the markers.
known=$(sed -n '/<!-- etcdctl-suite-differences:start -->/,/<!-- etcdctl-suite-differences:end -->/p' "$docs" |
  grep -oE '^\| `?Test[A-Za-z0-9]+' | tr -d '|` ')

table="$out/table.md"
awk -F'\t' -v known="$known" '
  BEGIN { n = split(known, k, "\n"); for (i = 1; i <= n; i++) listed[k[i]] = 1 }
  FNR == NR { ctl[$1] = $2; ctls[$1] = $3; next }
  $2 == "etcdnet" { net[$1] = $3; nets[$1] = $4; order[++count] = $1 }
  END {
    print "| test | etcdctl | s | etcdnet | s |"
    print "|---|---|---:|---|---:|"
    for (i = 1; i <= count; i++) {
      t = order[i]; c = (t in ctl) ? ctl[t] : "?"
      mark = (c ~ /^PASS/ && net[t] !~ /^PASS/) ? (listed[t] ? " (listed)" : " **unexpected**") : ""
      printf "| %s | %s | %s | %s%s | %s |\n", t, c, (t in ctls) ? ctls[t] : "", net[t], mark, nets[t]
      if (c ~ /^PASS/) { ctlpass++; if (net[t] ~ /^PASS/) both++ }
      if (net[t] ~ /^PASS/) netpass++
      if (c ~ /^PASS/ && net[t] !~ /^PASS/ && !listed[t]) unexpected++
      if (c ~ /^PASS/ && net[t] !~ /^PASS/ && listed[t]) listedfail++
    }
    printf "\n%d tests: %d pass with etcdctl, %d pass with etcdnet; %d of the etcdctl passes also pass with etcdnet; %d listed differences, %d unexpected failures.\n", count, ctlpass, netpass, both, listedfail, unexpected + 0
    printf "%d %d\n", both, unexpected + 0 > "/dev/stderr"
  }' "$recorded" "$results.raw" >"$table" 2>"$out/counts"
mv "$results.raw" "$results"
cat "$table"

if [ "$full" = yes ] && [ "$filter" = '^TestCtlV3' ]; then
  # The table in docs/cli.md, between its markers.
  awk -v table="$table" '
    /<!-- etcdctl-suite-table:start -->/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
    /<!-- etcdctl-suite-table:end -->/ { skip = 0 }
    !skip' "$docs" >"$docs.tmp" && mv "$docs.tmp" "$docs"
fi

read -r both unexpected <"$out/counts"
echo "$both passed, $unexpected failed"
[ "$unexpected" -eq 0 ]
