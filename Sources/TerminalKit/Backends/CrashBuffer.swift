import Foundation

/// Bytes a crash handler writes, laid out in memory before any crash.
///
/// A handler for SIGSEGV or SIGABRT runs in a process whose heap may be broken and may have
/// interrupted `malloc` itself, so it must not allocate, take a lock or format a string:
/// only async-signal-safe calls such as `write(2)`. Everything it writes is therefore stored
/// here beforehand, in one block that is never freed; the handler only reads it
/// (``bytes(slot:)`` and ``write(slot:to:)``, plain pointer arithmetic, no generics or
/// closures).
///
/// Slot 0 holds the bytes that give the terminal back; slot *n* holds the message for signal
/// *n*. The block starts with a table of each slot's offset and length, then the texts, each
/// as long as it is: a message ends with the command that resumes, whose data folder may
/// have a long path (a slot of fixed size cut it).
struct CrashBuffer: @unchecked Sendable {
  /// Slot 0 plus one slot for each signal number Linux and macOS use (1 to 64).
  static let slotCount = 65
  /// Each slot's entry in the table: its text's offset from the block's start, and length.
  private static let entrySize = 2 * MemoryLayout<Int>.stride

  private let base: UnsafeMutableRawPointer

  /// Lays out `texts` (a slot's number to its text; numbers outside 0 ..< slotCount are left
  /// out) in a block that is deliberately never freed: a handler may read it until the
  /// process ends. Allocates: call before installing handlers.
  init(_ texts: [Int: String]) {
    let kept = texts.filter { (0..<Self.slotCount).contains($0.key) }.mapValues { Array($0.utf8) }
    let tableSize = Self.entrySize * Self.slotCount
    let size = tableSize + kept.values.reduce(0) { $0 + $1.count }
    base = UnsafeMutableRawPointer.allocate(
      byteCount: size, alignment: MemoryLayout<Int>.alignment)
    base.initializeMemory(as: UInt8.self, repeating: 0, count: size)
    var offset = tableSize
    for (slot, bytes) in kept.sorted(by: { $0.key < $1.key }) {
      let entry = base + slot * Self.entrySize
      entry.storeBytes(of: offset, as: Int.self)
      (entry + MemoryLayout<Int>.stride).storeBytes(of: bytes.count, as: Int.self)
      bytes.withUnsafeBytes {
        (base + offset).copyMemory(from: $0.baseAddress!, byteCount: $0.count)
      }
      offset += bytes.count
    }
  }

  /// The block behind a pointer from ``pointer``, as the signal handler reads it back.
  init(_ pointer: UnsafeMutableRawPointer) { base = pointer }

  /// The start of the block, to keep in an atomic the handler can load.
  var pointer: UnsafeMutableRawPointer { base }

  /// The bytes stored in `slot` (empty when nothing was, or for a slot out of range); they
  /// stay valid for the life of the process. Does not allocate.
  func bytes(slot: Int) -> UnsafeRawBufferPointer {
    guard (0..<Self.slotCount).contains(slot) else {
      return UnsafeRawBufferPointer(start: nil, count: 0)
    }
    let entry = base + slot * Self.entrySize
    let offset = entry.load(as: Int.self)
    let count = (entry + MemoryLayout<Int>.stride).load(as: Int.self)
    return UnsafeRawBufferPointer(start: count == 0 ? nil : base + offset, count: count)
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
