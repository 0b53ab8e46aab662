#!/usr/bin/env python3
"""Room display across machines (Docs/PERFORMANCE.md, "Following through a shared store"):
how soon a change committed on the server reaches `peerconsult follow --store`'s screen, in a
pseudo-terminal, against a throwaway PostgreSQL cluster on 127.0.0.1 (removed at the end).

    Benchmarks/store-follow.py BINARY [COUNT]

BINARY: a release `peerconsult`. A session is made ready, started and paused by importing it,
then COUNT (default 200) time adjustments are committed on the server one at a time, each in
one transaction (the event and the log's new length, as `sync` writes them) through a psql
kept open. For each: the commit's own round trip (psql's COMMIT back: the baseline, the
floor any follower pays) and the time from that COMMIT to the display's first byte after it
(paused, the display draws nothing unless something changes). Whole process, release."""
import datetime, json, os, pty, random, select, shutil, sqlite3, subprocess, sys, tempfile, time

binary = os.path.realpath(sys.argv[1])
count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
bins = sorted(
    (os.path.join("/usr/lib/postgresql", v, "bin") for v in os.listdir("/usr/lib/postgresql")),
    key=lambda p: [int(x) for x in p.split("/")[-2].split(".") if x.isdigit()])[-1]
scratch = tempfile.mkdtemp(prefix="pc-follow-bench-")
port = 20000 + random.randrange(20000)
root = os.getuid() == 0


def as_pg(args, **kw):
    return subprocess.run((["runuser", "-u", "postgres", "--"] if root else []) + args,
                          check=True, capture_output=True, **kw)


def psql(sql):
    return subprocess.run(["psql", "-X", "-At", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
                           str(port), "-U", "postgres", "-d", "bench", "-c", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


follower = None
try:
    if root:
        shutil.chown(scratch, "postgres")
    as_pg([bins + "/initdb", "-D", scratch + "/pg", "-U", "postgres", "--auth=trust", "-E",
           "UTF8"])
    with open(scratch + "/pg/pg_hba.conf", "w") as hba:
        hba.write("host all postgres 127.0.0.1/32 trust\n"
                  "host all all 127.0.0.1/32 scram-sha-256\n")
    as_pg([bins + "/pg_ctl", "-D", scratch + "/pg", "-l", scratch + "/pg.log", "-w", "-o",
           f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={scratch}",
           "start"])
    subprocess.run(["psql", "-X", "-q", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres",
                    "-d", "postgres", "-c", "CREATE DATABASE bench"], check=True)
    environment = dict(os.environ, PGPASSWORD="bench-password", HOME=scratch, LANG="C.UTF-8",
                       TERM="xterm-256color", TZ="UTC")
    environment.pop("NO_COLOR", None)

    def run(*arguments, data):
        subprocess.run([binary, *arguments, "--data-dir", data], env=environment, check=True,
                       capture_output=True)

    url = f"postgres://postgres@127.0.0.1:{port}/bench?sslmode=disable"
    run("store", "init", url, data=scratch + "/admin")
    psql("CREATE ROLE wall LOGIN PASSWORD 'bench-password'; "
         "GRANT peerconsult_facilitator TO wall; "
         "INSERT INTO peerconsult.programmes (name) VALUES ('Alcohol Plan'); "
         "INSERT INTO peerconsult.grants SELECT 'wall', id FROM peerconsult.programmes;")

    # The facilitator's session: set up, started, paused, then COUNT time adjustments, made
    # as an export and imported, so that every event is one PeerConsult wrote.
    session = "5f" + "0" * 30
    participants = [{"name": "Zoë Müller", "organisation": "City Council", "level": "senior"},
                    {"name": "Amira O'Neill", "organisation": "NHS Trust", "level": "frontline"}]
    golden = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                          "Tests/PeerConsultKitTests/Golden/sessions.json")
    with open(golden) as file:
        template = json.load(file)
    created = template["sessions"][0]["events"][0]
    created["setup"]["programme"] = "Alcohol Plan"
    created["setup"]["title"] = "Followed through the store"
    created["setup"].pop("group", None)
    events = [created,
              {"at": "2027-01-15T08:00:12.500Z", "seq": 2, "slot": 0, "type": "phaseStarted"},
              {"at": "2027-01-15T08:00:13.500Z", "seq": 3, "type": "paused"}]
    for index in range(count):
        at = datetime.datetime(2027, 1, 15, 8, 1) + datetime.timedelta(seconds=index)
        events.append({"at": at.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                       "seq": 4 + index, "seconds": 60 if index % 2 == 0 else -60,
                       "type": "timeAdjusted"})
    template["sessions"] = [{"id": session, "events": events}]
    template.pop("groups", None)
    export = scratch + "/session.json"
    with open(export, "w") as file:
        json.dump(template, file)
    facilitator = scratch + "/facilitator"
    run("import", export, data=facilitator)
    database = sqlite3.connect(facilitator + "/peerconsult.sqlite")
    rows = database.execute(
        "SELECT seq, at, type, payload FROM events WHERE session_id = ? ORDER BY seq",
        (session,)).fetchall()
    database.close()
    assert len(rows) == 3 + count, len(rows)

    def quote(text):
        return "'" + text.replace("'", "''") + "'"

    def insert(row):
        seq, at, kind, payload = row
        return (f"INSERT INTO peerconsult.session_events (session_id, seq, at, type, payload) "
                f"VALUES ('{session}', {seq}, {at}, '{kind}', {quote(payload)});")

    psql("BEGIN; INSERT INTO peerconsult.sessions (id, programme_id, last_seq) "
         f"SELECT '{session}', id, 3 FROM peerconsult.programmes; "
         + "".join(insert(row) for row in rows[:3]) + " COMMIT;")

    display_data = scratch + "/display"
    run("store", "add", "bench", f"postgres://wall@127.0.0.1:{port}/bench?sslmode=disable",
        data=display_data)
    pid, terminal = pty.fork()
    if pid == 0:
        os.execve(binary, [binary, "follow", "--store", "bench", session[:8], "--data-dir",
                           display_data], environment)
    follower = pid
    import fcntl, struct, termios
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    screen = b""

    def pump(timeout):
        global screen
        ready, _, _ = select.select([terminal], [], [], timeout)
        if not ready:
            return 0
        chunk = os.read(terminal, 65536)
        screen += chunk
        return len(chunk)

    started = time.time()
    while b"PAUSED" not in screen:
        if time.time() - started > 20:
            raise SystemExit("the display never showed the paused session")
        pump(0.5)
    settle = time.time()
    while time.time() - settle < 2.5:
        pump(0.1)

    writer = subprocess.Popen(
        ["psql", "-X", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", "bench"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    commits, arrivals = [], []
    for index in range(count):
        time.sleep(0.04 + (index * 7919 % 60000) / 1e6)
        while pump(0) > 0:
            pass
        row = rows[3 + index]
        sent = time.time()
        writer.stdin.write(f"BEGIN; {insert(row)} UPDATE peerconsult.sessions SET last_seq = "
                           f"{row[0]}, updated_at = now() WHERE id = '{session}'; COMMIT;\n")
        writer.stdin.flush()
        while writer.stdout.readline().strip() != "COMMIT":
            pass
        committed = time.time()
        arrived = None
        while arrived is None and time.time() - committed < 5:
            if pump(0.5) > 0:
                arrived = time.time()
        if arrived is None:
            raise SystemExit(f"change {index} never reached the display")
        commits.append(committed - sent)
        arrivals.append(arrived - committed)
    with open(f"/proc/{follower}/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM"))
    writer.stdin.close()
    writer.wait()
    print(f"load: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")
    print(f"changes: {count}")
    print(f"commit on the server to the follower's screen: p50 {ms(percentile(arrivals, 0.5))}, "
          f"p99 {ms(percentile(arrivals, 0.99))}, max {ms(max(arrivals))} (goal: p99 <= 300 ms)")
    print(f"baseline, the commit's own round trip (psql): p50 {ms(percentile(commits, 0.5))}, "
          f"p99 {ms(percentile(commits, 0.99))}")
    print(f"follower's peak resident memory: {int(peak) // 1024} MB")
finally:
    if follower:
        try:
            os.kill(follower, 15)
            os.waitpid(follower, 0)
        except OSError:
            pass
    subprocess.run((["runuser", "-u", "postgres", "--"] if root else [])
                   + [bins + "/pg_ctl", "-D", scratch + "/pg", "-m", "immediate", "stop"],
                   capture_output=True)
    shutil.rmtree(scratch, ignore_errors=True)
