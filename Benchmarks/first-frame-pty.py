#!/usr/bin/env python3
# Start to first frame on a bare pseudo-terminal, for several builds of peerconsult at once,
# alternating with `less` in the same loop: pc-bench's "start to first frame" row, without
# building the benchmark package (whose release build takes a quarter of an hour on the shared
# machine). Each start: a new session with the pty as its controlling terminal, 80x24,
# TERM=xterm-256color, LANG=C.UTF-8, an empty data folder; timed from the spawn to the
# first bytes of "New session" (peerconsult) or "line 1" (less, a 21-line file).
#
#   Benchmarks/first-frame-pty.py RUNS BINARY...
import fcntl, os, statistics, struct, subprocess, sys, tempfile, termios, time, select

def first_frame(command, needle, data):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    environment = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
                   "HOME": data, "PEERCONSULT_DATA_DIR": os.path.join(data, "empty")}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=environment,
                               start_new_session=True,
                               preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
    os.close(slave)
    received = b""
    while needle not in received:
        if not select.select([master], [], [], 10)[0]:
            raise SystemExit(f"no '{needle.decode()}' from {command[0]} within 10 s")
        received += os.read(master, 65536)
    elapsed = (time.perf_counter() - started) * 1000
    process.kill(); process.wait(); os.close(master)
    return elapsed

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
