import Foundation
import PeerConsultKit

/// The I/O of sharing and of removing what must go: the review before an anonymised export,
/// the choices stored with the sessions, the private file written, and deleting and erasing
/// through the same model functions as `peerconsult delete` and `erase-person`.
extension AppServices {
  /// What anonymising `subject` will do.
  func shareReview(of subject: ShareSubject) throws -> ServiceResult {
    let (review, skipped) = try review(of: subject)
    return .shareReviewLoaded(review, skipped: skipped)
  }

  /// Stores the choice for `term` in every session of `subject`: one `shareChoice` event each,
  /// with the shared store's claims on them held for that write, as a review edit's.
  func choose(_ term: String, replace: Bool, in subject: ShareSubject) throws -> ServiceResult {
    var liveState: SessionState?
    let ids = try sessionIDs(of: subject)
    try writingStored(ids) {
      for id in ids {
        // The live session records it itself, so its own state stays current.
        if let live, live.id == id {
          try live.chooseForSharing(term, replace: replace)
          liveState = live.state
        } else {
          try LiveSession.resume(id, store: store(), clock: clock).chooseForSharing(
            term, replace: replace)
        }
      }
    }
    return .shareChoiceSaved(
      term: term, replace: replace, review: try review(of: subject).review, live: liveState)
  }

  /// Deletes `session` as `peerconsult delete` does, refused while it is live elsewhere or
  /// another machine holds it on the shared store.
  func delete(_ session: SessionID) throws -> ServiceResult {
    // On a full disk the session is removed all the same; its bytes are cleared at the next
    // opening for writing.
    let cleared = try removingStored([session]) {
      try store().deleteSession(session) { SessionLock.isLive($0, in: location.dataDirectory) }
    }
    return .sessionDeleted(session, cleared: cleared)
  }

  /// Erases `name` as `peerconsult erase-person` does, refused while one of their sessions is
  /// live elsewhere or held by another machine on the shared store; then reads `shown` again.
  func erase(_ name: String, shown: SessionID) throws -> ServiceResult {
    let database = try store()
    let erasure = try removingStored(try database.sessions(toErase: name)) {
      try database.erasePerson(named: name, at: clock.now()) {
        SessionLock.isLive($0, in: location.dataDirectory)
      }
    }
    return .personErased(
      pseudonym: erasure.pseudonym, sessions: erasure.sessions,
      shown: try database.loadSession(shown), cleared: erasure.cleared,
      restoreCopies: AppDatabase.restoreCopies(in: location.dataDirectory).count)
  }

  /// Renders `subject` anonymised and writes it as a private file, cleaned of control
  /// characters as `export -o` writes it. A path without a leading `/` or `~` is a name in the
  /// data folder's exports, so a file typed as `brief.md` lands beside the default.
  func write(
    _ subject: ShareSubject, as format: ShareFormat, to path: String, replacing: Bool
  ) throws -> ServiceResult {
    let records = try records(of: subject).records
    guard !records.isEmpty else { throw StoreError.noSessions }
    let around = try around(subject)
    let options = ShareOptions(
      anonymise: true, others: around.people, groups: around.groups,
      earlierActions: try earlierActions(of: subject, records))
    let text =
      switch subject {
      case .sessions: try SessionExport.render(records, as: format, options: options)
      case .harvest(let programme, let period):
        try HarvestExport.render(
          records, programme: programme, as: format, options: options, period: period,
          now: clock.now())
      }
    let expanded = (path as NSString).expandingTildeInPath
    let url =
      (expanded.hasPrefix("/")
      ? URL(fileURLWithPath: expanded)
      : location.exportsDirectory.appendingPathComponent(expanded)).standardizedFileURL
    if url.deletingLastPathComponent().path == location.exportsDirectory.standardizedFileURL.path {
      try location.prepareExportsDirectory()
    }
    do {
      try writeExport(CommandText.printable(text), url, replacing)
    } catch ShareError.outputExists {
      return .shareOutputExists(path: url.path)
    }
    sharesWritten.append(url.path)
    return .shareWritten(path: url.path, sessions: records.count)
  }

  /// The sessions `subject` covers: those named, or every session of the programme.
  private func sessionIDs(of subject: ShareSubject) throws -> [SessionID] {
    switch subject {
    case .sessions(let ids): return ids
    case .harvest(let programme, _):
      return try database()?.sessions().filter { $0.programme == programme }.map(\.id) ?? []
    }
  }

  /// The records of `subject`, read after any choice just stored: a harvest's only in its
  /// period, so the review looks at the sessions the harvest will quote.
  private func records(of subject: ShareSubject) throws -> SessionRecords {
    guard let database = try database() else { throw StoreError.noSessions }
    var read = try database.records(of: sessionIDs(of: subject))
    if case .harvest(_, let period) = subject {
      read.records = HarvestExport.records(read.records, in: period)
    }
    return read
  }

  /// What anonymising `subject` will do, with the people around it, and how many of its
  /// sessions were left out because they do not rebuild.
  private func review(of subject: ShareSubject) throws -> (review: ShareReview, skipped: Int) {
    let read = try records(of: subject)
    let around = try around(subject)
    return (
      ShareReview(
        records: read.records, others: around.people, groups: around.groups,
        earlier: try earlierActions(of: subject, read.records)),
      read.skipped.count
    )
  }

  /// The earlier actions the minutes of `subject`'s `records` show; none for a harvest, which
  /// has no minutes.
  private func earlierActions(of subject: ShareSubject, _ records: [SessionRecord]) throws
    -> [SessionID: [EarlierAction]]
  {
    guard case .sessions = subject, let database = try database() else { return [:] }
    return try database.earlierActions(of: records)
  }

  /// The people and standing groups `subject`'s sessions may name who need not have been
  /// there: those of its programmes and groups (``AppDatabase/around(_:)``), replaced as well
  /// when shared.
  private func around(_ subject: ShareSubject) throws -> Around {
    guard let database = try database() else { return Around() }
    switch subject {
    case .sessions(let ids): return try database.around(ids)
    case .harvest(let programme, _): return try database.around(programme: programme)
    }
  }
}
