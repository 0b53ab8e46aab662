import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// The lock that says a session is live (issue 14, item 7).
@Suite struct SessionLockTests {
  static let session = SessionID(rawValue: String(repeating: "c", count: 32))!

  @Test func aHeldLockMakesTheSessionLiveUntilItIsReleased() throws {
    let folder = try TemporaryFolder()
    #expect(!SessionLock.isLive(Self.session, in: folder.url))
    let lock = try #require(try SessionLock.acquire(Self.session, in: folder.url))
    #expect(SessionLock.isLive(Self.session, in: folder.url))
    // Another opening, even in this process, cannot take it.
    #expect(try SessionLock.acquire(Self.session, in: folder.url) == nil)
    let other = SessionID(rawValue: String(repeating: "d", count: 32))!
    #expect(!SessionLock.isLive(other, in: folder.url))
    lock.release()
    #expect(!SessionLock.isLive(Self.session, in: folder.url))
    #expect(try SessionLock.acquire(Self.session, in: folder.url) != nil)
  }

  @Test func theLockFileIsPrivate() throws {
    let folder = try TemporaryFolder()
    let lock = try SessionLock.acquire(Self.session, in: folder.url)
    #expect(lock != nil)
    let attributes = try FileManager.default.attributesOfItem(
      atPath: SessionLock.file(of: Self.session, in: folder.url).path)
    #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o077 } == 0)
  }
}
