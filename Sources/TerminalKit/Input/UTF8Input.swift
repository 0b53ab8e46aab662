/// Turns the bytes read from the terminal into Unicode scalars, holding a character whose
/// bytes were split between two reads until its rest arrives.
///
/// Bytes that are not UTF-8 become U+FFFD, one for each maximal invalid part, as Swift's own
/// decoding does: nothing read is dropped without a trace, and at most three bytes are ever
/// held for the rest of a character.
struct UTF8Input {
  /// The start of a character whose remaining bytes have not arrived yet (at most three).
  private var held: [UInt8] = []

  /// Whether the start of a character is held, waiting for its rest.
  var isWaiting: Bool { !held.isEmpty }

  /// The scalars of `bytes`, after any held ones; an unfinished last character is held back.
  mutating func scalars(from bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
    guard held.isEmpty else {
      let joined = held + bytes
      held = []
      return joined.withUnsafeBufferPointer { scalars(from: $0) }
    }
    let kept = Self.unfinishedTail(of: bytes)
    held = Array(bytes[(bytes.count - kept)...])
    return Self.decode(UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - kept)]))
  }

  /// The held start of a character, as U+FFFD: its rest did not come within the wait.
  mutating func flush() -> [Unicode.Scalar] {
    defer { held = [] }
    return held.withUnsafeBufferPointer { Self.decode($0) }
  }

  /// How many bytes at the end of `bytes` begin a character that needs more bytes than
  /// follow its lead byte: 0 when the last character is complete or not UTF-8 at all.
  static func unfinishedTail(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var lead = bytes.count - 1
    var continuations = 0
    while lead >= 0 && continuations < 3 && bytes[lead] & 0xC0 == 0x80 {
      continuations += 1
      lead -= 1
    }
    guard lead >= 0 else { return 0 }
    let length: Int
    switch bytes[lead] {
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: length = 1  // ASCII, or a byte no UTF-8 character starts with
    }
    return length > continuations + 1 ? continuations + 1 : 0
  }

  /// The scalars of `bytes`, U+FFFD standing for each invalid part.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(bytes.count)
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): scalars.append(Unicode.UTF8.decode(encoded))
      case .error: scalars.append(Unicode.Scalar(0xFFFD)!)
      case .emptyInput: return scalars
      }
    }
  }
}
