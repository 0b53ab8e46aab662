import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes exports as files only their owner can read (0600): transcripts are confidential.
public enum PrivateFile {
  /// Writes `text` to `url` and flushes it to disk. An existing file is refused unless
  /// `replacing`; then it is replaced in one step, so a failure leaves the old file whole.
  public static func write(_ text: String, to url: URL, replacing: Bool = false)
    throws(ShareError)
  {
    let path = url.path
    var info = stat()
    if stat(path, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFREG else {
        throw .cannotWrite(path: path, reason: "it is a folder or a device, not a file")
      }
      guard replacing else { throw .outputExists(path: path) }
      let temporary = url.deletingLastPathComponent()
        .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
      try create(temporary, with: text, reportedAs: path)
      guard rename(temporary, path) == 0 else {
        let reason = String(cString: strerror(errno))
        unlink(temporary)
        throw .cannotWrite(path: path, reason: reason)
      }
    } else {
      try create(path, with: text, reportedAs: path)
    }
  }

  /// Creates a new file at `path` (never an existing one) holding `text`, or removes it again.
  private static func create(_ path: String, with text: String, reportedAs shown: String)
    throws(ShareError)
  {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      if errno == EEXIST { throw .outputExists(path: shown) }
      throw .cannotWrite(path: shown, reason: String(cString: strerror(errno)))
    }
    // The umask can only take bits away; this makes sure nothing else was left.
    _ = fchmod(descriptor, 0o600)
    var failure: String?
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty, failure == nil {
      let written = bytes.withUnsafeBytes { writeBytes(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno != EINTR { failure = String(cString: strerror(errno)) }
      } else {
        bytes = bytes.dropFirst(written)
      }
    }
    if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
    if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(path)
      throw .cannotWrite(path: shown, reason: failure)
    }
  }
}

/// The system's write(2), which ``PrivateFile/write(_:to:replacing:)`` hides by name.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
  #else
    Darwin.write(descriptor, bytes, count)
  #endif
}
