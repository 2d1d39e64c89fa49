#!/usr/bin/env python3
"""The target lines of issue 7 that the table of figures.py does not show, one sub-command per figure.

  verdicts.py first-run RUN_DIR START_EPOCH             process start to the first /run request (target < 3 s),
                                                       where it went, step lengths, round trips
  verdicts.py burst RUN_DIR LIMIT WINDOW_S              sustained and peak /run rate against the limit, 429s
  verdicts.py memory LABEL TIME_V GC_LOG                peak RSS and peak heap of one run, for the flatness check
  verdicts.py lost RUN_DIR HEALTH_JSON EXPECTED         rows by status, EXPIRED ones, the endpoint's own count
  verdicts.py waiting RUN_DIR PID SENT SETTLE_S WINDOW_S
      waits until the run has SENT jobs acknowledged, lets it settle, then samples the process's CPU over the window

Request times come from the run's run.log: each request's DEBUG line is written when its answer arrived, on this
machine's clock, with its round trip ("-> 200 in 7 ms"), so the request left at the line's time minus the round
trip. jobs.csv times are on the endpoint's clock and are converted back with the time scale, as in figures.py.
"""
import csv
import json
import os
import re
import sys
import time

from figures import epoch, nearest_rank, peak_heap_mb, time_v

REQUEST = re.compile(r"^(\S+Z) \d+ DEBUG \[[^\]]*\] io\.sdxlbatch\.runpod\.RunpodTransport: "
                     r"(GET|POST) \S+/(run|status|health|cancel|retry|purge-queue)\S* -> "
                     r"(?:(\d+) in|no answer after) (\d+) ms")


def requests(run_dir):
    """(sent at, operation, HTTP status or None) of every request in run.log, in log order."""
    found = []
    with open(f"{run_dir}/run.log") as log:
        for line in log:
            m = REQUEST.match(line)
            if m:
                sent = epoch(m.group(1)) - int(m.group(5)) / 1000
                found.append((sent, m.group(3), int(m.group(4)) if m.group(4) else None))
    return found


def real_submissions(run_dir):
    """Acknowledged submissions from jobs.csv, in real seconds, sorted."""
    scale = json.load(open(f"{run_dir}/report/summary.json")).get("time_scale") or 1.0
    with open(f"{run_dir}/report/jobs.csv", newline="") as f:
        stamps = sorted(epoch(r["submitted_at"]) for r in csv.DictReader(f) if r["submitted_at"])
    anchor = stamps[0]
    return [anchor + (t - anchor) / scale for t in stamps]


def peak_in_window(times, window):
    """Most events in any window of this length, aligned or not (two pointers over sorted times)."""
    times = sorted(times)
    best, lo = 0, 0
    for hi, t in enumerate(times):
        while t - times[lo] >= window:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


def verdict(met):
    return "met" if met else "MISSED"


def log_times(run_dir):
    """When the run's log opened (the first line), and the start and length of each Spring Batch step."""
    opened, starts, lengths = None, {}, {}
    with open(f"{run_dir}/run.log") as log:
        for line in log:
            stamp = line.split(" ", 1)[0]
            if opened is None and stamp.endswith("Z"):
                opened = epoch(stamp)
            m = re.search(r"PhaseLog: (\w+) started", line)
            if m and m.group(1) not in starts:
                starts[m.group(1)] = epoch(stamp)
            m = re.search(r"Step: \[(\w+)\] executed in (?:(\d+)m)?(?:(\d+)s)?(\d+)ms", line)
            if m:
                lengths[m.group(1)] = int(m.group(2) or 0) * 60 + int(m.group(3) or 0) + int(m.group(4)) / 1000
    return opened, starts, lengths


def first_run(run_dir, start):
    """Start-up to the first /run, where it went, how long each step took, and the requests' round trips."""
    sent = requests(run_dir)
    first = min(t for t, op, _ in sent if op == "run")
    seconds = first - start
    opened, starts, lengths = log_times(run_dir)
    print(f"start-up to first /run   {seconds:.2f} s (process start to the first /run request; target < 3 s:"
          f" {verdict(seconds < 3)})")
    print(f"  of which               {opened - start:.2f} s JVM, Spring Boot and the CSV check (to the run's first log"
          f" line), {starts['load'] - opened:.2f} s preflight /health and job launch,"
          f" {starts['submit'] - starts['load']:.2f} s load step, {first - starts['submit']:.2f} s to the first /run")
    print(f"steps                    {', '.join(f'{name} {s:.1f} s' for name, s in lengths.items())}")
    trips = []
    for op in ("run", "status"):
        rtt = round_trips(run_dir, op)
        if rtt:
            trips.append(f"/{op} p50 {nearest_rank(rtt, 50)} ms, p95 {nearest_rank(rtt, 95)} ms, max {max(rtt)} ms")
    print(f"round trips              {'; '.join(trips)} (request to the answer's headers, from run.log)")


def round_trips(run_dir, operation):
    with open(f"{run_dir}/run.log") as log:
        return [int(m.group(5)) for m in map(REQUEST.match, log) if m and m.group(3) == operation]


def burst(run_dir, limit, window):
    subs = real_submissions(run_dir)
    first, last = subs[0], subs[-1]
    # the middle 80% of the submission phase: the first seconds fill the pipeline, the last ones run out of rows
    lo, hi = first + 0.1 * (last - first), last - 0.1 * (last - first)
    middle = sum(1 for t in subs if lo <= t <= hi)
    sustained = middle / (hi - lo)
    allowed = limit / window
    sent = [t for t, op, _ in requests(run_dir) if op == "run"]
    by_status = {}
    for _, op, status in requests(run_dir):
        if status == 429:
            by_status[op] = by_status.get(op, 0) + 1
    summary = json.load(open(f"{run_dir}/report/summary.json"))
    print(f"submission phase         {last - first:.1f} s for {len(subs)} jobs ({len(subs) / (last - first):.1f}/s"
          f" overall)")
    print(f"sustained /run rate      {sustained:.1f}/s over the middle 80% ({middle} acknowledged in {hi - lo:.1f} s)"
          f" = {100 * sustained / allowed:.1f}% of the limit {limit} per {window:g} s; target >= 90%:"
          f" {verdict(sustained >= 0.9 * allowed)}")
    print(f"peak /run in any {window:g} s    {peak_in_window(sent, window)} sent (run.log),"
          f" {peak_in_window(subs, window)} acknowledged (jobs.csv); limit {limit}")
    rate_limited = summary["rate_limited_answers"]
    detail = ", ".join(f"{n} on /{op}" for op, n in sorted(by_status.items())) or "none in run.log"
    print(f"429s                     {rate_limited} ({detail}); the simulator injects none here, so every 429 would"
          f" be our own pacing; target 0: {verdict(rate_limited == 0)}")


def memory(label, time_file, gc_log):
    """Peak RSS and heap, and what young collections left: the heap grows towards its cap whatever the run's
    length, so a leak would show as what survives collections growing, not as the peak."""
    rss, _ = time_v(time_file)
    after = [int(m) for m in re.findall(r"Pause Young.* \d+M->(\d+)M\(\d+M\)", open(gc_log).read())]
    print(f"{label:<24} peak RSS {rss} MB, peak heap {peak_heap_mb(gc_log)} MB; after {len(after)} young"
          f" collections: median {nearest_rank(after, 50)} MB, max {max(after)} MB")


def lost(run_dir, health_json, expected):
    with open(f"{run_dir}/report/jobs.csv", newline="") as f:
        statuses = [r["status"] for r in csv.DictReader(f)]
    counts = {s: statuses.count(s) for s in sorted(set(statuses))}
    health = json.load(open(health_json))["jobs"]
    expired = counts.get("EXPIRED", 0)
    completed = counts.get("COMPLETED", 0)
    print(f"rows by status           {', '.join(f'{s} {n}' for s, n in counts.items())} (of {expected})")
    print(f"endpoint /health         completed {health['completed']}, failed {health['failed']},"
          f" in queue {health['inQueue']}, in progress {health['inProgress']}, retried {health['retried']}")
    print(f"results lost             {expired} EXPIRED; target 0 lost, all {expected} COMPLETED:"
          f" {verdict(expired == 0 and completed == expected)}")


def cpu_ticks(pid):
    """utime + stime of the whole process (all threads: GC and JIT included), in clock ticks."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])   # fields 14 and 15 of proc(5); the list starts at field 3


def waiting(run_dir, pid, sent, settle, window):
    log = f"{run_dir}/run.log"
    deadline = time.time() + 300
    while True:
        acknowledged = sum(1 for _, op, status in requests(run_dir) if op == "run" and status == 200) \
            if os.path.exists(log) else 0
        if acknowledged >= sent:
            break
        if time.time() > deadline:
            sys.exit(f"only {acknowledged} of {sent} jobs sent after 300 s")
        time.sleep(0.5)
    time.sleep(settle)
    hz = os.sysconf("SC_CLK_TCK")
    t0, c0 = time.time(), cpu_ticks(pid)
    time.sleep(window)
    t1, c1 = time.time(), cpu_ticks(pid)
    cpu = (c1 - c0) / hz
    calls = {}
    for t, op, _ in requests(run_dir):
        if t0 <= t < t1:
            calls[op] = calls.get(op, 0) + 1
    share = 100 * cpu / (t1 - t0)
    print(f"waiting window           {t1 - t0:.1f} s, starting {settle:g} s after the {sent}th acknowledged /run;"
          f" requests in it: {', '.join(f'{n} /{op}' for op, n in sorted(calls.items())) or 'none'}")
    print(f"client CPU while waiting {share:.1f}% of one core ({cpu:.2f} s CPU, utime + stime of pid {pid});"
          f" target < 5%: {verdict(share < 5)}")


def main(argv):
    command, args = argv[1], argv[2:]
    if command == "first-run":
        first_run(args[0], float(args[1]))
    elif command == "burst":
        burst(args[0], int(args[1]), float(args[2]))
    elif command == "memory":
        memory(args[0], args[1], args[2])
    elif command == "lost":
        lost(args[0], args[1], int(args[2]))
    elif command == "waiting":
        waiting(args[0], int(args[1]), int(args[2]), float(args[3]), float(args[4]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
