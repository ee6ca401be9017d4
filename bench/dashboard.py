"""The dashboard's first paint and idle CPU in a real browser (Debian's
chromium and chromedriver, through Selenium), for `gt-bench --dashboard`.

Usage: python dashboard.py URL SERVER_PID [LOADS] [IDLE_SECONDS]

Loads URL LOADS times (default 5), each a fresh navigation with the HTTP
cache disabled, and takes the first paint of the landing view ("the town at a
glance") from the page's own mark: dashboard.js sets
performance.mark("gt:town-painted") once, right after it first draws the town
view with the convoys, agents, escalations and hosts it read. The mark's
startTime is milliseconds from the navigation's start (performance.timeOrigin).
Each load also reports the requests the page made before the mark (resource
timing) and the browser's first contentful paint.

Then the page is left open for IDLE_SECONDS (default 60) while nothing writes
to the town, and the CPU used meanwhile is read from /proc: the utime + stime
of every process of the browser (chromedriver's descendants), of its renderers
alone (--type=renderer), and of gt serve (SERVER_PID); and, as a cross-check,
the renderer's own TaskDuration and ScriptDuration deltas from CDP
Performance.getMetrics. Each as a share of one core.

Prints one JSON object on stdout.
"""

import json
import os
import statistics
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

url = sys.argv[1]
server_pid = int(sys.argv[2])
loads = int(sys.argv[3]) if len(sys.argv) > 3 else 5
idle_seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 60.0
TICK = os.sysconf("SC_CLK_TCK")


def stat(pid):
    """(ppid, cpu seconds) of a process, or None if it is gone."""
    try:
        text = open(f"/proc/{pid}/stat").read()
    except OSError:
        return None
    fields = text.rsplit(")", 1)[1].split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK


def cmdline(pid):
    try:
        return open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def descendants(root):
    """Every process under `root`, with its cpu seconds."""
    procs = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            s = stat(int(name))
            if s:
                procs[int(name)] = s
    children = {}
    for pid, (ppid, _) in procs.items():
        children.setdefault(ppid, []).append(pid)
    out, todo = {}, list(children.get(root, []))
    while todo:
        pid = todo.pop()
        out[pid] = procs[pid][1]
        todo.extend(children.get(pid, []))
    return out


def used(before, after, pids):
    """CPU seconds the processes `pids` used between two readings: those
    that ran throughout by their difference, those started meanwhile whole;
    those that ended meanwhile are not counted."""
    return sum(after[p] - before.get(p, 0.0) for p in pids if p in after)


options = webdriver.ChromeOptions()
options.binary_location = os.environ.get("GT_CHROMIUM", "/usr/bin/chromium")
for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,800",
            "--disable-dev-shm-usage"]:
    options.add_argument(arg)
service = Service(executable_path=os.environ.get("GT_CHROMEDRIVER", "/usr/bin/chromedriver"))
driver = webdriver.Chrome(service=service, options=options)
try:
    driver.set_script_timeout(120)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    runs = []
    for i in range(loads):
        driver.get("about:blank")
        driver.get(url)
        deadline = time.time() + 120
        while True:
            mark = driver.execute_script(
                "const m = performance.getEntriesByName('gt:town-painted');"
                "return m.length ? m[0].startTime : null;")
            if mark is not None:
                break
            if time.time() > deadline:
                raise SystemExit("the landing view never drew (no gt:town-painted mark in 120 s)")
            time.sleep(0.02)
        timing = driver.execute_script("""
            const nav = performance.getEntriesByType('navigation')[0];
            const fcp = performance.getEntriesByName('first-contentful-paint')[0];
            const mark = performance.getEntriesByName('gt:town-painted')[0].startTime;
            return {
              response_end_ms: nav ? nav.responseEnd : null,
              dom_content_loaded_ms: nav ? nav.domContentLoadedEventEnd : null,
              first_contentful_paint_ms: fcp ? fcp.startTime : null,
              requests: performance.getEntriesByType('resource')
                .filter((r) => r.startTime <= mark)
                .map((r) => ({
                  name: r.name.replace(location.origin, ''),
                  start_ms: Math.round(r.startTime * 10) / 10,
                  end_ms: r.responseEnd ? Math.round(r.responseEnd * 10) / 10 : null,
                  bytes: r.encodedBodySize,
                })),
            };
        """)
        runs.append({"first_paint_ms": mark, **timing})
    painted = [r["first_paint_ms"] for r in runs]

    # The page stays open, the town quiet: what does it cost to leave it so?
    time.sleep(5)  # past the first reads after the mark (attention, hosts)
    driver.execute_cdp_cmd("Performance.enable", {})

    def metrics():
        got = driver.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]
        return {m["name"]: m["value"] for m in got}

    m0 = metrics()
    p0 = descendants(service.process.pid)
    s0 = stat(server_pid)
    t0 = time.monotonic()
    time.sleep(idle_seconds)
    took = time.monotonic() - t0
    m1 = metrics()
    p1 = descendants(service.process.pid)
    s1 = stat(server_pid)
    browser = used(p0, p1, p1)
    renderers = used(p0, p1, [p for p in p1 if "--type=renderer" in cmdline(p)])

    def share(seconds):
        return round(100.0 * seconds / took, 3)

    print(json.dumps({
        "loads": loads,
        "first_paint_ms": {
            "runs": painted,
            "median": statistics.median(painted),
            "max": max(painted),
        },
        "runs": runs,
        "idle": {
            "seconds": round(took, 1),
            "browser_pct_of_core": share(browser),
            "renderer_pct_of_core": share(renderers),
            "renderer_task_pct_of_core": share(m1["TaskDuration"] - m0["TaskDuration"]),
            "renderer_script_pct_of_core": share(m1["ScriptDuration"] - m0["ScriptDuration"]),
            "server_pct_of_core": share(s1[1] - s0[1]) if s0 and s1 else None,
            "browser_processes": len(p1),
            "processes_ended_meanwhile": len(set(p0) - set(p1)),
        },
    }, indent=1))
finally:
    driver.quit()
