import Foundation
import TestSupport

@testable import PeerConsultKit

/// A database in a temporary folder with a manual clock.
struct StoreFixture {
  let folder: TemporaryFolder
  let database: AppDatabase
  let clock = ManualClock(Fixtures.start)

  init() throws {
    folder = try TemporaryFolder()
    database = try AppDatabase(directory: folder.path("data"))
  }

  var dataFolder: URL { folder.path("data") }
  var file: URL { dataFolder.appendingPathComponent(AppDatabase.fileName) }

  /// A new live session stored in the database.
  func live(_ setup: SessionSetup = Fixtures.setup(), id: SessionID = .random()) throws
    -> LiveSession
  {
    try LiveSession.create(setup, id: id, store: database, clock: clock)
  }

  /// Session `session` exported in `format` as `export` streams it, times in UTC.
  func exported(
    _ session: SessionID, as format: ShareFormat, anonymise: Bool = false
  ) throws -> String {
    var text = ""
    _ = try SessionExport.stream(
      [session], from: database, as: format, anonymise: anonymise,
      timeZone: TimeZone(identifier: "UTC")!
    ) { text += $0 }
    return text
  }

  /// A second, independent connection to the same folder, as another process would open.
  func reopen() throws -> AppDatabase { try AppDatabase(directory: dataFolder) }
}
