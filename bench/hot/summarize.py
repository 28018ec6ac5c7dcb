#!/usr/bin/env python3
"""The medians of bench/hot/compare.sh's RESULT lines, per mode and program, and EtcdNet's ratio to Go.
Usage: summarize.py all.jsonl"""
import json
import statistics
import sys

rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
reps = sorted({r["rep"] for r in rows})
METRICS = [  # mode, field, label, better ("higher" or "lower")
    ("watch-fanout", "events_per_s", "watch fan-out: events delivered per second", "higher"),
    ("watch-fanout", "cpu_us_per_event", "watch fan-out: client CPU per delivered event (µs)", "lower"),
    ("leases", "renewals_per_s", "leases: renewals per second", "higher"),
    ("leases", "cpu_us_per_renewal", "leases: client CPU per renewal (µs)", "lower"),
    ("leases", "lost", "leases: lost", "lower"),
    ("first-call", "cold_ms", "first call, cold process (ms)", "lower"),
    ("first-call", "warm_p50_ms", "first call, warm process (ms)", "lower"),
]


def values(peer, mode, field):
    return [r[field] for r in rows if r["peer_name"] == peer and r["mode"] == mode and field in r]


def fmt(xs):
    if not xs:
        return "n/a"
    m = statistics.median(xs)
    digits = 0 if m >= 100 else 2
    return f"{m:.{digits}f} ({min(xs):.{digits}f}–{max(xs):.{digits}f})"


print(f"{len(reps)} repetitions; each cell: median (lowest–highest) over all runs.\n")
print("| measure | Go clientv3 | EtcdNet | EtcdNet/Go |")
print("|---|---:|---:|---:|")
for mode, field, label, better in METRICS:
    go, net = values("go", mode, field), values("etcdnet", mode, field)
    ratio = "n/a"
    if go and net and statistics.median(go) > 0:
        ratio = f"{statistics.median(net) / statistics.median(go):.2f}"
    print(f"| {label} ({better} is better) | {fmt(go)} | {fmt(net)} | {ratio} |")
