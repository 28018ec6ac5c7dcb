#!/usr/bin/env bash
# Runs every test project (unit tests, and integration tests against real etcd processes that
# the tests start themselves), etcd's own etcdctl test suite against the etcdnet CLI and the package check
# (scripts/package-check.sh), then prints one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

./scripts/prerequisites.sh --tests || { echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
# -m:1 runs the test projects one after another: on a small machine the real-etcd suites would
# otherwise compete for the same cores.
# A test that runs for 10 minutes is taken as hung: its host is stopped and the test counted as failed.
dotnet test EtcdNet.slnx -c Release --tl:off -m:1 --blame-hang-timeout 10m --blame-hang-dump-type none 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test project ends with a summary such as "Passed!  - Failed: 0, Passed: 609, Skipped: 0, ...".
summary='(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+'
passed=$(grep -E "$summary" "$log" | sed -E 's/.*Passed: +([0-9]+).*/\1/' | awk '{s+=$1} END {print s+0}')
failed=$(grep -E "$summary" "$log" | sed -E 's/.*Failed: +([0-9]+),.*/\1/' | awk '{s+=$1} END {print s+0}')
# The failed tests with the first lines of their messages, repeated at the end where a short tail shows them.
failures=$(grep -E -A4 '^ +Failed [A-Za-z_][A-Za-z0-9_.]+' "$log" | cut -c1-300)
rm -f "$log"

# A build failure or a crashed test host leaves no summary: count it as a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

# Runs a script whose last line is "N passed, N failed" and adds its counts; no such line counts as one failure.
add_suite() {
  local suite_log suite
  suite_log=$(mktemp)
  "$@" 2>&1 | tee "$suite_log"
  suite=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$suite_log" | tail -1)
  rm -f "$suite_log"
  if [ -z "$suite" ]; then
    suite="0 passed, 1 failed"
  fi
  passed=$((passed + $(echo "$suite" | awk '{print $1}')))
  failed=$((failed + $(echo "$suite" | awk '{print $3}')))
}

# etcd's own etcdctl end-to-end tests with etcdnet standing in for etcdctl (docs/cli.md); its last line is
# "N passed, N failed" too. ETCDNET_SKIP_ETCDCTL_SUITE=1 leaves it out.
if [ "${ETCDNET_SKIP_ETCDCTL_SUITE:-0}" != 1 ]; then
  add_suite ./scripts/etcdctl-suite.sh
fi

# The packages as a user meets them: packed into a folder, consumed by a new project outside the repository, and the
# CLI installed as a .NET tool (scripts/package-check.sh). ETCDNET_SKIP_PACKAGE_CHECK=1 leaves it out.
if [ "${ETCDNET_SKIP_PACKAGE_CHECK:-0}" != 1 ]; then
  add_suite ./scripts/package-check.sh
fi

if [ -n "$failures" ]; then
  echo "Failed tests:"
  echo "$failures"
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
