#!/usr/bin/env python3
# Instructions per keystroke, counted by Valgrind's callgrind: the same keys as echo-pty.py,
# typed into peerconsult's note editor or into `nano`, counted from the first key to the last.
# A count does not move with the machine's load, so it shows what a change to a key's path
# saves when the wall-clock figures of echo-pty.py are within each other's noise.
#
#   Benchmarks/echo-callgrind.py KEYS CLEAR PROGRAM...
#
# PROGRAM is a peerconsult binary or `nano`. Valgrind 3.19 cannot read the DWARF of the static
# release build, so a copy without its debug information is counted (`objcopy --strip-debug`,
# which keeps the symbols). Needs `valgrind` (Debian's package). Prints one line a program:
# instructions per key (its startup and the editor's opening are not counted), and the
# callgrind file for `callgrind_annotate`.
import importlib.util, os, shutil, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("echo_pty", os.path.join(here, "echo-pty.py"))
echo_pty = importlib.util.module_from_spec(spec)
spec.loader.exec_module(echo_pty)

def count(program, keys, clear, scratch):
    out = os.path.join(scratch, os.path.basename(program) + ".callgrind")
    valgrind = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
    if program == "nano":
        process = echo_pty.Pty(valgrind + ["nano", "--ignorercfiles", os.path.join(scratch, "nano.txt")])
        process.wait_for("Help", 120)
    else:
        stripped = os.path.join(scratch, os.path.basename(program))
        subprocess.run(["objcopy", "--strip-debug", program, stripped], check=True)
        data = os.path.join(scratch, "data")
        process = echo_pty.Pty(valgrind + [stripped, "run", "--data-dir", data, "--title", "Alcohol Plan SLG 3",
                                           "--participant", "Zoë Müller;City Council;senior",
                                           "--participant", "王小明;Police;middle"])
        process.wait_for("Speaks now", 120); os.write(process.fd, b" ")
        process.wait_for("pause", 60); os.write(process.fd, b"\r")
        process.wait_for("Note ▸", 60)
    time.sleep(0.5); process.settle()
    # Zero the counts before the first key and dump them after the last.
    subprocess.run(["callgrind_control", "-z", str(process.pid)], capture_output=True, check=True)
    process.echo(keys, clear)
    subprocess.run(["callgrind_control", "-d", str(process.pid)], capture_output=True, check=True)
    time.sleep(1)
    process.stop()
    dumps = [name for name in os.listdir(scratch) if name.startswith(os.path.basename(out) + ".")]
    dump = os.path.join(scratch, sorted(dumps)[-1])
    total = max(int(line.split()[1]) for line in open(dump, errors="replace")
                if line.startswith(("summary:", "totals:")))
    return total / keys, dump

def main():
    keys, clear, programs = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    for program in programs:
        scratch = tempfile.mkdtemp(prefix="pc-callgrind-")
        per_key, dump = count(program, keys, clear, scratch)
        kept = os.path.join(tempfile.gettempdir(), f"echo-{os.path.basename(program)}.callgrind")
        shutil.copy(dump, kept)
        shutil.rmtree(scratch)
        print(f"{program}: {per_key / 1000:.1f}k instructions a key ({kept})", flush=True)

if __name__ == "__main__":
    main()
