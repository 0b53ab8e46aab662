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
    case file(URL)
    case memory(Data)
  }

  let bytes: Bytes
  /// The file as given, for messages.
  public let path: String

  /// How much is read at once from a file.
  static let chunkSize = 64 * 1024

  /// Bytes already in memory.
  public init(_ data: Data, path: String) {
    bytes = .memory(data)
    self.path = path
  }

  /// `file`: read from the disk at each reading when it is a regular file; anything else (a
  /// pipe, `<(…)`) is read once into memory, up to ``SessionImport/maximumFileSize``.
  public init(_ file: URL) throws(ImportError) {
    path = file.path
    let descriptor = try Self.openFile(path)
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw Self.unreadable(path) }
    if info.st_mode & S_IFMT == S_IFREG {
      guard Int(info.st_size) <= SessionImport.maximumFileSize else { throw Self.tooLarge(path) }
      bytes = .file(file)
      return
    }
    var data = Data()
    try Self.readToEnd(descriptor, path: path) { data.append(contentsOf: $0) }
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
    case .file:
      let descriptor = try Self.openFile(path)
      defer { close(descriptor) }
      let total = try Self.readToEnd(descriptor, path: path) { chunk throws(ImportError) in
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

  /// Reads `descriptor` to its end, refusing more than ``SessionImport/maximumFileSize``;
  /// returns how many bytes it read.
  @discardableResult
  private static func readToEnd(
    _ descriptor: Int32, path: String,
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
      guard total <= SessionImport.maximumFileSize else { throw tooLarge(path) }
      try consume(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }
  }

  /// The reason `errno` gives, with a missing file named as import always has.
  private static func unreadable(_ path: String) -> ImportError {
    .unreadable(
      path: path, reason: errno == ENOENT ? "no such file" : String(cString: strerror(errno)))
  }

  private static func tooLarge(_ path: String) -> ImportError {
    .tooLarge(path: path, megabytes: SessionImport.maximumFileSize / 1024 / 1024)
  }
}
