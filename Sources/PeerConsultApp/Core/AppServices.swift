import Foundation
import PeerConsultKit
import TerminalKit

/// Performs the commands that need the outside world (files, the database) and reports each
/// as a ``ServiceResult``: the only impure part of the app besides the terminal. It decides
/// no navigation and writes no words for the user; the screens do.
public final class AppServices {
  public let location: DataLocation
  public let clock: any WallClock
  private let openStore: () throws -> AppDatabase
  private let openReader: () throws -> AppDatabase?
  private var openedStore: AppDatabase?
  private var openedReader: AppDatabase?
  /// How many times the database was opened, and which of those openings gave
  /// ``openedStore`` and ``openedReader``: a ``StoreVersion`` names its opening.
  private var openings = 0
  private var storeOpening = 0
  private var readerOpening = 0
  /// Makes the id of each new session (fixed in tests).
  private let makeSessionID: () -> SessionID
  /// Writes an export as a private file (`PrivateFile.write`; confined to a folder in the
  /// random-key attacks, which may type any path).
  let writeExport: (_ text: String, _ to: URL, _ replacing: Bool) throws -> Void
  /// The session being facilitated, if any.
  public private(set) var live: LiveSession? {
    didSet { holdLock(of: live?.id) }
  }
  /// The lock that tells other programs ``live`` is being facilitated here.
  private var liveLock: SessionLock?
  /// The store's ``AppDatabase/dataVersion()`` when ``live`` last took in others' writes: it
  /// changes only when another program commits.
  private var seenDataVersion: Int?
  /// The session last let go unfinished, so the command line can say how to resume it.
  public private(set) var leftUnfinished: SessionID?
  /// The files the screens wrote exports to, so the command line can say so once the
  /// screens are gone.
  public internal(set) var sharesWritten: [String] = []
  /// The session the room display follows, read-only.
  private var follower: SessionFollower?
  /// Whether the room display follows the latest session and may be waiting for a first one
  /// to start (``follower`` nil until then).
  private var waitsForSession = false
  /// Where a followed session comes from when another machine runs it (`follow --store`).
  public var followSource: (any FollowSource)?
  /// Wakes the loop when the data folder's files are written while following.
  private var changes: FileChangeWatch?
  /// Until when to look again soon after a wake-up that showed nothing new yet.
  private var recheckUntil: Date?
  /// A shared store's claims on sessions and its background push, when the data folder shares
  /// a programme with one (the executable supplies it; nil otherwise and in most tests).
  public var liveSync: (any LiveSync)?

  /// - Parameters:
  ///   - openStore: opens the database for writing on first use, creating it if need be, so
  ///     screens that need no database (the protocol browser) work even when the data folder
  ///     is unusable.
  ///   - openReader: opens the database for reading on first use, or gives nil when there is
  ///     none yet: nothing is created just to look.
  ///   - writeExport: writes an export the review before sharing made.
  public init(
    location: DataLocation, clock: any WallClock,
    makeSessionID: @escaping () -> SessionID = { .random() },
    openStore: @escaping () throws -> AppDatabase,
    openReader: @escaping () throws -> AppDatabase?,
    writeExport: @escaping (String, URL, Bool) throws -> Void = {
      try PrivateFile.write($0, to: $1, replacing: $2)
    }
  ) {
    self.location = location
    self.clock = clock
    self.makeSessionID = makeSessionID
    self.writeExport = writeExport
    self.openStore = openStore
    self.openReader = openReader
  }

  /// The database for writing, opened on first use. Its check-points wait for the loop's
  /// idle moments (``tidyStore()``), so that no note's acknowledgement waits for one.
  public func store() throws -> AppDatabase {
    if let openedStore { return openedStore }
    let store = try openStore()
    store.deferCheckpoints()
    openedStore = store
    openings += 1
    storeOpening = openings
    return store
  }

  /// Does the database's housekeeping that no key or note waits for: a check-point once it
  /// is due (``AppDatabase/checkpointIfDue()``). The loop calls it when a frame is drawn and
  /// no input waits.
  public func tidyStore() {
    openedStore?.checkpointIfDue()
  }

  /// Closes the database opened for writing, if any: the screens' way out, so that the next
  /// program finds it closed cleanly and need not read every page (`OpeningMarker`). A later
  /// command that writes opens it again.
  public func closeStore() {
    try? openedStore?.close()
    openedStore = nil
  }

  /// Carries out `command` and reports what came of it.
  public func perform(_ command: AppCommand) -> ServiceResult {
    do {
      return try result(of: command)
    } catch {
      let stored: SessionID
      switch command {
      case .setStoredActionDone(let id, _, _), .editStoredNote(let id, _, _): stored = id
      case .session(.startWithNote):
        // The start may be stored and the note not: the screen shows the phase running, and
        // the shared store is given the start as any stored event is.
        if let live { liveSync?.committed(live.id) }
        return .failed(command, error: "\(error)", latest: live?.state)
      default: return .failed(command, error: "\(error)", latest: nil)
      }
      // Another PeerConsult may have changed the session: the screen shows it as it now is,
      // and when even that read fails, the user is told both.
      do {
        return .failed(command, error: "\(error)", latest: try store().loadSession(stored))
      } catch let reread {
        return .failed(
          command,
          error: "\(error) The session could not be read again either (\(reread)).",
          latest: nil)
      }
    }
  }

  private func result(of command: AppCommand) throws -> ServiceResult {
    switch command {
    case .loadProtocols:
      let library = ProtocolLibrary.load(
        from: location.protocolsDirectory, shouldStop: { TerminalRestorer.hasPendingSignal })
      return .protocolsLoaded(
        protocols: library.protocols, problems: library.problems.map(\.description))
    case .loadSetup:
      let library = ProtocolLibrary.load(
        from: location.protocolsDirectory, shouldStop: { TerminalRestorer.hasPendingSignal })
      // The form opens even when earlier programmes cannot be read; the screen says why
      // none are suggested.
      var programmes: [String] = []
      var groups: [SetupState.GroupChoice] = []
      var programmesError: String?
      do {
        programmes = try database()?.programmeNames() ?? []
        groups = try groupChoices()
      } catch {
        programmes = []
        groups = []
        programmesError = "\(error)"
      }
      return .setupLoaded(
        protocols: library.protocols, problems: library.problems.map(\.description),
        programmes: programmes, programmesError: programmesError, groups: groups)
    case .startSession(let setup):
      // Ready, not running: set-up, check-in chatter and latecomers cost no phase time.
      let session = try LiveSession.create(
        setup, id: makeSessionID(), store: store(), clock: clock)
      facilitate(session, holding: nil)
      return .sessionOpened(session.id, session.state)
    case .countUnfinished:
      guard let unfinished = try database()?.unfinishedAtAGlance() else {
        return .unfinishedCounted(0, resumable: nil)
      }
      // The last touched of those no other window is running: one running elsewhere cannot
      // be resumed here, while the one that crashed before it can.
      let latest = unfinished.latest.first {
        !SessionLock.isLive($0.id, in: location.dataDirectory)
      }
      return .unfinishedCounted(unfinished.count, resumable: latest?.touched)
    case .listUnfinished:
      let sessions = try database()?.unfinishedSessions() ?? []
      let elsewhere = sessions.map(\.id).filter {
        $0 != live?.id && SessionLock.isLive($0, in: location.dataDirectory)
      }
      return .unfinishedListed(sessions, openElsewhere: Set(elsewhere))
    case .resume(let id):
      let lock = try claim(id)
      try claimOnStore([id])
      // A session left before its start stays ready.
      let session = try LiveSession.resume(id, store: store(), clock: clock)
      facilitate(session, holding: lock)
      return .sessionOpened(session.id, session.state)
    case .reopen(let id):
      let lock = try claim(id)
      try claimOnStore([id])
      let session = try LiveSession.resume(id, store: store(), clock: clock)
      if session.state.isFinished { try session.previous() }
      facilitate(session, holding: lock)
      liveSync?.committed(id)
      return .sessionOpened(session.id, session.state)
    case .refreshLiveSession:
      guard let session = live else { return .liveSessionRefreshed(nil) }
      // Asked before reading, so that a commit made meanwhile is taken in now or next time.
      let version = try store().dataVersion()
      guard version != seenDataVersion else { return .liveSessionRefreshed(nil) }
      seenDataVersion = version
      return .liveSessionRefreshed(try session.catchUp() ? session.state : nil)
    case .session(let sessionCommand):
      let result = try perform(sessionCommand)
      // Stored: the store gets it in the background.
      if let live { liveSync?.committed(live.id) }
      return result
    case .leaveSession(let draft, let forgetting):
      if let live {
        if let draft {
          try store().keepDraft(draft, of: live.id, at: clock.now())
        } else if forgetting {
          try store().dropDraft(of: live.id)
        }
      }
      leftUnfinished = live.flatMap { $0.state.isFinished ? nil : $0.id }
      if let live { liveSync?.ended(live.id) }
      let resume = location.command("resume \(live?.id.short ?? "latest")")
      live = nil
      return .sessionLeft(resume: resume)
    case .loadReview, .loadReviewSessions, .loadEveryReviewSession:
      guard let database = try database() else {
        return .reviewLoaded(sessions: [], programmes: [], total: 0, hasDatabase: false)
      }
      // The first frame needs a page: more, or every session, are read when the list asks.
      var (sessions, total) = ([SessionListing](), 0)
      switch command {
      case .loadReview:
        (sessions, total) = try database.newestSessions(limit: ReviewState.pageSize)
      case .loadReviewSessions(let count):
        (sessions, total) = try database.newestSessions(limit: count)
        // Fewer than asked while more are counted: a session is counted but not listed (one
        // without its summary row, in a file edited by hand). Which, and how many older ones
        // there are, cannot be told from the page: every session is read, as all there are to
        // list, so the list neither asks again nor stops short of older sessions.
        if sessions.count < min(count, total) {
          sessions = try database.sessions()
          total = sessions.count
        }
      default:
        sessions = try database.sessions()
        total = sessions.count
      }
      return .reviewLoaded(
        sessions: sessions, programmes: try database.programmeNames(), total: total,
        hasDatabase: true,
        // Only a longer list may keep what its filter read (the first page replaces all).
        dataVersion: command == .loadReview ? nil : version(of: database))
    case .loadReviewFilter:
      guard let database = try database() else { return .reviewFilterLoaded([]) }
      // Asked before the read: a write by another program during it changes the number.
      let version = version(of: database)
      return .reviewFilterLoaded(try database.reviewFilterEntries(), dataVersion: version)
    case .loadReviewListings(let ids):
      return .reviewListingsLoaded(try database()?.sessions(ids) ?? [])
    case .searchNotes(let query, let programme):
      guard !NoteSearchQuery(query).isEmpty, let database = try database() else {
        return .searched(query: nil, hits: [])
      }
      return .searched(
        query: query,
        hits: try database.searchNotes(query, programme: programme, limit: ReviewState.hitLimit))
    case .loadProgrammeOverview(let programme):
      guard let database = try database() else { throw StoreError.noSessions }
      return .programmeOverviewLoaded(
        try database.programmeOverview(programme, now: clock.now()))
    case .loadTags(let programme):
      return .tagsLoaded(try database()?.tagCounts(programme: programme).map(\.tag) ?? [])
    case .openTranscript(let id, let note):
      guard let database = try database() else { throw StoreError.noSuchSession(id.rawValue) }
      return .transcriptLoaded(id, try database.loadSession(id), note: note)
    case .setStoredActionDone(let id, let note, let done):
      // Through LiveSession, so the change is one more event in the session's history.
      return try writingStored(id) { session in
        try session.setActionDone(note, done)
        return .actionMarked(note: note, done: done, session: session.state)
      }
    case .editStoredNote(let id, let note, let content):
      // The same path as marking an action done: one more event, with the note's history.
      return try writingStored(id) { session in
        try session.editNote(note, to: content)
        return .noteEdited(id: note, session: session.state)
      }
    case .loadShareReview(let subject): return try shareReview(of: subject)
    case .chooseForSharing(let subject, let term, let replace):
      return try choose(term, replace: replace, in: subject)
    case .writeShare(let subject, let format, let path, let replacing):
      return try write(subject, as: format, to: path, replacing: replacing)
    case .keepDraft(let id, let draft):
      try store().keepDraft(draft, of: id, at: clock.now())
      return .draftStored
    case .loadDraft(let id):
      return .draftLoaded(id, try store().draft(of: id))
    case .loadEarlierActions(let id, let state):
      return .earlierActionsLoaded(id, try store().earlierActions(followedUpIn: state))
    case .dropDraft(let id):
      try store().dropDraft(of: id)
      return .draftStored
    case .deleteSession(let id): return try delete(id)
    case .erasePerson(let name, let shown): return try erase(name, shown: shown)
    case .loadFollowUps(let id):
      return .followUpsLoaded(try openActions(before: id))
    case .loadGroupMembers(let id, let date):
      return .groupMembersLoaded(try store().group(id).members(at: date))
    case .loadActionHistory(let id):
      return .actionHistoryLoaded(id, try actionHistory(of: id))
    case .follow(let id, let notes):
      guard let follower = try follow(id) else { return .followWaiting(notes: notes) }
      return .followStarted(
        follower.session, follower.state, isLive: follower.isLive, notes: notes,
        followsLatest: follower.followsLatest)
    case .refreshFollowed:
      if follower == nil && waitsForSession {
        guard let follower = try follow(nil) else { return .followWaiting(notes: false) }
        return .followed(follower.session, follower.state, isLive: follower.isLive)
      }
      guard let follower else { throw NotFollowing() }
      if try follower.refresh() { recheckUntil = nil }
      return .followed(follower.session, follower.state, isLive: follower.isLive)
    case .stopFollowing:
      follower = nil
      waitsForSession = false
      changes = nil
      recheckUntil = nil
      return .followingStopped
    case .readPushStatus:
      return .pushStatus(liveSync?.status ?? .idle)
    }
  }

  /// Starts following `id` (nil: the latest session) through the reading opening, and
  /// watches the data folder so that a commit wakes the loop at once. Nil when following the
  /// latest in a folder with no session yet: the display waits, and each refresh asks again.
  private func follow(_ id: SessionID?) throws -> SessionFollower? {
    let directory = location.dataDirectory
    let found: SessionFollower?
    if id == nil && followSource == nil {
      waitsForSession = true
      found = try SessionFollower.latestWhenAny(database: try database(), dataDirectory: directory)
    } else {
      guard let database = try database() else { throw StoreError.noSessions }
      found = try SessionFollower(
        database: database, dataDirectory: directory, session: id, source: followSource)
    }
    // The `-wal` file is written at each commit, the database file at each checkpoint, and a
    // lock file is closed when its program lets the session go or dies. While waiting, tried
    // again until it can be made (a data folder not made yet cannot be watched), and made
    // again once a session is found, when `locks/` may exist to be watched too.
    if found != nil || changes == nil {
      changes = FileChangeWatch(
        folders: [directory, directory.appendingPathComponent("locks")],
        matching: { $0.hasPrefix(AppDatabase.fileName) || $0.hasSuffix(".lock") })
    }
    follower = found
    return found
  }

  /// The descriptor that becomes readable when the followed session's files change; the
  /// runner waits on it beside the terminal.
  /// While a session is run with a shared store, it is the push's instead: readable when what
  /// waits to be sent changed.
  public var changeDescriptor: Int32? { changes?.descriptor ?? liveSync?.statusDescriptor }

  /// Whether the push backlog differs from `shown`, the one the title bar shows; empties the
  /// push's descriptor, so the loop sleeps again until the next change.
  public func pushStatusChanged(from shown: PushStatus) -> Bool {
    liveSync?.takeStatusChange()
    return (liveSync?.status ?? .idle) != shown
  }

  /// Empties the change descriptor after a wake. The look a wake-up starts can come before
  /// the commit is visible (``SessionFollower/commitWait``), so for a while after one
  /// ``recheckMilliseconds`` asks the loop to look again every few milliseconds.
  public func takeChanges() {
    if changes?.drain() == true {
      recheckUntil = clock.now().addingTimeInterval(SessionFollower.commitWait)
    }
  }

  /// How long to wait before looking at the followed session again after a wake-up, while a
  /// change may be on its way; nil otherwise.
  public var recheckMilliseconds: Int? {
    guard let recheckUntil, recheckUntil > clock.now() else { return nil }
    return SessionFollower.commitPollMilliseconds
  }

  /// `session`'s actions folded with what its group's meetings made of them, by note id;
  /// empty for a session of no group.
  private func actionHistory(of session: SessionID) throws -> [Int: ActionLedger.Item] {
    guard let database = try database() else { return [:] }
    guard let group = try database.setup(of: session).group else { return [:] }
    let meetings = try database.records(of: try database.sessions(inGroup: group)).records
    var history: [Int: ActionLedger.Item] = [:]
    for item in ActionLedger(meetings).items where item.reference.session == session {
      history[item.reference.note] = item
    }
    return history
  }

  /// The standing groups, by name, each with the presenter order its meetings suggest. A
  /// meeting that does not rebuild is left out, as listings do.
  private func groupChoices() throws -> [SetupState.GroupChoice] {
    guard let database = try database() else { return [] }
    return try database.groups().map { listing in
      let meetings = try database.records(of: try database.sessions(inGroup: listing.id))
      return SetupState.GroupChoice(
        try database.group(listing.id), meetings: meetings.records, time: ReadableTime())
    }
  }

  /// The open actions of the meetings of `session`'s group held before it; none for a
  /// session of no group. A meeting that does not rebuild is left out, as listings do.
  private func openActions(before session: SessionID) throws -> [ActionLedger.Item] {
    guard let database = try database() else { return [] }
    let own = try database.record(of: session)
    guard let group = own.state.setup.group else { return [] }
    let earlier = try database.sessions(inGroup: group).filter { $0 != session }
    let records = try database.records(of: earlier).records.filter {
      ($0.state.createdAt, $0.id) < (own.state.createdAt, own.id)
    }
    // This meeting counts among the group's for what is overdue (an action due "next session"
    // is late once a later meeting than that one has begun, as `actions --overdue` says), but
    // neither its actions nor its decisions are in the list, which stays as it opened.
    let this = ActionLedger.Meeting(
      id: own.id, title: own.state.setup.title, programme: own.state.setup.programme,
      createdAt: own.state.createdAt, group: group, isFinished: false, followUps: [:],
      actions: [])
    return ActionLedger(meetings: records.map(ActionLedger.Meeting.init) + [this])
      .openNewestFirst
  }

  /// Applies a command to the live session: stored first, reported after.
  private func perform(_ command: SessionCommand) throws -> ServiceResult {
    guard let session = live else { throw NoLiveSession() }
    switch command {
    case .start: try session.start()
    case .next: try session.next()
    case .previous: try session.previous()
    case .togglePause: try session.togglePause()
    case .adjust(let minutes): try session.adjustTime(minutes: minutes)
    // The note line's notes: each forgets the line's kept draft as it is stored.
    case .addNote(let content):
      let note = try session.addNote(content, forgettingDraft: true)
      return .noteSaved(id: note.id, session: session.state)
    case .startWithNote(let content):
      // Started already when an earlier try started it but failed to add the note.
      if !session.state.isStarted { try session.start() }
      let note = try session.addNote(content, forgettingDraft: true)
      return .noteSaved(id: note.id, session: session.state)
    case .editNote(let id, let content):
      try session.editNote(id, to: content, forgettingDraft: true)
      return .noteEdited(id: id, session: session.state)
    case .deleteNote(let id):
      try session.deleteNote(id)
      return .noteDeleted(id: id, session: session.state)
    case .setActionDone(let id, let done):
      try session.setActionDone(id, done)
      return .actionMarked(note: id, done: done, session: session.state)
    case .rate(let participant, let rating):
      try session.rateProcess(participant: participant, rating: rating)
    case .clearRating(let participant): try session.clearRating(participant: participant)
    case .addParticipant(let participant): try session.addParticipant(participant)
    case .rearrangePresenters(let presenters): try session.rearrangePresenters(presenters)
    case .markLeft(let participant): try session.markLeft(participant)
    case .markReturned(let participant): try session.markReturned(participant)
    case .setFocusQuestion(let round, let question):
      try session.setFocusQuestion(round: round, question)
    case .chooseRoomNotes(let kinds): try session.chooseRoomNotes(kinds)
    case .followUp(let action, let outcome): try session.followUp(action, outcome)
    }
    return .sessionChanged(session.state)
  }

  /// The lock of `id`, taken for this program, or kept when it holds it already; refuses a
  /// session another program is facilitating (two facilitators of one session would each
  /// miss the other's notes until they saved). Best effort where no lock file can be made:
  /// then no database can be written either.
  private func claim(_ id: SessionID) throws -> SessionLock? {
    if let liveLock, liveLock.session == id { return liveLock }
    let lock: SessionLock?
    do { lock = try SessionLock.acquire(id, in: location.dataDirectory) } catch { return nil }
    guard let lock else { throw StoreError.openElsewhere(id) }
    return lock
  }

  /// Makes `session` the live one, holding `lock` (or taking it), and notes the store's data
  /// version, from which writes by other programs are taken in (``AppCommand/refreshLiveSession``).
  private func facilitate(_ session: LiveSession, holding lock: SessionLock?) {
    if let previous = live?.id, previous != session.id { liveSync?.ended(previous) }
    if let database = try? store() { liveSync?.began(session.id, in: database) }
    if let lock, lock !== liveLock {
      liveLock?.release()
      liveLock = lock
    }
    seenDataVersion = try? store().dataVersion()
    live = session
  }

  /// Takes the lock of `session` (releasing any other), so that other programs can tell it is
  /// live. Best effort: where no lock file can be made, no database can be written either,
  /// and the session's writes merge with others' anyway (``LiveSession``).
  private func holdLock(of session: SessionID?) {
    guard liveLock?.session != session else { return }
    liveLock?.release()
    liveLock = session.flatMap { try? SessionLock.acquire($0, in: location.dataDirectory) }
  }

  /// Claims `ids` on the shared store before they are run or written here, all or none,
  /// leaving out the one run here (it holds its claim already); returns those claimed.
  /// Refused, with one line naming the holder, when another machine holds one.
  @discardableResult
  private func claimOnStore(_ ids: [SessionID]) throws -> [SessionID] {
    let claimed = ids.filter { $0 != live?.id }
    guard let liveSync, !claimed.isEmpty else { return [] }
    try liveSync.claim(claimed, in: try store())
    return claimed
  }

  /// Runs `write` on the stored session `id` with the store's claim held for that one write
  /// (refused when another machine holds it): its event is sent in the background, then the
  /// claim let go. The session run here holds its claim already.
  private func writingStored(_ id: SessionID, _ write: (LiveSession) throws -> ServiceResult)
    throws -> ServiceResult
  {
    try writingStored([id]) { try write(try LiveSession.resume(id, store: store(), clock: clock)) }
  }

  /// Runs `write`, which appends events to the stored sessions `ids`, with the store's claims
  /// on them held for that write (refused, nothing written, when another machine holds one):
  /// their events are sent in the background, then the claims let go.
  func writingStored<Result>(_ ids: [SessionID], _ write: () throws -> Result) throws -> Result {
    let database = try store()
    let claimed = try claimOnStore(ids)
    for id in claimed { liveSync?.began(id, in: database) }
    defer { for id in claimed { liveSync?.ended(id) } }
    let result = try write()
    for id in ids { liveSync?.committed(id) }
    return result
  }

  /// Runs `write`, which deletes or rewrites the stored sessions `ids`, with the store's
  /// claims on them held for that write and let go of right after (refused, nothing changed,
  /// when another machine holds one). Nothing is sent: `sync` carries deletions and erasures.
  func removingStored<Result>(_ ids: [SessionID], _ write: () throws -> Result) throws -> Result {
    let claimed = try claimOnStore(ids)
    defer { if !claimed.isEmpty { liveSync?.release(claimed) } }
    return try write()
  }

  /// The database, when the store is one and it exists already (nothing is created just to
  /// look); nil for an in-memory store or a data folder never used.
  public func database() throws -> AppDatabase? {
    if let openedStore { return openedStore }
    if openedReader == nil {
      openedReader = try openReader()
      openings += 1
      readerOpening = openings
    }
    return openedReader
  }

  /// The data version of `database`, one of the services' openings, named by its opening; nil
  /// when it cannot be asked.
  func version(of database: AppDatabase) -> StoreVersion? {
    guard let value = try? database.dataVersion() else { return nil }
    return StoreVersion(
      opening: database === openedStore ? storeOpening : readerOpening, value: value)
  }
}

/// The room display asked for news with nothing followed (a screen out of step).
struct NotFollowing: Error, CustomStringConvertible {
  var description: String { "no session is being followed" }
}

/// A session command arrived with no session being facilitated (a screen out of step).
struct NoLiveSession: Error, CustomStringConvertible {
  var description: String { "no session is being facilitated" }
}
