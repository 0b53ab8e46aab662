#!/usr/bin/env python3
# The review list's filter, whole process, as a facilitator types it: `peerconsult review` on a
# bare pseudo-terminal (80x24, TERM=xterm-256color, LANG=C.UTF-8); the time from the spawn to
# the list's first frame, then each typed key's time to the last frame it brings (output quiet
# for a second), and the process's peak RSS. Keys between `|` are typed one at a time: the
# first makes the list read every session's filter entry (schema v16; every session's listing
# before it); the ones after it refilter what was read and list what they show.
#
# The first key is typed once the output has been quiet for PAUSE seconds (default 0.3, a
# person's pause at least), so the list has read ahead what the filter looks in; with PAUSE 0
# it is typed as soon as the first frame is seen, and may wait for that reading.
#
#   Benchmarks/filter-pty.py BINARY DATA-DIR 'C|h|e|n|Ø' RUNS [PAUSE]
import fcntl, os, statistics, struct, subprocess, sys, termios, time, select

def run(binary, data, keys, pause):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    environment = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
                   "HOME": data}
    started = time.perf_counter()
    process = subprocess.Popen([binary, "review", "--data-dir", data], stdin=slave, stdout=slave,
                               stderr=slave, env=environment, start_new_session=True,
                               preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
    os.close(slave)
    received = b""
    while b"newest first" not in received:
        if not select.select([master], [], [], 20)[0]:
            raise SystemExit("no list within 20 s")
        received += os.read(master, 65536)
    first = (time.perf_counter() - started) * 1000
    # Whatever the first frame left to draw is drawn before the first key.
    while pause > 0 and select.select([master], [], [], pause)[0]:
        os.read(master, 65536)
    keys_ms = []
    for key in keys.split("|"):
        typed = time.perf_counter()
        os.write(master, key.encode())
        last = None
        while select.select([master], [], [], 1.0)[0]:
            os.read(master, 65536)
            last = time.perf_counter()
        keys_ms.append((last - typed) * 1000 if last else float("nan"))
    peak = 0.0
    with open(f"/proc/{process.pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM"):
                peak = int(line.split()[1]) / 1024
    # Esc empties the filter, Esc again goes back to the home screen, and q leaves: a clean end,
    # so the next start does not check the whole database as after an unclean one.
    for quit in [b"\x1b", b"\x1b", b"q"]:
        os.write(master, quit)
        try:
            process.wait(timeout=1)
            break
        except subprocess.TimeoutExpired:
            pass
    if process.poll() is None:
        process.kill()
        process.wait()
        print("(killed: it did not leave on Esc, Esc, q)")
    os.close(master)
    return first, keys_ms, peak

binary, data, keys, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
pause = float(sys.argv[5]) if len(sys.argv) > 5 else 0.3
results = [run(binary, data, keys, pause) for _ in range(runs)]
print(f"first frame {statistics.median(r[0] for r in results):.1f} ms (median of {runs})")
for index, key in enumerate(keys.split("|")):
    times = [r[1][index] for r in results]
    print(f"key {key!r}: median {statistics.median(times):.1f} ms, all {[round(t, 1) for t in times]}")
print(f"peak RSS {max(r[2] for r in results):.1f} MB")
