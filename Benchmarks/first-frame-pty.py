#!/usr/bin/env python3
# Start to first frame on a bare pseudo-terminal, for several builds of peerconsult at once,
# alternating with `less` in the same loop: pc-bench's "start to first frame" row, without
# building the benchmark package (whose release build takes a quarter of an hour on the shared
# machine). Each start: a new session with the pty as its controlling terminal, 80x24,
# TERM=xterm-256color, LANG=C.UTF-8, an empty data folder; timed from the spawn to the
# first bytes of "New session" (peerconsult) or "line 1" (less, a 21-line file).
#
#   Benchmarks/first-frame-pty.py RUNS BINARY...
import importlib.util, os, statistics, sys, tempfile

# The timing itself is frame-pty.py's.
_spec = importlib.util.spec_from_file_location(
    "frame_pty", os.path.join(os.path.dirname(os.path.abspath(__file__)), "frame-pty.py"))
frame_pty = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(frame_pty)

def first_frame(command, needle, data):
    return frame_pty.frame(command, needle, data, data=os.path.join(data, "empty"))

runs, binaries = int(sys.argv[1]), sys.argv[2:]
with tempfile.TemporaryDirectory() as data:
    small = os.path.join(data, "small.txt")
    with open(small, "w") as file:
        file.write("".join(f"line {n}\n" for n in range(1, 22)))
    times = {name: [] for name in ["less"] + binaries}
    for _ in range(runs):
        times["less"].append(first_frame(["less", small], b"line 1", data))
        for binary in binaries:
            times[binary].append(first_frame([binary], b"New session", data))
baseline = statistics.median(times["less"])
for name, values in times.items():
    median = statistics.median(values)
    print(f"{name}: median {median:.1f} ms, {median / baseline:.2f}x less")
