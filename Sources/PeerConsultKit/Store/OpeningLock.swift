import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Makes opening the data folder's database one step at a time across programs: a writing
/// opening (which may create the file and its schema, or upgrade it) holds a `flock` on the
/// database file exclusively from its first look at the file to its last migration; a reading
/// opening holds it shared while it looks, so it never sees a file half made by another
/// program. A second program starting at the same moment waits (SQLite alone lets both find no
/// schema and both create it: "table meta already exists"), and no opening holds it for longer
/// than its migrations take.
///
/// `flock` locks are apart from the `fcntl` locks SQLite takes on the same file, so this
/// changes nothing for SQLite, and it writes no byte and leaves no file: a refused database
/// is left exactly as it was. The lock goes when the descriptor closes, by ``release()`` or
/// the process ending.
final class OpeningLock {
  private var descriptor: Int32

  private init(descriptor: Int32) { self.descriptor = descriptor }

  deinit { release() }

  /// Waits for and takes the lock for a writing opening of `file`, creating it empty (0600)
  /// if it does not exist: an empty file is a fresh database to SQLite and to the inspection.
  /// Nil when the file cannot be opened at all: the inspection then says why, in its words.
  static func exclusive(on file: URL) throws(StoreError) -> OpeningLock? {
    var descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    if descriptor < 0 && errno == EACCES {
      // A read-only file: the inspection will say so; locking needs no write access.
      descriptor = open(file.path, O_RDONLY | O_CLOEXEC)
    }
    guard descriptor >= 0 else { return nil }
    return try locked(descriptor, LOCK_EX, file)
  }

  /// Waits for and takes the lock for a reading opening of `file`; nil when it cannot be
  /// opened, which the inspection then reports.
  static func shared(on file: URL) throws(StoreError) -> OpeningLock? {
    let descriptor = open(file.path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    return try locked(descriptor, LOCK_SH, file)
  }

  private static func locked(_ descriptor: Int32, _ operation: Int32, _ file: URL)
    throws(StoreError) -> OpeningLock
  {
    while flock(descriptor, operation) != 0 {
      guard errno == EINTR else {
        let reason = String(cString: strerror(errno))
        close(descriptor)
        throw .cannotOpen(path: file.path, reason: reason)
      }
    }
    return OpeningLock(descriptor: descriptor)
  }

  /// Lets the next program open.
  func release() {
    guard descriptor >= 0 else { return }
    close(descriptor)
    descriptor = -1
  }
}
