@testable import PeerConsultKit

extension AppDatabase {
  /// Every event of every session, to prove a refused import changed nothing or that two
  /// folders hold the same.
  func everyLog() throws -> [SessionID: [RecordedEvent]] {
    var logs: [SessionID: [RecordedEvent]] = [:]
    for listing in try sessions() {
      logs[listing.id] = try events(of: listing.id)
    }
    return logs
  }
}
