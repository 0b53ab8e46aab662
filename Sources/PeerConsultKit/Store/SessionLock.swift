import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The mark that a session is live: the program running it holds an open-file-description
/// lock (`fcntl` `F_OFD_SETLK`) on `<data>/locks/<session id>.lock` for as long as it runs it.
///
/// Any process can ask whether a session is live (``isLive(_:in:)``): `review` and `resume`
/// today, a room display or a shared store later. The kernel drops the lock when the holder's
/// descriptor closes, so a program killed with `kill -9` leaves its session free at once,
/// and a lock file left behind means nothing by itself. An OFD lock, unlike a classic POSIX
/// one, belongs to the open file, so two openings in one process see each other as well.
public final class SessionLock {
  public let session: SessionID
  private var descriptor: Int32

  private init(session: SessionID, descriptor: Int32) {
    self.session = session
    self.descriptor = descriptor
  }

  deinit { release() }

  /// The lock file of `session` in `dataDirectory`.
  public static func file(of session: SessionID, in dataDirectory: URL) -> URL {
    dataDirectory.appendingPathComponent("locks").appendingPathComponent(
      "\(session.rawValue).lock")
  }

  /// Takes the lock of `session`, or returns nil when another program (or another opening in
  /// this one) holds it. Throws when the lock file cannot be made.
  public static func acquire(_ session: SessionID, in dataDirectory: URL) throws(StoreError)
    -> SessionLock?
  {
    let file = file(of: session, in: dataDirectory)
    let folder = file.deletingLastPathComponent().path
    if mkdir(folder, 0o700) != 0 && errno != EEXIST {
      throw .writeFailed(path: folder, reason: String(cString: strerror(errno)))
    }
    let descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw .writeFailed(path: file.path, reason: String(cString: strerror(errno)))
    }
    var lock = wholeFile(F_WRLCK)
    guard fcntl(descriptor, openFileDescriptionSetLock, &lock) == 0 else {
      close(descriptor)
      return nil
    }
    return SessionLock(session: session, descriptor: descriptor)
  }

  /// Whether some program holds the lock of `session`: the session is being facilitated.
  public static func isLive(_ session: SessionID, in dataDirectory: URL) -> Bool {
    let descriptor = open(file(of: session, in: dataDirectory).path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    // Asking for a write lock sees any lock another opening holds.
    var lock = wholeFile(F_WRLCK)
    guard fcntl(descriptor, openFileDescriptionGetLock, &lock) == 0 else { return false }
    return lock.l_type != Int16(F_UNLCK)
  }

  /// Lets the session go; the lock file stays, unlocked.
  public func release() {
    guard descriptor >= 0 else { return }
    close(descriptor)
    descriptor = -1
  }

  private static func wholeFile(_ type: Int32) -> flock {
    var lock = flock()
    lock.l_type = Int16(type)
    lock.l_whence = Int16(SEEK_SET)
    lock.l_start = 0
    lock.l_len = 0
    lock.l_pid = 0  // Must be 0 for OFD locks.
    return lock
  }

  // Linux's values (fcntl.h, behind _GNU_SOURCE, so not imported into Swift); the first is
  // also how `WriteAheadLogRescue` asks whether a database is open.
  static let openFileDescriptionGetLock: Int32 = 36
  private static let openFileDescriptionSetLock: Int32 = 37
}
