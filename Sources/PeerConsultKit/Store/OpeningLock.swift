import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Makes opening the data folder's database one step at a time across programs: a writing
/// opening (which may create the file and its schema, or upgrade it) holds a `flock` on the
/// data folder exclusively from its first look at the file to its last migration; a reading
/// opening holds it shared while it looks, so it never sees a file half made by another
/// program. A second program starting at the same moment waits (SQLite alone lets both find no
/// schema and both create it: "table meta already exists"), and no opening holds it for longer
/// than its migrations take.
///
/// The folder is locked, not the database file: closing any descriptor of that file would
/// drop the `fcntl` locks SQLite holds on it in this process. Locking the folder writes no
/// byte and leaves no file, so a refused database is left exactly as it was, and it works in
/// a read-only folder. The lock goes when ``release()`` closes the descriptor, or the process
/// ends.
final class OpeningLock {
  private var descriptor: Int32

  private init(descriptor: Int32) { self.descriptor = descriptor }

  deinit { release() }

  /// Waits for and takes the lock for a writing opening of the database in `folder`; nil
  /// when the folder cannot be opened, which the opening then reports in its own words.
  static func exclusive(in folder: URL) throws(StoreError) -> OpeningLock? {
    try lock(folder, LOCK_EX)
  }

  /// Waits for and takes the lock for a reading opening; nil as for ``exclusive(in:)``.
  static func shared(in folder: URL) throws(StoreError) -> OpeningLock? {
    try lock(folder, LOCK_SH)
  }

  private static func lock(_ folder: URL, _ operation: Int32) throws(StoreError) -> OpeningLock? {
    let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    return try locked(descriptor, operation, folder)
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
