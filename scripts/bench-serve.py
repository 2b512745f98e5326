#!/usr/bin/env python3
"""Web-app benchmark: one keystroke's preview (server time, warm), then a burst of N concurrent
previews of different texts: answer times, the server's memory idle, at its peak and after the
burst (three bursts), and whether a keystroke sent during a burst waits behind all of it.

Usage: [BURSTS=3] [SETTLE=2] scripts/bench-serve.py [BINARY] [N]   (default target/release/gongwen, 200)
Needs only Python 3's standard library; the server runs on a temporary folder.
"""
import json
import re
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/release/gongwen")
N = int(sys.argv[2]) if len(sys.argv) > 2 else 200
SAMPLE = os.path.join(ROOT, "samples/national-2025-notice.toml")
# Seconds after a burst before its memory is read (SETTLE=12 outlasts tokio's 10 s idle threads).
SETTLE = float(os.environ.get("SETTLE", "2"))


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def post(base, path, body, tab="burst"):
    req = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "X-Gongwen": "1", "X-Gongwen-Tab": tab},
    )
    t0 = time.perf_counter()
    with urllib.request.urlopen(req, timeout=600) as r:
        answer = json.load(r)
    return (time.perf_counter() - t0) * 1000, answer


def variant(text, i):
    """The sample with its first body paragraph changed: a different text for each request."""
    return text.replace("以习近平新时代", f"以（第{i}稿）习近平新时代", 1)


def main():
    text = open(SAMPLE, encoding="utf-8").read()
    work = tempfile.mkdtemp()
    server = subprocess.Popen(
        [BINARY, "serve", work, "--port", "0", "--no-system-fonts"],
        stdout=subprocess.PIPE,
        text=True,
    )
    base = None
    for line in server.stdout:
        if "http://" in line:
            base = re.match(r"http://[0-9.]+:[0-9]+", line.split("http://", 1)[0] and "http://" + line.split("http://", 1)[1] or line)[0]
            break
    assert base, "the server printed no address"
    try:
        run(base, server.pid, text)
    finally:
        server.terminate()
        server.wait()


def run(base, pid, text):
    body = {"name": "bench.toml", "toml": text}
    for _ in range(3):
        post(base, "/api/preview", body)
    time.sleep(2)
    idle = rss_mb(pid)
    server_ms = []
    for i in range(15):
        _, answer = post(base, "/api/preview", {"name": "bench.toml", "toml": variant(text, i)})
        server_ms.append(answer["ms"])
    print(f"keystroke preview, server time warm: median {statistics.median(server_ms):.1f} ms "
          f"(min {min(server_ms)}, max {max(server_ms)}, 15 edits)")
    print(f"idle after warm-up (2 s without work): {idle:.0f} MB")
    for burst in range(int(os.environ.get("BURSTS", "3"))):
        times, peak = [], [rss_mb(pid)]
        stop = threading.Event()

        def watch():
            while not stop.is_set():
                peak.append(rss_mb(pid))
                time.sleep(0.05)

        def one(i):
            ms, _ = post(base, "/api/preview", {"name": f"b{i}.toml", "toml": variant(text, 1000 * burst + i)})
            times.append(ms)

        watcher = threading.Thread(target=watch)
        watcher.start()
        threads = [threading.Thread(target=one, args=(i,)) for i in range(N)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        time.sleep(0.2)
        key_ms, _ = post(base, "/api/preview", {"name": "typing.toml", "toml": variant(text, 99999 - burst)}, tab="typing")
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        stop.set()
        watcher.join()
        time.sleep(SETTLE)
        after = rss_mb(pid)
        print(f"burst {burst + 1}: {N} previews in {wall:.1f} s, answer median "
              f"{statistics.median(times) / 1000:.1f} s, max {max(times) / 1000:.1f} s; a keystroke "
              f"sent 0.2 s in answered after {key_ms / 1000:.2f} s; memory peak {max(peak):.0f} MB, "
              f"{SETTLE:g} s after {after:.0f} MB ({(after / idle - 1) * 100:+.0f} % of idle)")


if __name__ == "__main__":
    main()
