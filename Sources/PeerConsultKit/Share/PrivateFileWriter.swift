import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A private file (0600) written a piece at a time and put in place only once it is whole:
/// an export of every session is written as each is read, never held in memory at once.
///
/// The pieces go to a temporary file beside the destination; ``commit()`` flushes it to disk
/// and moves it in place in one step, so a reader never sees half an export and a failure
/// (a full disk, an error while reading the sessions) leaves no file, or the old one whole.
/// A writer dropped without ``commit()`` removes its temporary file.
public final class PrivateFileWriter {
  private let path: String
  private let replacing: Bool
  private let temporary: String
  private var descriptor: Int32

  /// Starts writing to `url`. An existing file is refused now, before any work, unless
  /// `replacing`; a folder or a device is always refused, and so is a database or its log,
  /// whatever `replacing` says.
  public init(to url: URL, replacing: Bool = false) throws(ShareError) {
    path = url.path
    self.replacing = replacing
    // A log or journal beside a database is refused even where there is none yet: SQLite
    // takes a `-journal` it finds for one to replay, and the folder could not be opened.
    guard !Self.isCompanionOfADatabase(path) else { throw .wouldReplaceDatabase(path: path) }
    var info = stat()
    if stat(path, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFREG else {
        throw .cannotWrite(path: path, reason: "it is a folder or a device, not a file")
      }
      guard !Self.holdsDatabase(path) else { throw .wouldReplaceDatabase(path: path) }
      guard replacing else { throw .outputExists(path: path) }
    }
    temporary =
      url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
    descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
    // The umask can only take bits away; this makes sure nothing else was left.
    _ = fchmod(descriptor, 0o600)
  }

  /// Whether the file at `path` is, by its first bytes, an SQLite database (PeerConsult's, a
  /// backup, another program's), a write-ahead log or a rollback journal:
  /// `-o peerconsult.sqlite --force` replaced the data folder's database with a harvest, and
  /// every session with it. (A name beside a database is ``isCompanionOfADatabase(_:)``'s.)
  public static func holdsDatabase(_ path: String) -> Bool {
    let start = firstBytes(of: path, count: 16)
    if start.starts(with: sqliteHeader) { return true }
    // A write-ahead log's magic number, big-endian, its last bit the checksums' byte order.
    if start.count >= 4, start[0] == 0x37, start[1] == 0x7F, start[2] == 0x06,
      start[3] & 0xFE == 0x82
    {
      return true
    }
    // A rollback journal's.
    return start.starts(with: [0xD9, 0xD5, 0x05, 0xF9, 0x20, 0xA1, 0x63, 0xD7])
  }

  /// The first 16 bytes of every SQLite database.
  private static let sqliteHeader = Array("SQLite format 3\0".utf8)

  /// Whether `path` names the write-ahead log, shared-memory index or rollback journal of a
  /// database beside it (`-wal`, `-shm`, `-journal`, in any case, as a file system that folds
  /// case finds them), whether or not that file is there.
  public static func isCompanionOfADatabase(_ path: String) -> Bool {
    let lowered = path.lowercased()
    for suffix in ["-wal", "-shm", "-journal"] where lowered.hasSuffix(suffix) {
      let beside = String(path.utf8.dropLast(suffix.utf8.count))!
      if firstBytes(of: beside, count: 16).starts(with: sqliteHeader) {
        return true
      }
    }
    return false
  }

  /// Up to `count` bytes from the start of the file at `path`; none when it cannot be read.
  private static func firstBytes(of path: String, count: Int) -> [UInt8] {
    let file = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard file >= 0 else { return [] }
    defer { close(file) }
    var bytes = [UInt8](repeating: 0, count: count)
    let got = bytes.withUnsafeMutableBytes { read(file, $0.baseAddress, count) }
    return got > 0 ? Array(bytes.prefix(got)) : []
  }

  deinit { abandon() }

  /// Appends `text`; on a failure the temporary file is removed and the writer is done.
  public func write(_ text: String) throws(ShareError) {
    guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: "already closed") }
    // Written from the text's own storage: a report of a thousand sessions is megabytes, and a
    // copy of it cost a pass over memory and as many fresh pages.
    var failure: ShareError?
    let fromStorage: Void? = text.utf8.withContiguousStorageIfAvailable { stored in
      failure = writeAll(UnsafeRawBufferPointer(stored))
    }
    if fromStorage == nil { failure = Array(text.utf8).withUnsafeBytes { writeAll($0) } }
    if let failure { throw failure }
  }

  /// Writes all of `bytes`, again after a write that took part of them or was interrupted; the
  /// error if a write fails.
  private func writeAll(_ bytes: UnsafeRawBufferPointer) -> ShareError? {
    var written = 0
    while written < bytes.count {
      let count = writeBytes(descriptor, bytes.baseAddress! + written, bytes.count - written)
      if count >= 0 {
        written += count
      } else if errno != EINTR {
        return failing(String(cString: strerror(errno)))
      }
    }
    return nil
  }

  /// Flushes the file to disk and puts it in place: replacing the old one in one step when
  /// asked, else only if no file has appeared there meanwhile.
  public func commit() throws(ShareError) {
    guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: "already closed") }
    if fsync(descriptor) != 0 { throw failing(String(cString: strerror(errno))) }
    let closed = close(descriptor)
    descriptor = -1
    if closed != 0 { throw failing(String(cString: strerror(errno))) }
    if replacing {
      guard rename(temporary, path) == 0 else { throw failing(String(cString: strerror(errno))) }
      return
    }
    // A hard link never replaces: a file made there since `init` is kept and named.
    if link(temporary, path) == 0 {
      unlink(temporary)
      return
    }
    if errno == EEXIST {
      unlink(temporary)
      throw .outputExists(path: path)
    }
    // A file system without hard links: look again, then move the file in.
    var info = stat()
    if stat(path, &info) == 0 {
      unlink(temporary)
      throw .outputExists(path: path)
    }
    guard rename(temporary, path) == 0 else { throw failing(String(cString: strerror(errno))) }
  }

  /// Gives up: the temporary file is removed and the destination left as it was.
  public func abandon() {
    if descriptor >= 0 {
      close(descriptor)
      descriptor = -1
    }
    unlink(temporary)
  }

  private func failing(_ reason: String) -> ShareError {
    abandon()
    return .cannotWrite(path: path, reason: reason)
  }
}

/// The system's write(2), which ``PrivateFileWriter/write(_:)`` hides by name.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
  #else
    Darwin.write(descriptor, bytes, count)
  #endif
}
