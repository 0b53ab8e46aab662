import Foundation
import PeerConsultKit
import PostgresNIO

/// One writer per session across machines: a row on the server that names the data folder
/// running or writing a session, renewed while it runs and gone when it lets go. A second
/// machine is refused while the row is there; a row whose holder stopped renewing (a crash, a
/// lost network) expires, and only an explicit take-over (`resume --take-over`) replaces it,
/// so nobody loses a session's notes by accident.
///
/// The server's clock decides expiry (`now()` on both sides of the comparison), so machines
/// whose clocks disagree still agree on who holds a session.
public enum StoreLease {
  /// How long a lease lasts after its last renewal, unless `PEERCONSULT_LEASE_SECONDS` says
  /// otherwise: long enough that a busy network does not lose it, short enough that a crashed
  /// laptop's session can be taken over within the break.
  public static let defaultSeconds = 60
  /// The range `PEERCONSULT_LEASE_SECONDS` may choose from.
  public static let allowedSeconds = 2...3600

  /// The lease's length for this process: `PEERCONSULT_LEASE_SECONDS` when it holds a whole
  /// number in ``allowedSeconds``, else ``defaultSeconds``.
  public static func seconds(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> Int
  {
    guard let text = environment["PEERCONSULT_LEASE_SECONDS"], let value = Int(text),
      allowedSeconds.contains(value)
    else { return defaultSeconds }
    return value
  }

  /// The server migration that adds the leases: appended to `ServerSchema.migrations`.
  static let migration = """
    -- One writer per session: who runs or writes it now, and until when without renewal.
    CREATE TABLE peerconsult.session_leases (
      session_id text PRIMARY KEY CHECK (session_id ~ '^[0-9a-f]{32}$'),
      programme_id uuid NOT NULL REFERENCES peerconsult.programmes ON DELETE CASCADE,
      holder_id text NOT NULL CHECK (length(holder_id) BETWEEN 1 AND 64),
      holder text NOT NULL CHECK (length(holder) BETWEEN 1 AND 200),
      login name NOT NULL DEFAULT current_user,
      since timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );
    GRANT SELECT, INSERT, UPDATE, DELETE ON peerconsult.session_leases TO peerconsult_facilitator;
    ALTER TABLE peerconsult.session_leases ENABLE ROW LEVEL SECURITY;
    CREATE POLICY granted_leases ON peerconsult.session_leases FOR ALL TO peerconsult_facilitator
      USING (programme_id IN (SELECT programme_id FROM peerconsult.grants WHERE login = current_user))
      WITH CHECK (programme_id IN (SELECT programme_id FROM peerconsult.grants WHERE login = current_user));
    """

  /// Who holds a lease, as the refusal names it.
  public struct Holding: Hashable, Sendable {
    /// The holder's name: `user@machine`.
    public let holder: String
    public let since: Date
    public let expiresAt: Date
    /// Whether it had expired when the server was asked.
    public let expired: Bool
  }

  /// The one line that refuses a session another machine holds: who, since when, and what to
  /// do, which depends on whether the lease is still renewed.
  static func refusal(
    session: String, holding: Holding, takeOver: Bool, time: ReadableTime = ReadableTime()
  ) -> String {
    let who =
      "Session \(session) is held by \(holding.holder) since \(time.dayAndTime(holding.since))"
    if holding.expired {
      return who
        + " but its lease expired at \(time.time(holding.expiresAt)) (that program stopped "
        + "without letting go); nothing was changed: if nobody runs it there any more, take it "
        + "over with `peerconsult resume \(session) --take-over`."
    }
    return who
      + (takeOver ? ", still renewed until \(time.time(holding.expiresAt))" : "")
      + "; nothing was changed: ask them to leave it, or, if that machine stopped, wait until "
      + "its lease expires (\(time.time(holding.expiresAt)) unless renewed) and run "
      + "`peerconsult resume \(session) --take-over`."
  }

  /// Takes or renews `session`'s lease for `holder`, for ``seconds(environment:)`` from the
  /// server's now: nil when taken, else who holds it. Another holder's lease is replaced only
  /// with `takeOver` and only once it has expired.
  static func take(
    _ session: SessionID, programme: String, holder: LeaseHolder, seconds: Int, takeOver: Bool,
    on connection: StoreConnection
  ) async throws(StoreSetupError) -> Holding? {
    let rows = try await connection.rows(
      """
      INSERT INTO peerconsult.session_leases
        (session_id, programme_id, holder_id, holder, expires_at)
      VALUES (\(session.rawValue), CAST(\(programme) AS uuid), \(holder.id), \(holder.name),
        now() + make_interval(secs => \(seconds)))
      ON CONFLICT (session_id) DO UPDATE SET
        since = CASE WHEN session_leases.holder_id = excluded.holder_id
          THEN session_leases.since ELSE now() END,
        holder_id = excluded.holder_id, holder = excluded.holder, login = current_user,
        expires_at = excluded.expires_at
      WHERE session_leases.holder_id = excluded.holder_id
        OR (\(takeOver) AND session_leases.expires_at < now())
      RETURNING 1
      """)
    var taken = false
    do {
      for try await _ in rows { taken = true }
    } catch {
      throw StoreConnection.describe(error, at: connection.address, hadPassword: true)
    }
    guard !taken else { return nil }
    guard let holding = try await holding(of: session, on: connection) else {
      // Let go between the two statements: the next attempt takes it.
      throw .server("the session's lease changed hands while it was taken; try again")
    }
    return holding
  }

  /// Who holds `session`'s lease, if anyone.
  static func holding(of session: SessionID, on connection: StoreConnection)
    async throws(StoreSetupError) -> Holding?
  {
    let rows = try await connection.rows(
      """
      SELECT left(holder, 200), since, expires_at, expires_at < now()
      FROM peerconsult.session_leases WHERE session_id = \(session.rawValue)
      """)
    do {
      for try await (holder, since, expires, expired) in rows.decode(
        (String, Date, Date, Bool).self)
      {
        return Holding(
          holder: oneLine(holder), since: since, expiresAt: expires, expired: expired)
      }
    } catch {
      throw StoreConnection.describe(error, at: connection.address, hadPassword: true)
    }
    return nil
  }

  /// Lets go of `session`'s lease, if `holder` holds it.
  static func release(_ session: SessionID, holder: LeaseHolder, on connection: StoreConnection)
    async throws(StoreSetupError)
  {
    try await connection.run(
      """
      DELETE FROM peerconsult.session_leases
      WHERE session_id = \(session.rawValue) AND holder_id = \(holder.id)
      """)
  }
}

/// The data folder that holds leases: an id the server compares, and a name a person reads.
public struct LeaseHolder: Hashable, Sendable {
  /// Stable for one data folder on one machine, so the program that restarts after a crash
  /// in the same folder holds its own lease again without a take-over (the folder's lock file
  /// already keeps two programs of one folder apart).
  public let id: String
  /// `user@machine`, as the refusal on another machine names it.
  public let name: String

  public init(id: String, name: String) {
    self.id = id
    self.name = name
  }

  /// The holder for `dataDirectory` on this machine, for this user.
  public static func current(dataDirectory: URL) -> LeaseHolder {
    let machine = ProcessInfo.processInfo.hostName
    let user =
      getpwuid(geteuid()).flatMap { String(validatingCString: $0.pointee.pw_name) }
      ?? ProcessInfo.processInfo.environment["USER"] ?? "someone"
    let place = dataDirectory.standardizedFileURL.resolvingSymlinksInPath().path
    return LeaseHolder(
      id: fingerprint("\(machine)\u{0}\(user)\u{0}\(place)"),
      name: String("\(user)@\(machine)".prefix(200)))
  }

  /// 64 bits of FNV-1a over `text`, in hexadecimal: stable across runs (unlike `hashValue`).
  private static func fingerprint(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return String(hash, radix: 16)
  }
}
