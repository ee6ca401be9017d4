"""A test agent for `gt run`, built on the official MCP Python SDK.

`gt run` starts it as its `run.command` (python agent.py). It reads
GT_MCP_CONFIG, starts the `gt` MCP server that file names through the SDK's
own stdio client, and works its bead as a polecat would: `gt_hook`, a
heartbeat, a file written and committed on its branch, then `gt_bead_update`
to close it. A word in the bead's title changes what it does, for the
failure paths:
  [fail]      reports its bead failed
  [exit1]     prints a little and exits 1 without reporting
  [hang]      beats once, then never ends
  [stubborn]  ignores SIGTERM, then never ends
  [slow]      works for GT_TEST_SLOW seconds (default 1) before closing
  [slow=S]    works for S seconds (such as [slow=1.3]) before anything else
              its title asks for (gt-bench --soak gives each bead its own)
Each run appends "start BEAD PID TIME" and "end BEAD PID TIME" lines to
GT_TEST_RECORD, if set, so a test can check that no two runs of one bead
overlapped.
"""

import json
import os
import re
import signal
import subprocess
import sys
import time

import anyio
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

BEAD = os.environ["GT_BEAD_ID"]


def record(what):
    path = os.environ.get("GT_TEST_RECORD")
    if path:
        with open(path, "a") as f:
            f.write(f"{what} {BEAD} {os.getpid()} {time.time():.6f}\n")


async def call(session, tool, arguments):
    result = await session.call_tool(tool, arguments)
    if result.is_error:
        text = "".join(c.text for c in result.content if getattr(c, "text", None))
        raise SystemExit(f"{tool} failed: {text}")
    return result.structured_content


async def main():
    with open(os.environ["GT_MCP_CONFIG"]) as f:
        server = json.load(f)["mcpServers"]["gt"]
    params = StdioServerParameters(
        command=server["command"], args=server["args"], env=server.get("env") or None
    )
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            hook = await call(session, "gt_hook", {})
            bead = hook["bead"]
            assert bead["id"] == BEAD, (bead["id"], BEAD)
            title = bead["title"]
            print(f"{os.environ['GT_AGENT']} works on {BEAD}: {title}", flush=True)
            await call(session, "gt_agent_heartbeat", {})
            work = re.search(r"\[slow=([0-9]+(?:\.[0-9]+)?)\]", title)
            if work:
                await anyio.sleep(float(work.group(1)))
            if "[exit1]" in title:
                print("something went wrong", flush=True)
                return 1
            if "[hang]" in title or "[stubborn]" in title:
                if "[stubborn]" in title:
                    signal.signal(signal.SIGTERM, signal.SIG_IGN)
                print("hanging", flush=True)
                while True:
                    await anyio.sleep(3600)
            if "[slow]" in title:
                await anyio.sleep(float(os.environ.get("GT_TEST_SLOW", "1")))
            if "[fail]" in title:
                await call(session, "gt_bead_update", {"status": "failed"})
                return 0
            if os.environ.get("GT_BRANCH"):
                with open(f"{BEAD}.txt", "w") as f:
                    f.write(f"{title}\n")
                git = ["git", "-c", "user.name=" + os.environ["GT_AGENT"], "-c", "user.email=polecat@gt.test"]
                subprocess.run(git + ["add", f"{BEAD}.txt"], check=True)
                subprocess.run(git + ["commit", "--quiet", "-m", f"{BEAD}: {title}"], check=True)
            await call(session, "gt_bead_update", {"status": "closed"})
            print("closed", flush=True)
            return 0


if __name__ == "__main__":
    # Before anything slow: a stubborn agent ignores SIGTERM from its first
    # moment (its brief, in GT_PROMPT, carries its bead's title).
    if "[stubborn]" in os.environ.get("GT_PROMPT", ""):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    record("start")
    try:
        code = anyio.run(main)
    finally:
        # A run that failed (a tool call refused) has ended too; only a
        # killed one leaves its start open.
        record("end")
    if code:
        print("the last line of the log", flush=True)
    sys.exit(code)
