import Foundation

/// Keeps up with a session that another program is facilitating, for the room display:
/// reads it through a read-only opening, again only when another connection committed, and
/// asks the session's lock whether it is being run.
///
/// It never writes, never takes a write lock and never delays the facilitator's commit: its
/// one connection only reads, and between reads it holds no transaction.
public final class SessionFollower {
  /// Where the session lives; only ever read.
  public let database: AppDatabase
  public let dataDirectory: URL
  /// The session followed.
  public private(set) var session: SessionID
  /// The session as last committed.
  public private(set) var state: SessionState
  /// Whether a program holds the session's lock (``SessionLock``): it is being facilitated.
  /// Told from the lock, never guessed from how long nothing changed.
  public private(set) var isLive: Bool
  /// Whether the session was asked for as `latest`: then the follower moves on to a session
  /// another program runs, once the one it shows is finished, or while that one is not run
  /// and was never seen running here.
  public let followsLatest: Bool
  /// Whether this follower has seen its session being run. From then on, following the
  /// latest, it stays with that session until it finishes: a room display that jumped to any
  /// session started meanwhile (a co-facilitator's test) while the facilitator resumed, or
  /// after a crash, put the wrong session on the projector.
  private var hasSeenItRun: Bool
  /// Where the session comes from when another machine runs it; nil: this folder's programs.
  public let source: (any FollowSource)?
  private var version: Int

  /// How long after a file-change notification a commit is awaited, and how often it is
  /// looked for meanwhile. SQLite writes a commit's pages to the `-wal` file before the commit
  /// is visible (it then syncs the file and only then marks the commit in the shared memory,
  /// which inotify does not see), so the look a notification starts can come a little early.
  public static let commitWait: TimeInterval = 0.25
  public static let commitPollMilliseconds = 5

  /// Follows `session`, or with nil the latest (``latest(in:dataDirectory:)``); `source`
  /// says whether it runs when it is copied in from elsewhere.
  public init(
    database: AppDatabase, dataDirectory: URL, session: SessionID?,
    source: (any FollowSource)? = nil
  ) throws {
    self.database = database
    self.dataDirectory = dataDirectory
    self.source = source
    followsLatest = session == nil && source == nil
    // The version first: a commit between the two reads is then seen by the next refresh.
    version = try database.dataVersion()
    let id = try session ?? Self.latest(in: database, dataDirectory: dataDirectory)
    self.session = id
    state = try database.loadSession(id)
    isLive = source?.isLive(id) ?? SessionLock.isLive(id, in: dataDirectory)
    hasSeenItRun = isLive && !state.isFinished
  }

  /// Follows the latest session (``latest(in:dataDirectory:)``), or gives nil while there is
  /// none to follow: no database yet (`database` nil) or none in it. The room display then
  /// waits for a session to start and asks again.
  public static func latestWhenAny(database: AppDatabase?, dataDirectory: URL) throws
    -> SessionFollower?
  {
    guard let database else { return nil }
    do {
      return try SessionFollower(database: database, dataDirectory: dataDirectory, session: nil)
    } catch StoreError.noSessions {
      return nil
    }
  }

  /// The session a room display shows when none is named: the most recently written
  /// unfinished session that a program is running, else the most recently written
  /// unfinished one, else the newest (which shows as finished).
  public static func latest(in database: AppDatabase, dataDirectory: URL) throws -> SessionID {
    let unfinished = try database.unfinishedSessions()
    if let live = unfinished.first(where: { SessionLock.isLive($0.id, in: dataDirectory) }) {
      return live.id
    }
    if let recent = unfinished.first { return recent.id }
    return try database.resolveSession("latest")
  }

  /// The most recently written unfinished session that a program is running, if any.
  public static func running(in database: AppDatabase, dataDirectory: URL) throws -> SessionID? {
    try database.unfinishedSessions().first { SessionLock.isLive($0.id, in: dataDirectory) }?.id
  }

  /// Reads again whatever changed since the last call: the session when another connection
  /// committed (one pragma tells), and its lock. Returns whether anything did; throws
  /// ``FollowSourceProblem`` after reading when the source cannot be reached.
  @discardableResult
  public func refresh() throws -> Bool {
    let changed = try refreshFolder()
    if let problem = source?.problem { throw FollowSourceProblem(problem) }
    return changed
  }

  /// ``refresh()`` of the data folder alone.
  private func refreshFolder() throws -> Bool {
    let newVersion = try database.dataVersion()
    let wasLive = isLive
    isLive = source?.isLive(session) ?? SessionLock.isLive(session, in: dataDirectory)
    var changed = isLive != wasLive
    if newVersion != version {
      version = newVersion
      let newState = try database.loadSession(session)
      changed = changed || newState != state
      state = newState
    }
    if followsLatest, let next = try nextSession(), next != session {
      session = next
      state = try database.loadSession(next)
      isLive = SessionLock.isLive(next, in: dataDirectory)
      hasSeenItRun = isLive && !state.isFinished
      return true
    }
    if isLive && !state.isFinished { hasSeenItRun = true }
    return changed
  }

  /// Where a follower of the latest goes next, if anywhere: from a finished session to one
  /// being run; from an unfinished one it never saw run, while that is not run, to the latest.
  private func nextSession() throws -> SessionID? {
    if state.isFinished { return try Self.running(in: database, dataDirectory: dataDirectory) }
    guard !isLive && !hasSeenItRun else { return nil }
    return try Self.latest(in: database, dataDirectory: dataDirectory)
  }
}

@available(*, unavailable, message: "A follower belongs to one thread, the display's.")
extension SessionFollower: Sendable {}
