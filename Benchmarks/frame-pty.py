#!/usr/bin/env python3
# Start to a frame on a bare pseudo-terminal, for any commands at once, alternated in one loop
# so that the machine's load falls on each alike: each start gets a new session with the pty as
# its controlling terminal, 80x24, TERM=xterm-256color, LANG=C.UTF-8, and is timed from the
# spawn to the first bytes of its NEEDLE (text the wanted frame shows), then killed.
# Prints each command's median and minimum in milliseconds.
#
#   Benchmarks/frame-pty.py RUNS -- NEEDLE COMMAND... [-- NEEDLE COMMAND...]...
#   Benchmarks/frame-pty.py 61 -- "of 10000 sessions" peerconsult review --data-dir LIBRARY \
#     -- "No sessions" peerconsult review --data-dir EMPTY-FOLDER
import fcntl, os, statistics, struct, subprocess, sys, tempfile, termios, time, select

def frame(command, needle, home, data=None):
    """Milliseconds from spawning `command` to the first bytes of `needle` on its pty; `data`,
    when given, is its PEERCONSULT_DATA_DIR."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    environment = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
                   "HOME": home}
    if data is not None:
        environment["PEERCONSULT_DATA_DIR"] = data
    started = time.perf_counter()
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=environment,
                               start_new_session=True,
                               preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
    os.close(slave)
    received = b""
    while needle not in received:
        if not select.select([master], [], [], 10)[0]:
            raise SystemExit(f"no '{needle.decode()}' from {' '.join(command)} within 10 s")
        received += os.read(master, 65536)
    elapsed = (time.perf_counter() - started) * 1000
    process.kill(); process.wait(); os.close(master)
    return elapsed

if __name__ == "__main__":
    runs, commands = int(sys.argv[1]), []
    for argument in sys.argv[2:]:
        if argument == "--":
            commands.append([])
        elif commands:
            commands[-1].append(argument)
    if not commands or any(len(command) < 2 for command in commands):
        raise SystemExit("usage: frame-pty.py RUNS -- NEEDLE COMMAND... [-- NEEDLE COMMAND...]...")
    with tempfile.TemporaryDirectory() as home:
        times = [[] for _ in commands]
        for _ in range(runs):
            for index, (needle, *command) in enumerate(commands):
                times[index].append(frame(command, needle.encode(), home))
    for (needle, *command), measured in zip(commands, times):
        print(f"{statistics.median(measured):7.1f} ms (min {min(measured):5.1f})  {' '.join(command)}")
