import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decides whether an opening must check the whole database (`PRAGMA quick_check`), so that
/// starting a command costs the same whatever the size of the data folder.
///
/// Each writing opening marks itself with a file `<data>/locks/opening-<uuid>.lock` on which it
/// holds an open-file-description lock for as long as it is open, and removes it when it closes.
/// The last writing opening to close cleanly records the database file's identity (device,
/// inode, size, modification time) in `<data>/locks/clean-close`. An opening then checks the
/// whole file only when it cannot vouch for it:
/// - a marker nobody holds: a writing program ended without closing (`kill -9`, a crash, a
///   power cut), so the file is checked once, and the writing opening that finds it sound
///   removes the marker;
/// - no writing opening open and no record matching the file: it was changed by something
///   other than PeerConsult closing it (copied in, restored, synced, scribbled on), or it was
///   last closed by a PeerConsult that kept no record.
///
/// A marker someone holds means a writing program has the file open: it checked the file or
/// trusted it when it opened, and the file's identity changes under it with every checkpoint,
/// so a reading opening beside a live session does not check either.
final class OpeningMarker: Sendable {
  private let file: URL
  private let descriptor: Mutex<Int32>

  private init(file: URL, descriptor: Int32) {
    self.file = file
    self.descriptor = Mutex(descriptor)
  }

  deinit { end() }

  /// The folder holding the markers and the record (shared with ``SessionLock``'s files).
  static func folder(in dataDirectory: URL) -> URL {
    dataDirectory.appendingPathComponent("locks")
  }

  /// The record of the last clean close.
  static func cleanRecord(in dataDirectory: URL) -> URL {
    folder(in: dataDirectory).appendingPathComponent("clean-close")
  }

  private static let prefix = "opening-"

  /// What the markers in `dataDirectory` say.
  struct Markers {
    /// Markers whose writing opening is still open.
    var live = 0
    /// Markers left by writing openings that never closed.
    var stale: [URL] = []
  }

  static func markers(in dataDirectory: URL) -> Markers {
    let folder = folder(in: dataDirectory)
    var found = Markers()
    let names = DataFolder.names(in: folder)
    for name in names where name.hasPrefix(prefix) && name.hasSuffix(".lock") {
      let marker = folder.appendingPathComponent(name)
      if SessionLock.isHeld(marker) { found.live += 1 } else { found.stale.append(marker) }
    }
    return found
  }

  /// True when an opening of `database` (in `dataDirectory`) must check the whole file.
  static func needsFullCheck(of database: URL, in dataDirectory: URL) -> Bool {
    let markers = markers(in: dataDirectory)
    if !markers.stale.isEmpty { return true }
    if markers.live > 0 { return false }
    guard let recorded = try? String(contentsOf: cleanRecord(in: dataDirectory), encoding: .utf8),
      let identity = identity(of: database)
    else { return true }
    return recorded != identity
  }

  /// Marks a writing opening of the database in `dataDirectory`. The file is locked before it
  /// takes its name, so that no other program ever sees it unheld and takes it for stale.
  static func mark(in dataDirectory: URL) throws(StoreError) -> OpeningMarker {
    let folder = folder(in: dataDirectory)
    if mkdir(folder.path, 0o700) != 0 && errno != EEXIST {
      throw .writeFailed(path: folder.path, reason: String(cString: strerror(errno)))
    }
    let name = "\(prefix)\(UUID().uuidString.lowercased()).lock"
    let staging = folder.appendingPathComponent("." + name)
    let file = folder.appendingPathComponent(name)
    let descriptor = open(staging.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw .writeFailed(path: staging.path, reason: String(cString: strerror(errno)))
    }
    var lock = SessionLock.wholeFile(F_WRLCK)
    guard fcntl(descriptor, SessionLock.openFileDescriptionSetLock, &lock) == 0,
      rename(staging.path, file.path) == 0
    else {
      let reason = String(cString: strerror(errno))
      close(descriptor)
      unlink(staging.path)
      throw .writeFailed(path: file.path, reason: reason)
    }
    return OpeningMarker(file: file, descriptor: descriptor)
  }

  /// Removes the markers of writing openings that never closed, once the file they leave in
  /// doubt has been checked.
  static func clearStale(in dataDirectory: URL) {
    for marker in markers(in: dataDirectory).stale { unlink(marker.path) }
  }

  /// Records that `database` was closed cleanly as it is now, unless another writing opening
  /// is still open (it records when it closes) or one ended without closing.
  static func recordCleanClose(of database: URL, in dataDirectory: URL) {
    let markers = markers(in: dataDirectory)
    guard markers.live == 0, markers.stale.isEmpty, let identity = identity(of: database) else {
      return
    }
    // Written aside and renamed, so that a crash never leaves half a record that could match.
    let record = cleanRecord(in: dataDirectory)
    _ = mkdir(record.deletingLastPathComponent().path, 0o700)
    let staging = record.deletingLastPathComponent().appendingPathComponent(
      ".clean-close-\(UUID().uuidString.lowercased())")
    // Private like every file of the data folder. Without a record the next opening checks the
    // whole file: slower, never less safe, so a failure here is not reported.
    guard
      FileManager.default.createFile(
        atPath: staging.path, contents: Data(identity.utf8),
        attributes: [.posixPermissions: 0o600])
    else { return }
    if rename(staging.path, record.path) != 0 { unlink(staging.path) }
  }

  /// Ends this opening's mark: the marker goes, and its lock with it.
  func end() {
    descriptor.withLock { descriptor in
      guard descriptor >= 0 else { return }
      unlink(file.path)
      close(descriptor)
      descriptor = -1
    }
  }

  /// The file's device, inode, size and modification time to the nanosecond: any write to it,
  /// or another file put in its place, changes one of them.
  static func identity(of file: URL) -> String? {
    var info = stat()
    guard stat(file.path, &info) == 0 else { return nil }
    return "\(info.st_dev) \(info.st_ino) \(info.st_size) "
      + "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\n"
  }
}
