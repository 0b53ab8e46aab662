#!/usr/bin/env python3
# Keystroke to echo on a bare pseudo-terminal, for several builds of peerconsult at once, beside
# `nano` and `cat` in the same rounds: pc-bench's echo row, without building the benchmark
# package. Each program gets KEYS two-byte letters one at a time (80x24, TERM=xterm-256color,
# LANG=C.UTF-8), each timed from the write to its bytes coming back, the frame left to finish
# before the next key. In peerconsult the note is typed in the live screen's editor (a new
# session of the default protocol, Space, Enter) and cleared with Ctrl-U every CLEAR keys (0: never), so a run can keep
# the note on one row or let it wrap as pc-bench's does.
#
#   Benchmarks/echo-pty.py ROUNDS KEYS CLEAR BINARY...
import fcntl, os, pty, select, shutil, struct, sys, tempfile, termios, time

LETTERS = "éüßøåçñàèìòùâêîôû"

class Pty:
    def __init__(self, command):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ.update(TERM="xterm-256color", LANG="C.UTF-8", SWIFT_BACKTRACE="interactive=no")
            os.execvp(command[0], command)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.output = bytearray()

    def pump(self, timeout):
        if not select.select([self.fd], [], [], timeout)[0]:
            return 0
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return 0
        self.output.extend(data)
        return len(data)

    def wait_for(self, text, timeout=30):
        needle, end = text.encode(), time.time() + timeout
        while needle not in self.output:
            if time.time() > end:
                raise SystemExit(f"never saw {text!r}")
            self.pump(0.05)

    def settle(self):
        while self.pump(0.005):
            pass

    def echo(self, keys, clear):
        latencies = []
        for index in range(keys):
            letter = LETTERS[index % len(LETTERS)].encode()
            mark, started = len(self.output), time.perf_counter()
            os.write(self.fd, letter)
            while self.output.find(letter, mark) < 0:
                if not self.pump(5):
                    raise SystemExit("no echo within 5 s")
            latencies.append(time.perf_counter() - started)
            self.settle()
            if clear and index % clear == clear - 1:
                os.write(self.fd, b"\x15")
                self.settle()
        return latencies

    def stop(self):
        os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)
        os.close(self.fd)

def ours(binary, keys, clear, scratch):
    data = tempfile.mkdtemp(dir=scratch)
    shutil.rmtree(data)
    process = Pty([binary, "run", "--data-dir", data, "--title", "Alcohol Plan SLG 3", "--participant", "Zoë Müller;City Council;senior",
                   "--participant", "王小明;Police;middle"])
    process.wait_for("Speaks now"); os.write(process.fd, b" ")
    process.wait_for("pause"); os.write(process.fd, b"\r")
    process.wait_for("Note ▸"); process.settle()
    latencies = process.echo(keys, clear)
    process.stop()
    return latencies

def other(command, ready, keys):
    process = Pty(command)
    process.wait_for(ready); process.settle()
    latencies = process.echo(keys, 0)
    process.stop()
    return latencies

def figure(latencies):
    ordered = sorted(latencies)
    return f"{ordered[len(ordered) // 2] * 1000:.3f} / {ordered[int(len(ordered) * 0.99)] * 1000:.3f} ms"

def main():
    rounds, keys, clear, binaries = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
    scratch = tempfile.mkdtemp(prefix="pc-echo-")
    print(f"| round | {' | '.join(binaries)} | nano | cat |   (p50 / p99)")
    for round in range(rounds):
        row = [figure(ours(binary, keys, clear, scratch)) for binary in binaries]
        nano_file = os.path.join(scratch, f"nano-{round}.txt")
        row.append(figure(other(["nano", "--ignorercfiles", nano_file], "Help", keys)))
        row.append(figure(other(["sh", "-c", "stty raw -echo; echo ready; exec cat"], "ready", keys)))
        print(f"| {round + 1} | {' | '.join(row)} |", flush=True)
    shutil.rmtree(scratch)

if __name__ == "__main__":
    main()
