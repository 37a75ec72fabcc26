#!/usr/bin/env python3
"""Reads one fault run of scripts/net-faults and prints its table rows (to stdout) and its check
line (to the file CHECKS): PASS or FAIL with the reason.

    net-faults-report.py FAULT LOAD-REPORT.json SERVED LOAD-EXIT-STATUS LOAD-STDERR CHECKS SECONDS

SERVED has lines "MARK REPLICA COUNT" (COUNT: Analyze calls the replica answered OK so far, or
"down"), for MARK start, before, during, after; a replica that restarted counts from zero again.
SECONDS is how long the load run was asked to last.
"""
import json
import sys

fault, report_path, served_path, status, err_path, checks_path, seconds = sys.argv[1:8]
marks = ["start", "before", "during", "after"]
replicas = (1, 2, 3, 4)


def check(line):
    with open(checks_path, "a") as out:
        out.write(line + "\n")


try:
    report = json.load(open(report_path))
except (OSError, ValueError):
    print(f"| {fault} | load run failed (exit {status}) | | | | | |")
    check(f"FAIL {fault}: the load run gave no report (exit {status}): {open(err_path).read()[-400:]!r}")
    sys.exit(0)

served = {}
for line in open(served_path):
    mark, replica, count = line.split()
    served.setdefault(mark, {})[int(replica)] = None if count == "down" else float(count)


def delta(index, replica):
    """Calls replica answered in phase index (between marks index and index + 1)."""
    before, after = served[marks[index]][replica], served[marks[index + 1]][replica]
    if after is None:
        return 0
    if before is None or after < before:  # restarted during the phase
        return int(after)
    return int(after - before)


for index, phase in enumerate(report["phases"]):
    errors = ", ".join(f"{code} {count}" for code, count in sorted(phase["errors"].items())) or "0"
    by_replica = " / ".join(str(delta(index, n)) for n in replicas)
    print(f"| {fault if index == 0 else ''} | {phase['name']} | {phase['calls']} | {errors} | "
          f"{phase['p50Micros'] / 1000:.1f} | {phase['p99Micros'] / 1000:.1f} | {by_replica} |")

after = {n: delta(2, n) for n in replicas}
problems = []
if float(report["durationSeconds"]) > float(seconds) + 6:
    problems.append(f"the run took {report['durationSeconds']} s for {seconds} s asked: calls hung")
if fault == "blackout":
    unexpected = {code: n for code, n in report["errors"].items() if code not in ("UNAVAILABLE", "DEADLINE_EXCEEDED")}
    if unexpected:
        problems.append(f"failures other than UNAVAILABLE or DEADLINE_EXCEEDED: {unexpected}")
    # (Calls that started in the blackout and failed after it count in "after": no check there.)
    if report["phases"][0]["failed"]:
        problems.append("failures before the blackout")
    for n in (1, 2, 3):
        if after[n] <= 0:
            problems.append(f"replica {n} served nothing after the blackout")
else:
    if status != "0" or report["failed"] != 0:
        problems.append(f"{report['failed']} failed calls {report['errors']} (load exit {status})")
    if fault == "dns":
        if after[4] <= 0:
            problems.append("replica 4 (added to DNS) served nothing")
        if after[3] > 0:
            problems.append(f"replica 3 (removed from DNS) still served {after[3]} calls")
    elif after[3] <= 0:
        problems.append("replica 3 served nothing after the fault")
if problems:
    check(f"FAIL {fault}: " + "; ".join(problems))
else:
    check(f"PASS {fault}: {report['calls']} calls, {report['failed']} failed {report['errors'] or ''}; "
          f"after the fault replica 3 served {after[3]}, replica 4 {after[4]}")
