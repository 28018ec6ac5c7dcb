#!/usr/bin/env python3
"""Per combination (op, requesters): the median, lowest and highest ratio of EtcdNet's ops/s to Go's and to
dotnet-etcd's, one ratio per repetition (each file is one repetition of run-bench.sh), and EtcdNet's CPU per
operation against Go's. A peer named "gateway" (EtcdNet over etcd's JSON gateway) gets a column of its own.
Usage: ratios.py rep1.jsonl rep2.jsonl ..."""
import json
import statistics
import sys

OURS, OTHERS = "csharp", [("go", "Go"), ("dnetcd", "dotnet-etcd")]


def load(path):
    runs = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                r = json.loads(line)
                runs[(r["op"], r["clients"], r.get("peer_name", r["peer"]))] = r
    return runs


def spread(values):
    if not values:
        return "n/a"
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


reps = [load(p) for p in sys.argv[1:]]
if any(peer == "gateway" for rep in reps for (_, _, peer) in rep):
    OTHERS = OTHERS + [("gateway", "EtcdNet gateway")]
combos = sorted({(op, c) for rep in reps for (op, c, _) in rep}, key=lambda k: (["put", "range-l", "range-s"].index(k[0]) if k[0] in ["put", "range-l", "range-s"] else 9, k[1]))
print(f"{len(reps)} repetitions; each cell: median (lowest–highest) of the per-repetition ratios.\n")
header = "| op | requesters | EtcdNet ops/s (median) | " + " | ".join(f"EtcdNet/{name}" for _, name in OTHERS) + " | CPU per op, EtcdNet/Go |"
print(header)
print("|---|---:|---:|" + "---:|" * len(OTHERS) + "---:|")
for op, c in combos:
    ours = [rep[(op, c, OURS)] for rep in reps if (op, c, OURS) in rep]
    cells = []
    for key, _ in OTHERS:
        ratios = [rep[(op, c, OURS)]["ops_per_s"] / rep[(op, c, key)]["ops_per_s"] for rep in reps if (op, c, OURS) in rep and (op, c, key) in rep]
        cells.append(spread(ratios))
    cpu = [rep[(op, c, OURS)]["cpu_ms_per_op"] / rep[(op, c, "go")]["cpu_ms_per_op"] for rep in reps if (op, c, OURS) in rep and (op, c, "go") in rep]
    rate = f"{statistics.median(r['ops_per_s'] for r in ours):.0f}" if ours else "n/a"
    print(f"| {op} | {c} | {rate} | " + " | ".join(cells) + f" | {spread(cpu)} |")

peers = [OURS] + [key for key, _ in OTHERS]
names = ["EtcdNet"] + [name for _, name in OTHERS]
print("\nMedians over the repetitions:\n")
print("| op | requesters | ops/s " + " / ".join(names) + " | p50 ms | p99 ms | CPU ms/op |")
print("|---|---:|---|---|---|---|")
for op, c in combos:
    def med(field, fmt):
        cells = []
        for peer in peers:
            xs = [rep[(op, c, peer)][field] for rep in reps if (op, c, peer) in rep]
            cells.append(format(statistics.median(xs), fmt) if xs else "n/a")
        return " / ".join(cells)
    print(f"| {op} | {c} | {med('ops_per_s', '.0f')} | {med('p50_ms', '.3f')} | {med('p99_ms', '.2f')} | {med('cpu_ms_per_op', '.4f')} |")
