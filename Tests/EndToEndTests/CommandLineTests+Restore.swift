import Foundation
import PeerConsultKit
import Testing

/// `restore` while a session runs in another window.
extension CommandLineTests {
  /// A session live in another program keeps `restore` from replacing the database under it:
  /// before, the restore went through, the live screen still showed the notes saved since the
  /// backup, and they were only in the file kept aside.
  @Test func aSessionLiveElsewhereIsNotRestoredOver() throws {
    let folder = try seeded()
    let backup = folder.file("sessions.peerconsult")
    #expect(try run(["backup", backup.path], in: folder).status == 0)
    let session = try #require(
      try AppDatabase.openForReading(directory: folder.data)?.sessions().first?.id)
    let lock = try #require(try SessionLock.acquire(session, in: folder.data))
    let refused = try run(["restore", backup.path, "--yes"], in: folder)
    lock.release()
    expectRefusal(
      refused,
      mentioning: "Session \(session.short) is open in another PeerConsult window: carry on "
        + "there, or leave it there (q) first. Nothing was changed.")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.data.path)
    #expect(!names.contains { $0.contains("before-restore") }, "\(names)")
    // Once it is left, the restore goes ahead.
    #expect(try run(["restore", backup.path, "--yes"], in: folder).status == 0)
  }
}
