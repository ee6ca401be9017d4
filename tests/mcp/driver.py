"""Drives `gt mcp` with the official MCP Python SDK (a client gt did not write).

Usage: python driver.py GT_BINARY [ARG...]

Starts the server as `GT_BINARY ARG...` over stdio through the SDK's own
client, then answers one request per line on stdin with one JSON line on
stdout:
  {"op": "init"}                       -> the server's initialize result
  {"op": "tools"}                      -> tools/list
  {"op": "call", "tool": T, "arguments": {...}}
                                       -> the tool result (isError,
                                          structuredContent, text), or
                                          {"protocol_error": message}
The SDK validates each structured result against the tool's outputSchema.
"""

import json
import os
import sys

import anyio
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


# What a test's server is given beyond the SDK's default environment: delay
# points, and the run a polecat's server belongs to (as `gt run` gives it).
FORWARDED = {"GT_DELAY", "GT_AGENT", "GT_RUN_HOST", "GT_RUN_STARTED_AT"}


def dump(model):
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


async def main():
    # The SDK hands the server a default environment only.
    env = {k: v for k, v in os.environ.items() if k in FORWARDED}
    params = StdioServerParameters(command=sys.argv[1], args=sys.argv[2:], env=env or None)
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            while True:
                line = await anyio.to_thread.run_sync(sys.stdin.readline)
                if not line:
                    return
                request = json.loads(line)
                op = request["op"]
                try:
                    if op == "init":
                        answer = dump(init)
                    elif op == "tools":
                        answer = dump(await session.list_tools())
                    else:
                        result = await session.call_tool(
                            request["tool"], request.get("arguments") or {}
                        )
                        text = "".join(
                            c.text for c in result.content if getattr(c, "text", None)
                        )
                        answer = {
                            "isError": bool(result.is_error),
                            "structuredContent": result.structured_content,
                            "text": text,
                        }
                except Exception as e:  # a protocol error, reported to the test
                    answer = {"protocol_error": f"{type(e).__name__}: {e}"}
                sys.stdout.write(json.dumps(answer) + "\n")
                sys.stdout.flush()


anyio.run(main)
