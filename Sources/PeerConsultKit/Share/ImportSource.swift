import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where an export file's bytes are read from, each time import reads it: the file itself,
/// a piece at a time, or the bytes in memory (a pipe, which cannot be read twice, or bytes
/// handed over by a caller). `path` names it in messages.
public struct ImportSource: Sendable {
  enum Bytes: Sendable {
    /// A regular file, and the most that is read of it (it may grow after it was measured).
    case file(URL, limit: Int)
    case memory(Data)
  }

  let bytes: Bytes
  /// The file as given, for messages.
  public let path: String

  /// How much is read at once from a file.
  static let chunkSize = 64 * 1024

  /// Bytes already in memory (their size is the caller's to bound).
  public init(_ data: Data, path: String) {
    bytes = .memory(data)
    self.path = path
  }

  /// `file`: read from the disk at each reading when it is a regular file, up to
  /// `limits.file` bytes (refused from its size before it is read); anything else (a pipe,
  /// `<(…)`) is read once into memory, up to `limits.memory`.
  public init(_ file: URL, limits: ImportLimits = .standard) throws(ImportError) {
    path = file.path
    let descriptor = try Self.openFile(path)
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw Self.unreadable(path) }
    if info.st_mode & S_IFMT == S_IFREG {
      guard Int(info.st_size) <= limits.file else {
        throw .tooLarge(path: path, megabytes: limits.file / 1024 / 1024)
      }
      bytes = .file(file, limit: limits.file)
      return
    }
    var data = Data()
    try Self.readToEnd(descriptor, path: path, limit: limits.memory, held: true) {
      data.append(contentsOf: $0)
    }
    bytes = .memory(data)
  }

  /// Hands every byte to `consume`, a chunk at a time; returns a fingerprint of them, the
  /// same at each reading of the same bytes.
  func forEachChunk(_ consume: (UnsafeRawBufferPointer) throws(ImportError) -> Void)
    throws(ImportError) -> Int
  {
    var hasher = Hasher()
    switch bytes {
    case .memory(let data):
      var failure: ImportError?
      data.withUnsafeBytes { all in
        var start = 0
        while start < all.count, failure == nil {
          let end = min(start + Self.chunkSize, all.count)
          let chunk = UnsafeRawBufferPointer(rebasing: all[start..<end])
          hasher.combine(bytes: chunk)
          do throws(ImportError) { try consume(chunk) } catch { failure = error }
          start = end
        }
      }
      if let failure { throw failure }
      hasher.combine(data.count)
    case .file(_, let limit):
      let descriptor = try Self.openFile(path)
      defer { close(descriptor) }
      let total = try Self.readToEnd(descriptor, path: path, limit: limit, held: false) {
        chunk throws(ImportError) in
        hasher.combine(bytes: chunk)
        try consume(chunk)
      }
      hasher.combine(total)
    }
    return hasher.finalize()
  }

  private static func openFile(_ path: String) throws(ImportError) -> Int32 {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw unreadable(path) }
    return descriptor
  }

  /// Reads `descriptor` to its end, refusing more than `limit` bytes (`held`: because they are
  /// kept in memory); returns how many bytes it read.
  @discardableResult
  private static func readToEnd(
    _ descriptor: Int32, path: String, limit: Int, held: Bool,
    into consume: (UnsafeRawBufferPointer) throws(ImportError) -> Void
  ) throws(ImportError) -> Int {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
    defer { buffer.deallocate() }
    var total = 0
    while true {
      let count = read(descriptor, buffer.baseAddress, buffer.count)
      if count < 0 {
        if errno == EINTR { continue }
        throw unreadable(path)
      }
      if count == 0 { return total }
      total += count
      guard total <= limit else {
        throw held
          ? .tooLargeToHold(path: path, megabytes: limit / 1024 / 1024)
          : .tooLarge(path: path, megabytes: limit / 1024 / 1024)
      }
      try consume(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }
  }

  /// The reason `errno` gives, with a missing file named as import always has.
  private static func unreadable(_ path: String) -> ImportError {
    .unreadable(
      path: path, reason: errno == ENOENT ? "no such file" : String(cString: strerror(errno)))
  }
}
