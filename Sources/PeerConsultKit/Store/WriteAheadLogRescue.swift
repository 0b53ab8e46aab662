import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Keeps the evidence of a damaged write-ahead log: run by every opening of the data folder's
/// database before SQLite opens anything, it reads the `-wal` (``WriteAheadLog``) and, when
/// SQLite would drop committed transactions, copies the database, `-wal` and `-shm` as they
/// are into a private dated folder in the data folder and says so in one line.
///
/// SQLite never reports such a log: its recovery stops at the bad frame, and the next
/// writer overwrites what follows, so without the copy the notes after the damage are gone for
/// good. The look is made only when no connection has the database open (SQLite's
/// shared-memory "dead man switch" byte is unlocked): then the files are exactly as the last
/// program left them, nobody is appending to the log while it is read, and the first program
/// to open them after the damage is the one that finds it. The same damaged log is copied
/// once, however many commands find it (the folder is named by the log's fingerprint).
enum WriteAheadLogRescue {
  /// What a look found and did, as the one line a command prints on standard error.
  struct Finding: Equatable, CustomStringConvertible {
    /// The database file.
    let path: String
    let scan: WriteAheadLog.Scan
    /// The folder holding the copies, when they could be made.
    let copies: String?
    /// Why they could not, when they could not.
    let copyFailure: String?

    var description: String {
      let place =
        scan.firstBadFrame == 0
        ? "in its header" : "at frame \(scan.firstBadFrame ?? 0) of \(scan.frames)"
      let lost =
        scan.commitsAfterDamage == 1
        ? "the 1 committed transaction" : "the \(scan.commitsAfterDamage) committed transactions"
      let found =
        "The write-ahead log of \(path) is damaged \(place): \(lost) after it (the latest "
        + "saves) cannot be read back, so recent notes may be missing."
      if let copies {
        return found + " The original files are copied to \(copies): keep that folder, check "
          + "the latest sessions, and restore a newer backup if you have one (see the guide's "
          + "\"If something goes wrong\")."
      }
      return found + " They could not be copied aside (\(copyFailure ?? "unknown reason")): "
        + "copy the data folder somewhere safe before running a session."
    }
  }

  /// Looks at the log of the database `file`; when it is damaged, copies the files aside and
  /// returns what was found, else nil. Nothing is changed but the new folder of copies.
  static func check(_ file: URL, now: Date = Date()) -> Finding? {
    let log = file.path + "-wal"
    guard !isInUse(file), let scan = WriteAheadLog.scan(log), scan.losesCommittedWork else {
      return nil
    }
    do {
      let copies = try copyAside(file, fingerprint: scan.fingerprint, now: now)
      return Finding(path: file.path, scan: scan, copies: copies.path, copyFailure: nil)
    } catch {
      return Finding(path: file.path, scan: scan, copies: nil, copyFailure: error.reason)
    }
  }

  /// Whether some connection, in this process or another, has the database `file` open in
  /// WAL mode: each holds a read lock on byte 128 of the `-shm` file (SQLite's unix VFS, "DMS")
  /// for as long as it is open. Asked with `F_OFD_GETLK`, which sees classic and OFD locks,
  /// this process's own included, and takes none.
  static func isInUse(_ file: URL) -> Bool {
    let descriptor = open(file.path + "-shm", O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var lock = flock()
    lock.l_type = Int16(F_WRLCK)
    lock.l_whence = Int16(SEEK_SET)
    lock.l_start = deadManSwitchByte
    lock.l_len = 1
    lock.l_pid = 0
    // A lock that cannot be asked about is taken as held: the log is then left to SQLite.
    guard fcntl(descriptor, SessionLock.openFileDescriptionGetLock, &lock) == 0 else {
      return true
    }
    return lock.l_type != Int16(F_UNLCK)
  }

  /// `(22 + 8) * 4 + 8`: the byte after SQLite's eight shared-memory locks.
  private static let deadManSwitchByte = 128

  /// The name of the folder of copies of the log with `fingerprint` ends with this.
  private static func suffix(_ fingerprint: UInt64) -> String {
    "-" + String(fingerprint, radix: 16)
  }

  /// Where the copies are made before they get their name: hidden, and one per process.
  static func partialFolder(in folder: URL, fingerprint: UInt64) -> URL {
    folder.appendingPathComponent(".wal-damage\(suffix(fingerprint)).\(getpid()).partial")
  }

  /// Copies `file` and its `-wal` and `-shm` into `<folder>/wal-damage-<date>-<fingerprint>`
  /// (0700, files 0600), or finds the folder an earlier look made. The copy is made under a
  /// hidden name and renamed when complete, so a folder with the name is always whole.
  private static func copyAside(_ file: URL, fingerprint: UInt64, now: Date) throws(CopyError)
    -> URL
  {
    let folder = file.deletingLastPathComponent()
    let suffix = suffix(fingerprint)
    let names = DataFolder.names(in: folder)
    if let earlier = names.first(where: { $0.hasPrefix("wal-damage-") && $0.hasSuffix(suffix) }) {
      return folder.appendingPathComponent(earlier)
    }
    let name = "wal-damage-\(stamp(now))\(suffix)"
    let target = folder.appendingPathComponent(name)
    let partial = partialFolder(in: folder, fingerprint: fingerprint)
    guard mkdir(partial.path, 0o700) == 0 else { throw CopyError(errno) }
    _ = chmod(partial.path, 0o700)
    do throws(CopyError) {
      for suffix in ["", "-wal", "-shm"] {
        try copy(
          file.path + suffix,
          to: partial.appendingPathComponent(file.lastPathComponent + suffix).path)
      }
      try sync(partial.path)
      guard rename(partial.path, target.path) == 0 else {
        // Another program found the same log at the same moment and finished first.
        if errno == EEXIST || errno == ENOTEMPTY {
          remove(partial)
          return target
        }
        throw CopyError(errno)
      }
      try sync(folder.path)
    } catch {
      remove(partial)
      throw error
    }
    return target
  }

  /// Copies the regular file at `source`, if there is one, to a new private file `target`,
  /// streamed in 64 KiB pieces and flushed to disk.
  private static func copy(_ source: String, to target: String) throws(CopyError) {
    let input = open(source, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard input >= 0 else {
      if errno == ENOENT { return }
      throw CopyError(errno)
    }
    defer { close(input) }
    var info = stat()
    guard fstat(input, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
    let output = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard output >= 0 else { throw CopyError(errno) }
    defer { close(output) }
    _ = fchmod(output, 0o600)
    var buffer = [UInt8](repeating: 0, count: 64 << 10)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
      if count == 0 { break }
      if count < 0 {
        if errno == EINTR { continue }
        throw CopyError(errno)
      }
      var written = 0
      while written < count {
        let result = buffer.withUnsafeBytes {
          write(output, $0.baseAddress! + written, count - written)
        }
        if result < 0 {
          if errno == EINTR { continue }
          throw CopyError(errno)
        }
        written += result
      }
    }
    guard fsync(output) == 0 else { throw CopyError(errno) }
  }

  /// Flushes a folder's entries to disk.
  private static func sync(_ folder: String) throws(CopyError) {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw CopyError(errno) }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else { throw CopyError(errno) }
  }

  private static func remove(_ folder: URL) {
    try? FileManager.default.removeItem(at: folder)
  }

  /// `20261127-081343`, in local time: when the damage was found.
  private static func stamp(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    return formatter.string(from: date)
  }

  /// Why a copy could not be made.
  struct CopyError: Error {
    let reason: String
    init(_ code: Int32) { reason = String(cString: strerror(code)) }
  }
}
