#!/usr/bin/env python3
# The review list scrolled down by a held arrow key, whole process: `peerconsult review` on a
# bare pseudo-terminal (80x24, TERM=xterm-256color, LANG=C.UTF-8); once the first frame is out
# and the output has been quiet for 0.3 s (the list has read ahead what its filter looks in),
# KEYS arrow-down keys are typed INTERVAL ms apart (a held key's repeat: 33 ms at 30 Hz), and
# each key's time to the first output it brings is taken. The unfiltered list reads older
# sessions a page at a time as its selection nears their end; what happens in the idle moment
# after such a page delays the next key. Prints p50, p99 and the largest key time, the keys
# over 10 ms, and the process's CPU time (user + system) from its start to the last key.
#
#   Benchmarks/scroll-pty.py BINARY DATA-DIR KEYS RUNS [INTERVAL]
import fcntl, os, select, statistics, struct, subprocess, sys, termios, time

def run(binary, data, keys, interval):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    environment = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
                   "HOME": data}
    process = subprocess.Popen([binary, "review", "--data-dir", data], stdin=slave, stdout=slave,
                               stderr=slave, env=environment, start_new_session=True,
                               preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
    os.close(slave)
    received = b""
    while b"newest first" not in received:
        if not select.select([master], [], [], 20)[0]:
            raise SystemExit("no list within 20 s")
        received += os.read(master, 65536)
    while select.select([master], [], [], 0.3)[0]:
        os.read(master, 65536)
    times = []
    due = time.perf_counter()
    for _ in range(keys):
        typed = time.perf_counter()
        os.write(master, b"\x1b[B")
        if not select.select([master], [], [], 2.0)[0]:
            raise SystemExit("no frame within 2 s of a key")
        os.read(master, 65536)
        times.append((time.perf_counter() - typed) * 1000)
        due += interval / 1000
        while True:
            left = due - time.perf_counter()
            if left <= 0 or not select.select([master], [], [], left)[0]:
                break
            os.read(master, 65536)
    with open(f"/proc/{process.pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    for quit in [b"\x1b", b"q"]:
        os.write(master, quit)
        try:
            process.wait(timeout=1)
            break
        except subprocess.TimeoutExpired:
            pass
    if process.poll() is None:
        process.kill()
        process.wait()
    os.close(master)
    return times, cpu

def main():
    binary, data, keys, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    interval = float(sys.argv[5]) if len(sys.argv) > 5 else 33
    for _ in range(runs):
        times, cpu = run(binary, data, keys, interval)
        ordered = sorted(times)
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
        slow = sum(1 for t in times if t > 10)
        print(f"{os.path.basename(binary)}: p50 {statistics.median(times):.2f} ms, p99 {p99:.2f} ms,"
              f" max {max(times):.2f} ms, {slow} keys over 10 ms, CPU {cpu:.0f} ms")

main()
