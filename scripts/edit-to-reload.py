#!/usr/bin/env python3
"""Edit-to-reload time of `lotse serve`: from saving a file to the moment an open page
hears of the finished rebuild (its status request returns), median of N edits.

    scripts/edit-to-reload.py LOTSE SITE FILE [N]

The content, templates and themes of SITE are copied to a temporary folder first; FILE (relative to SITE) is edited there by
appending a word to its first quoted value, as examples/rebuild.rs does."""
import json, os, re, shutil, statistics, subprocess, sys, tempfile, threading, time, urllib.request

lotse, site, relative = sys.argv[1:4]
edits = int(sys.argv[4]) if len(sys.argv) > 4 else 20
work = tempfile.mkdtemp()
try:
    root = f"{work}/site"
    for folder in ("content", "templates", "themes"):
        if os.path.isdir(f"{site}/{folder}"):
            shutil.copytree(f"{site}/{folder}", f"{root}/{folder}")
    server = subprocess.Popen([lotse, "--root", root, "serve", "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    address = re.search(r"http://([^/]+)/", server.stdout.readline()).group(1)
    threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()

    def status(after=None):
        query = "" if after is None else f"?after={after}"
        with urllib.request.urlopen(f"http://{address}/__lotse/status{query}", timeout=60) as response:
            return json.load(response)

    seen = 0
    while seen == 0:
        seen = status(0)["build"]
    path = f"{root}/{relative}"
    times = []
    for edit in range(edits):
        result = {}
        waiter = threading.Thread(target=lambda: result.update(status(seen)))
        waiter.start()
        time.sleep(0.05)  # the status request is waiting before the file changes
        text = open(path, encoding="utf-8").read()
        started = time.perf_counter()
        with open(path, "w", encoding="utf-8") as file:
            file.write(re.sub(r'"([^"]*)"', lambda m: f'"{m.group(1)} x{edit}"', text, count=1))
        waiter.join()
        times.append((time.perf_counter() - started) * 1000)
        assert result["build"] > seen and result["problems"] is None, result
        seen = result["build"]
    server.kill()
    print(f"median {statistics.median(times):.1f} ms (min {min(times):.1f}, max {max(times):.1f}) over {edits} edits")
finally:
    shutil.rmtree(work)
