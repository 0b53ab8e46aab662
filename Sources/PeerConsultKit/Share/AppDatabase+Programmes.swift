import Foundation

extension AppDatabase {
  /// The programme as stored, for a name typed in any case and with or without accents.
  public func programme(named name: String) throws(StoreError) -> String? {
    let programmes = try programmeNames()
    if programmes.contains(name) { return name }
    let wanted = TermReplacer.fold(name.trimmingCharacters(in: .whitespacesAndNewlines))
    return programmes.first { TermReplacer.fold($0) == wanted }
  }

  /// The records of every session, or of one programme's, oldest first; a session whose
  /// stored events do not rebuild is skipped and reported.
  public func records(programme: String? = nil) throws(StoreError) -> SessionRecords {
    try records(
      of: try sessions().filter { programme == nil || $0.programme == programme }.map(\.id))
  }

  /// The records of `sessions`, oldest first. A session that does not rebuild (its events do
  /// not decode or replay) is left out and its one-line ``StoreError/damagedSession(_:sequence:reason:)``
  /// kept in ``SessionRecords/skipped``, so one bad session does not stop a command about
  /// many; any other error (the file cannot be read) is thrown.
  public func records(of sessions: [SessionID]) throws(StoreError) -> SessionRecords {
    var result = SessionRecords()
    for session in sessions {
      do throws(StoreError) {
        result.records.append(try record(of: session))
      } catch .damagedSession(let id, let sequence, let reason) {
        result.skipped.append(.damagedSession(id, sequence: sequence, reason: reason))
      }
    }
    result.records = SessionRecord.chronological(result.records)
    return result
  }
}

/// Sessions read for a command that shows many: those that rebuild, and why each of the
/// others was skipped.
public struct SessionRecords: Sendable {
  public var records: [SessionRecord] = []
  /// One ``StoreError/damagedSession(_:sequence:reason:)`` per session left out.
  public var skipped: [StoreError] = []

  public init(records: [SessionRecord] = [], skipped: [StoreError] = []) {
    self.records = records
    self.skipped = skipped
  }
}
