#!/usr/bin/env python3
# Keystroke to echo as a ratio to `nano`, the figure the goal is written in: ROUNDS rounds of
# KEYS keys (echo-pty.py's keys, pty, size and note), each round running every BINARY and
# `nano` once in shuffled order, so a build is never always the one that runs while the
# machine is busier. Prints each round's p50s, then the median over rounds of each program's
# p50 and of each build's ratio to `nano` in the same round, with the range.
#
#   Benchmarks/echo-ratio.py ROUNDS KEYS CLEAR BINARY...
#
# `taskset -c 1 Benchmarks/echo-ratio.py ...` puts the harness and the programs on one
# processor, as the pinned figures in Docs/PERFORMANCE.md were taken.
import importlib.util, os, random, shutil, statistics, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("echo_pty", os.path.join(here, "echo-pty.py"))
echo_pty = importlib.util.module_from_spec(spec)
spec.loader.exec_module(echo_pty)

def p50(latencies):
    ordered = sorted(latencies)
    return ordered[len(ordered) // 2] * 1000

def main():
    rounds, keys, clear, binaries = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
    scratch = tempfile.mkdtemp(prefix="pc-echo-ratio-")
    programs = binaries + ["nano"]
    figures = {program: [] for program in programs}
    ratios = {binary: [] for binary in binaries}
    for round in range(rounds):
        order = list(programs)
        random.shuffle(order)
        row = {}
        for program in order:
            if program == "nano":
                nano_file = os.path.join(scratch, f"nano-{round}.txt")
                row[program] = p50(echo_pty.other(["nano", "--ignorercfiles", nano_file], "Help", keys))
            else:
                row[program] = p50(echo_pty.ours(program, keys, clear, scratch))
            figures[program].append(row[program])
        for binary in binaries:
            ratios[binary].append(row[binary] / row["nano"])
        print(f"round {round + 1}: " + ", ".join(f"{program} {row[program]:.3f} ms" for program in programs), flush=True)
    shutil.rmtree(scratch)
    print("median p50: " + ", ".join(f"{program} {statistics.median(values):.3f} ms" for program, values in figures.items()))
    print("median ratio to nano: " + ", ".join(
        f"{binary} {statistics.median(values):.2f}x ({min(values):.2f}-{max(values):.2f})" for binary, values in ratios.items()))

if __name__ == "__main__":
    main()
