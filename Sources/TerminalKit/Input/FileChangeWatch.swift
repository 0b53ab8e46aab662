import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Tells when files in a folder are written, through Linux's inotify, so a loop can wait on
/// one descriptor (beside the terminal's) instead of polling the files.
///
/// The room display watches the data folder: SQLite appends every commit to the database's
/// `-wal` file with `write(2)`, which inotify reports as `IN_MODIFY`; its shared-memory file is
/// written through a mapping, which inotify does not report, so readers cause no wake-ups. A
/// session's lock file reports `IN_CLOSE_WRITE` when the facilitator's program lets it go or
/// dies, `kill -9` included.
///
/// Elsewhere (no inotify), ``init(folders:matching:)`` returns nil and the caller's clock tick
/// is the only check.
public final class FileChangeWatch {
  /// Readable when a matching change arrived; ``drain()`` empties it.
  public let descriptor: Int32
  private let matches: (String) -> Bool

  /// Watches `folders` (those that exist) for files written and closed after writing whose
  /// names satisfy `matches`; nil when inotify is unavailable or no folder can be watched.
  public init?(folders: [URL], matching matches: @escaping (String) -> Bool) {
    #if os(Linux)
      let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
      guard descriptor >= 0 else { return nil }
      var watched = 0
      for folder in folders {
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE)
        if inotify_add_watch(descriptor, folder.path, mask) >= 0 { watched += 1 }
      }
      guard watched > 0 else {
        close(descriptor)
        return nil
      }
      self.descriptor = descriptor
      self.matches = matches
    #else
      return nil
    #endif
  }

  deinit { close(descriptor) }

  /// Reads every change waiting, without blocking; returns whether one concerned a matching
  /// file. Called after each wake, so the descriptor is quiet again.
  @discardableResult
  public func drain() -> Bool {
    var matched = false
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      guard count > 0 else { return matched }
      matched = matched || containsMatch(buffer[..<count])
    }
  }

  /// Whether the events in `bytes` (each a `struct inotify_event` and its name) name a
  /// matching file.
  private func containsMatch(_ bytes: ArraySlice<UInt8>) -> Bool {
    // wd (4), mask (4), cookie (4), len (4), then `len` bytes of NUL-padded name.
    let header = 16
    var offset = bytes.startIndex
    var found = false
    while offset + header <= bytes.endIndex {
      let length = bytes.withUnsafeBytes {
        Int($0.loadUnaligned(fromByteOffset: offset - bytes.startIndex + 12, as: UInt32.self))
      }
      let nameStart = offset + header
      let nameEnd = min(bytes.endIndex, nameStart + length)
      let name = String(decoding: bytes[nameStart..<nameEnd].prefix { $0 != 0 }, as: UTF8.self)
      if matches(name) { found = true }
      offset = nameEnd
    }
    return found
  }

  /// Waits up to `timeoutMilliseconds` (nil: forever) for a change or for `other` to become
  /// readable; returns whether a matching change arrived. For loops with no terminal
  /// (`follow --plain`).
  @discardableResult
  public func wait(timeoutMilliseconds: Int?, orReadable other: Int32 = -1) -> Bool {
    var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
    if other >= 0 { fds.append(pollfd(fd: other, events: Int16(POLLIN), revents: 0)) }
    let timeout = Int32(timeoutMilliseconds.map { max(0, min($0, Int(Int32.max))) } ?? -1)
    guard poll(&fds, nfds_t(fds.count), timeout) > 0, fds[0].revents != 0 else { return false }
    return drain()
  }
}
