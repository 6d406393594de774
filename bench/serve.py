#!/usr/bin/env python3
"""Load test of `lintas serve`, on this machine only: N requests at once (200 by default), each a
real article from the project's fixtures, half to the JSON API and half to the LanguageTool API.

    bench/serve.py [--lintas target/release/lintas] [--requests 200] [--rounds 3]

It starts the server on a free port of 127.0.0.1 (and nothing else: it never sends a request
elsewhere), works out each article's expected answer first, one request at a time, then fires
all the requests together, all waiting on one barrier, and checks every answer:

- /api/v1/check must answer byte for byte what `lintas check --format json -` writes for the
  same text (its path `<draft>` for `<stdin>`);
- /v2/check must answer exactly what it answered to the same request alone, with as many
  matches as `check` has findings.

It prints the throughput (requests and MB of text a second) and the latency percentiles of
each round, and exits 1 if any answer was wrong. Times drift on a shared machine: compare runs
made together.

Last run (2026-12-07, release build, 2 busy cores; docs/performance.md has the rest): 200/200
correct in each of 3 rounds; 1,285 / 1,460 / 2,213 requests/s; latency p50 54 / 36 / 34 ms,
p99 116 / 91 / 45 ms.
"""
import argparse
import concurrent.futures
import json
import pathlib
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent


def articles():
    """The real news among the fixtures: texts of a paragraph or more (not templates)."""
    found = []
    for path in sorted(ROOT.glob("fixtures/**/*.txt")):
        text = path.read_text(encoding="utf-8", errors="strict")
        if len(text.split()) >= 150 and "{X}" not in text:
            found.append((path.relative_to(ROOT), text))
    if not found:
        sys.exit("no article among the fixtures")
    return found


def start(lintas):
    server = subprocess.Popen(
        [lintas, "serve", "--no-config", "--bind", "127.0.0.1:0"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    line = server.stderr.readline()
    url = next((w for w in line.split() if w.startswith("http://127.0.0.1:")), None)
    if not url:
        server.kill()
        sys.exit(f"no local address in the start-up line: {line!r}")
    return server, url.rstrip("/")


def post(url, body, content_type):
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.status, response.read()


def requests_for(url, text):
    """The two requests for an article: the JSON API's and the LanguageTool API's."""
    return [
        ("api", url + "/api/v1/check", json.dumps({"text": text}).encode(), "application/json"),
        ("lt", url + "/v2/check",
         urllib.parse.urlencode({"text": text, "language": "id-ID"}).encode(),
         "application/x-www-form-urlencoded"),
    ]


def cli_report(lintas, text):
    out = subprocess.run([lintas, "check", "--no-config", "--format", "json", "-"],
                         input=text.encode(), capture_output=True, check=False).stdout
    return out.replace(b'"<stdin>"', b'"<draft>"')


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lintas", default=str(ROOT / "target" / "release" / "lintas"))
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not 1 <= args.requests <= 1000:
        sys.exit("--requests: 1 to 1000")

    texts = articles()
    server, url = start(args.lintas)
    try:
        expected = {}
        for n, (path, text) in enumerate(texts):
            report = cli_report(args.lintas, text)
            findings = len(json.loads(report)["files"][0]["diagnostics"])
            for kind, target, body, ctype in requests_for(url, text):
                status, answer = post(target, body, ctype)
                if status != 200:
                    sys.exit(f"{path}: {kind}: status {status}")
                if kind == "api" and answer != report:
                    sys.exit(f"{path}: /api/v1/check differs from check --format json")
                if kind == "lt" and len(json.loads(answer)["matches"]) != findings:
                    sys.exit(f"{path}: /v2/check has not the {findings} findings of check")
                expected[(n, kind)] = answer
        work = []
        for i in range(args.requests):
            n = i // 2 % len(texts)
            kind, target, body, ctype = requests_for(url, texts[n][1])[i % 2]
            work.append((n, kind, target, body, ctype))
        text_mb = sum(len(texts[n][1].encode()) for n, *_ in work) / 1e6
        words = statistics.mean(len(t.split()) for _, t in texts)
        print(f"{len(texts)} articles from fixtures/ (mean {words:.0f} words), "
              f"{args.requests} requests at once, {text_mb:.2f} MB of text a round")

        wrong = 0
        for round_ in range(1, args.rounds + 1):
            barrier = threading.Barrier(len(work))

            def one(item):
                n, kind, target, body, ctype = item
                barrier.wait()
                began = time.perf_counter()
                try:
                    status, answer = post(target, body, ctype)
                except Exception as e:  # noqa: BLE001 - every failure is counted as wrong
                    return time.perf_counter() - began, f"{kind}: {e}"
                took = time.perf_counter() - began
                if status != 200 or answer != expected[(n, kind)]:
                    return took, f"{kind} {texts[n][0]}: wrong answer (status {status})"
                return took, None

            began = time.perf_counter()
            with concurrent.futures.ThreadPoolExecutor(max_workers=len(work)) as pool:
                results = list(pool.map(one, work))
            wall = time.perf_counter() - began
            latencies = [r[0] * 1000 for r in results]
            errors = [r[1] for r in results if r[1]]
            wrong += len(errors)
            for e in errors[:5]:
                print("  WRONG:", e)
            print(f"round {round_}: {len(results) - len(errors)}/{len(results)} correct in "
                  f"{wall:.2f} s: {len(results) / wall:.0f} requests/s, {text_mb / wall:.2f} MB/s; "
                  f"latency ms p50 {percentile(latencies, 50):.0f}, p90 "
                  f"{percentile(latencies, 90):.0f}, p99 {percentile(latencies, 99):.0f}, "
                  f"max {max(latencies):.0f}")
        return 1 if wrong else 0
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
