#!/usr/bin/env python3
"""The baseline for bench/run.sh: a prompts CSV sent the way Runpod's tutorial and SDK examples do it.

POST /run for every prompt, then GET /status/{id} of every unfinished job once a second until it is final;
a COMPLETED job's base64 PNG is decoded and written to the output folder. Single-threaded, stdlib only.
Writes what it measured as JSON (--figures) for bench/figures.py: calls by operation, 429s, first submission,
last completion on the endpoint and, per job, harvest latency in real seconds.

Completion on the endpoint is derived as the application derives it: acknowledged submission + (delayTime +
executionTime) / time scale, so the harvest latency is measured the same way for both clients, not from the
moment this script happened to see COMPLETED.
"""
import argparse
import base64
import csv
import json
import os
import time
import urllib.error
import urllib.request

FINAL = {"COMPLETED", "FAILED", "CANCELLED", "TIMED_OUT"}


class Endpoint:
    def __init__(self, base_url, endpoint, api_key):
        self.url = f"{base_url.rstrip('/')}/{endpoint}"
        self.headers = {"Authorization": f"Bearer {api_key}", "Content-Type": "application/json"}
        self.calls = {"run": 0, "status": 0, "health": 0}
        self.rate_limited = 0

    def call(self, operation, path, body=None):
        """One request, waited out and repeated while it is answered 429 (the tutorial's only retry)."""
        while True:
            self.calls[operation] += 1
            data = json.dumps(body).encode() if body is not None else None
            request = urllib.request.Request(self.url + path, data=data, headers=self.headers)
            try:
                with urllib.request.urlopen(request, timeout=60) as answer:
                    return json.load(answer)
            except urllib.error.HTTPError as e:
                if e.code != 429:
                    raise
                self.rate_limited += 1
                time.sleep(float(e.headers.get("Retry-After") or 1))


def main():
    args = parse_args()
    endpoint = Endpoint(args.base_url, args.endpoint, args.api_key)
    scale = endpoint.call("health", "/health").get("simulator", {}).get("timeScale", 1.0)
    os.makedirs(args.output, exist_ok=True)
    with open(args.prompts, newline="") as f:
        prompts = list(csv.DictReader(f))

    jobs = {}
    for row in prompts:
        answer = endpoint.call("run", "/run", {"input": {"prompt": row["prompt"]}})
        jobs[answer["id"]] = {"prompt_id": row["id"], "submitted": time.time()}
    print(f"submitted {len(jobs)} jobs")

    pending = set(jobs)
    while pending:
        round_start = time.time()
        for job_id in sorted(pending, key=lambda j: jobs[j]["submitted"]):
            status = endpoint.call("status", f"/status/{job_id}")
            if status["status"] in FINAL:
                finish(jobs[job_id], status, args.output, scale)
                pending.discard(job_id)
        time.sleep(max(0.0, 1.0 - (time.time() - round_start)))

    done = [j for j in jobs.values() if j.get("status") == "COMPLETED"]
    print(f"completed {len(done)} of {len(jobs)}; calls {endpoint.calls}; 429s {endpoint.rate_limited}")
    with open(args.figures, "w") as out:
        json.dump({
            "time_scale": scale, "calls": endpoint.calls, "rate_limited": endpoint.rate_limited,
            "completed": len(done), "first_submit": min(j["submitted"] for j in jobs.values()),
            "last_done": max(j["completed"] for j in done),
            "latency": [j["written"] - j["completed"] for j in done],
        }, out)


def finish(job, status, folder, scale):
    job["status"] = status["status"]
    if status["status"] != "COMPLETED":
        return
    image = status["output"]["image_url"].split(",", 1)[1]
    with open(os.path.join(folder, f"{job['prompt_id']}.png"), "wb") as png:
        png.write(base64.b64decode(image))
    job["written"] = time.time()
    job["completed"] = job["submitted"] + (status["delayTime"] + status["executionTime"]) / 1000 / scale


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--base-url", required=True)
    p.add_argument("--endpoint", required=True)
    p.add_argument("--api-key", required=True)
    p.add_argument("--prompts", required=True)
    p.add_argument("--output", required=True)
    p.add_argument("--figures", required=True)
    return p.parse_args()


if __name__ == "__main__":
    main()
