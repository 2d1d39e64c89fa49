#!/usr/bin/env python3
"""Turns one benchmark run into the figures of issue 7 and prints them as one aligned table.

  figures.py app RUN_DIR TIME_V GC_LOG START_EPOCH END_EPOCH HEAP   the application's report/ of the run
  figures.py baseline FIGURES_JSON TIME_V START_EPOCH END_EPOCH      what bench/baseline.py measured

Times in the application's report are on the endpoint's clock: this machine's clock stretched by the simulator's
time scale from the first submission. They are converted back to real seconds here, so that every figure in the
table is real time and comparable with the wall time. Append --results FILE to also add a markdown row there, and
--client LABEL to name the application's row after the options it ran with.
"""
import csv
import json
import math
import re
import sys
from datetime import datetime

COLUMNS = [
    ("client", "{}"), ("wall s", "{:.1f}"), ("start-up s", "{:.1f}"), ("makespan s", "{:.1f}"),
    ("wall/makespan", "{:.3f}"), ("excl. start-up", "{:.3f}"), ("/status per job", "{:.2f}"),
    ("/health per job", "{:.2f}"), ("/run per job", "{:.2f}"), ("harvest p50 s", "{:.2f}"), ("harvest p95 s", "{:.2f}"),
    ("harvest max s", "{:.2f}"), ("429s", "{}"), ("peak RSS MB", "{}"), ("peak heap MB", "{}"), ("CPU s", "{:.1f}"),
]


def epoch(iso):
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


def nearest_rank(values, p):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def time_v(path):
    """Peak RSS (MB) and CPU seconds (user + system) from /usr/bin/time -v."""
    text = open(path).read()
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text))
    return rss_kb // 1024, cpu


def peak_heap_mb(gc_log):
    """Largest heap occupancy seen by the collector: the 'before' side of every 'A M->B M(C M)' GC line."""
    before = [int(m) for m in re.findall(r"(\d+)M->\d+M\(\d+M\)", open(gc_log).read())]
    return max(before) if before else None


def app_figures(run_dir, time_file, gc_log, start, end, heap, client="sdxl-batch"):
    summary = json.load(open(f"{run_dir}/report/summary.json"))
    scale = summary.get("time_scale") or 1.0
    with open(f"{run_dir}/report/jobs.csv", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["status"] == "COMPLETED"]
    first_submit = min(epoch(r["submitted_at"]) for r in rows)   # the anchor: real time, not stretched
    last_done = max(epoch(r["completed_at"]) for r in rows)
    latency = [(epoch(r["harvested_at"]) - epoch(r["completed_at"])) / scale for r in rows]
    calls = summary["api_calls"]
    rss, cpu = time_v(time_file)
    peak = peak_heap_mb(gc_log)
    return {
        "client": client, "wall": end - start, "startup": first_submit - start,
        "makespan": (last_done - first_submit) / scale, "status_per_job": calls["status"] / len(rows),
        "health_per_job": calls.get("health", 0) / len(rows),
        "run_per_job": calls["run"] / len(rows), "latency": latency,
        "rate_limited": summary["rate_limited_answers"], "rss": rss,
        "heap": f"{peak} (cap {heap})" if peak is not None else f"n/a (cap {heap})", "cpu": cpu,
        "completed": len(rows), "time_scale": scale,
    }


def baseline_figures(figures_json, time_file, start, end):
    measured = json.load(open(figures_json))
    rss, cpu = time_v(time_file)
    return {
        "client": "baseline.py", "wall": end - start, "startup": measured["first_submit"] - start,
        "makespan": measured["last_done"] - measured["first_submit"],
        "status_per_job": measured["calls"]["status"] / measured["completed"],
        "health_per_job": measured["calls"].get("health", 0) / measured["completed"],
        "run_per_job": measured["calls"]["run"] / measured["completed"], "latency": measured["latency"],
        "rate_limited": measured["rate_limited"], "rss": rss, "heap": "n/a", "cpu": cpu,
        "completed": measured["completed"], "time_scale": measured["time_scale"],
    }


def cells(fig):
    lat = fig["latency"]
    values = [fig["client"], fig["wall"], fig["startup"], fig["makespan"], fig["wall"] / fig["makespan"],
              (fig["wall"] - fig["startup"]) / fig["makespan"], fig["status_per_job"], fig["health_per_job"],
              fig["run_per_job"],
              nearest_rank(lat, 50), nearest_rank(lat, 95), max(lat), fig["rate_limited"], fig["rss"],
              fig["heap"], fig["cpu"]]
    return [fmt.format(v) if not isinstance(v, str) else v for (_, fmt), v in zip(COLUMNS, values)]


def main(argv):
    options = {}
    for name in ("--results", "--client"):
        if name in argv:
            i = argv.index(name)
            options[name] = argv[i + 1]
            argv = argv[:i] + argv[i + 2:]
    results = options.get("--results")
    if argv[1] == "app":
        fig = app_figures(argv[2], argv[3], argv[4], float(argv[5]), float(argv[6]), argv[7],
                          options.get("--client", "sdxl-batch"))
    else:
        fig = baseline_figures(argv[2], argv[3], float(argv[4]), float(argv[5]))
    row = cells(fig)
    width = max(len(name) for name, _ in COLUMNS)
    for (name, _), value in zip(COLUMNS, row):
        print(f"{name:<{width}}  {value}")
    print(f"{'completed jobs':<{width}}  {fig['completed']} (time scale {fig['time_scale']:g}; all times real seconds)")
    if results:
        with open(results, "a") as out:
            if out.tell() == 0:
                out.write("| " + " | ".join(name for name, _ in COLUMNS) + " |\n")
                out.write("|" + "---|" * len(COLUMNS) + "\n")
            out.write("| " + " | ".join(row) + " |\n")


if __name__ == "__main__":
    main(sys.argv)
