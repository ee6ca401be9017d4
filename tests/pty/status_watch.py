"""Drives `gt status --watch` in a pseudo terminal, as a person would: the
overview appears, a change made by another process is redrawn within
seconds, `q` ends it with exit 0, and the terminal is given back (raw mode
and the alternate screen left). `$GT` is the binary, `$GT_DB` the town.
Exits non-zero with a line saying what failed."""

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time

GT = os.environ["GT"]


def fail(what, seen=b""):
    tail = seen[-2000:].decode("utf-8", "replace")
    sys.exit(f"{what}\n--- the terminal showed (last 2000 bytes) ---\n{tail}")


def main():
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(GT, [GT, "status", "--watch"])
    # 30 rows of 100 columns, as a terminal window would say.
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    seen = b""

    def until(marker, limit):
        nonlocal seen
        end = time.time() + limit
        while time.time() < end:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    seen += os.read(fd, 65536)
                except OSError:
                    return False
            if marker in seen:
                return True
        return False

    if not until(b"Convoys:", 20):
        fail("the overview never appeared", seen)
    if b"\x1b[?1049h" not in seen:
        fail("the watch did not take the alternate screen", seen)
    raised = subprocess.run(
        [GT, "escalation", "raise", "pty marker escalation"], capture_output=True
    )
    if raised.returncode != 0:
        fail(f"raising the escalation failed: {raised.stderr!r}")
    if not until(b"pty marker escalation", 10):
        fail("the change was not redrawn within 10 s", seen)
    os.write(fd, b"q")
    end = time.time() + 10
    while time.time() < end:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        until(b"\x00never", 0.1)
    else:
        os.kill(pid, 9)
        fail("q did not end the watch within 10 s", seen)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        fail(f"the watch ended with {code}", seen)
    until(b"\x00never", 0.2)
    if b"\x1b[?1049l" not in seen:
        fail("the alternate screen was not left", seen)
    print("ok")


main()
