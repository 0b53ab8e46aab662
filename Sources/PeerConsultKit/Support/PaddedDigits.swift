/// Numbers zero-padded to a width, as dates and times are written (`2027-01-15`,
/// `08:05:00.123`), and whole dates and times written from them without a `String` per number.
///
/// A harvest writes a day beside each of its quoted notes (22,345 at 1,000 sessions) and its
/// JSON a time for each: building each from a padded `String` per number and joining them cost
/// several small strings a date. ``text(_:)`` writes the ASCII bytes of a date into one string
/// instead; ``padded(_:_:)`` is the one way of padding a number, which ``text(_:)`` writes
/// exactly as it would.
enum PaddedDigits {
  /// A number of a date or time and its width, or a separator.
  enum Part {
    case number(Int, width: Int)
    case byte(UInt8)
  }

  /// `value` in decimal, with zeros before it up to `width` characters (a negative value keeps
  /// its sign after the zeros, as it always was written: `00-5`).
  static func padded(_ value: some BinaryInteger, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// `parts` written one after another, each number as ``padded(_:_:)`` writes it.
  static func text(_ parts: Part...) -> String { text(parts) }

  /// `parts` written one after another, each number as ``padded(_:_:)`` writes it.
  static func text(_ parts: [Part]) -> String {
    var count = 0
    for part in parts {
      switch part {
      case .number(let value, let width):
        // Written directly only when it fits its width (a width of 0 still writes "0");
        // anything else the general way.
        guard value >= 0, (1...18).contains(width), value < power(width) else {
          return general(parts)
        }
        count += width
      case .byte: count += 1
      }
    }
    return String(unsafeUninitializedCapacity: count) { buffer in
      var index = 0
      for part in parts {
        switch part {
        case .number(var value, let width):
          for place in stride(from: index + width - 1, through: index, by: -1) {
            buffer[place] = 0x30 + UInt8(value % 10)
            value /= 10
          }
          index += width
        case .byte(let byte):
          buffer[index] = byte
          index += 1
        }
      }
      return index
    }
  }

  /// `parts` joined from ``padded(_:_:)`` strings: the long way, for a number wider than its
  /// width or below zero.
  static func general(_ parts: [Part]) -> String {
    parts.map { part in
      switch part {
      case .number(let value, let width): padded(value, width)
      case .byte(let byte): String(UnicodeScalar(byte))
      }
    }.joined()
  }

  /// 10 to the `width`.
  private static func power(_ width: Int) -> Int {
    var result = 1
    for _ in 0..<width { result *= 10 }
    return result
  }
}
