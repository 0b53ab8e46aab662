import Foundation

/// Bytes a crash handler writes, laid out in memory before any crash.
///
/// A handler for SIGSEGV or SIGABRT runs in a process whose heap may be broken and may have
/// interrupted `malloc` itself, so it must not allocate, take a lock or format a string:
/// only async-signal-safe calls such as `write(2)`. Everything it writes is therefore stored
/// here beforehand, in fixed slots of one block that is never freed; the handler only reads
/// it (``bytes(slot:)`` and ``write(slot:to:)``, plain pointer arithmetic, no generics or
/// closures).
///
/// Slot 0 holds the bytes that give the terminal back; slot *n* holds the message for signal
/// *n*. Each slot is a two-byte length followed by up to ``slotCapacity`` bytes.
struct CrashBuffer: @unchecked Sendable {
  /// Bytes one slot holds; longer text is cut (at a UTF-8 boundary, so it stays valid).
  static let slotCapacity = 254
  /// Slot 0 plus one slot for each signal number Linux and macOS use (1 to 64).
  static let slotCount = 65
  private static let slotSize = slotCapacity + 2

  private let base: UnsafeMutableRawPointer

  /// Allocates and zeroes the block. It is deliberately never freed: a handler may read it
  /// until the process ends.
  init() {
    let size = Self.slotSize * Self.slotCount
    base = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 2)
    base.initializeMemory(as: UInt8.self, repeating: 0, count: size)
  }

  /// The block behind a pointer from ``pointer``, as the signal handler reads it back.
  init(_ pointer: UnsafeMutableRawPointer) { base = pointer }

  /// The start of the block, to keep in an atomic the handler can load.
  var pointer: UnsafeMutableRawPointer { base }

  /// Stores `text` in `slot` (0 ..< slotCount). Allocates: call before installing handlers.
  func store(_ text: String, slot: Int) {
    guard (0..<Self.slotCount).contains(slot) else { return }
    // Whole characters only, so a cut message is still valid UTF-8.
    var bytes: [UInt8] = []
    for character in text {
      let encoded = Array(String(character).utf8)
      if bytes.count + encoded.count > Self.slotCapacity { break }
      bytes += encoded
    }
    let start = base + slot * Self.slotSize
    start.storeBytes(of: UInt16(bytes.count), as: UInt16.self)
    for (offset, byte) in bytes.enumerated() {
      (start + 2 + offset).storeBytes(of: byte, as: UInt8.self)
    }
  }

  /// The bytes stored in `slot` (empty when nothing was, or for a slot out of range); they
  /// stay valid for the life of the process. Does not allocate.
  func bytes(slot: Int) -> UnsafeRawBufferPointer {
    guard (0..<Self.slotCount).contains(slot) else {
      return UnsafeRawBufferPointer(start: nil, count: 0)
    }
    let start = base + slot * Self.slotSize
    let count = Int(start.load(as: UInt16.self))
    return UnsafeRawBufferPointer(start: start + 2, count: count)
  }

  /// Writes `slot` to `descriptor` in full, retrying after interruptions. Async-signal-safe.
  func write(slot: Int, to descriptor: Int32) {
    let bytes = bytes(slot: slot)
    guard var next = bytes.baseAddress else { return }
    var left = bytes.count
    while left > 0 {
      let written = Foundation.write(descriptor, next, left)
      if written < 0 && errno == EINTR { continue }
      if written <= 0 { return }
      next += written
      left -= written
    }
  }
}
