import Foundation

/// Reads and writes phase lengths: `90s`, `2m`, `1m30s`, `1h`, `1h15m` (and the display form, `1 h 15 min`).
///
/// A bare number is refused on purpose: "10" could mean seconds or minutes, and guessing wrong
/// would make a phase sixty times too long or too short.
public enum PhaseDuration {
  /// The longest phase accepted. Anything longer is almost certainly a typo (`90h` for `90m`).
  public static let maximumSeconds = 24 * 60 * 60

  /// Why a text is not a duration, in words a facilitator can act on.
  public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and how to write it instead.
    public var message: String
    public var description: String { message }
  }

  /// Parses a duration into whole seconds (at least 1, at most ``maximumSeconds``).
  ///
  /// Accepted: one or more parts in the order hours, minutes, seconds, each a whole number
  /// followed by `h`, `m` (or `min`) or `s`, optionally separated by spaces.
  public static func parse(_ text: String) throws(ParseError) -> Int {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    let example = "write it like 90s, 2m, 1m30s, 1h or 1h15m"
    guard !trimmed.isEmpty else {
      throw ParseError(message: "the duration is empty; \(example)")
    }
    if trimmed.hasPrefix("-") {
      throw ParseError(message: "'\(trimmed)' is negative; a phase needs a length above zero")
    }
    if trimmed.allSatisfy(\.isASCIIDigit) {
      throw ParseError(
        message:
          "'\(trimmed)' has no unit; write \(trimmed)m for minutes or \(trimmed)s for seconds")
    }
    guard let seconds = scan(trimmed) else {
      let hint =
        trimmed.contains(".") || trimmed.contains(",")
        ? " (use whole numbers: 1m30s, not 1.5m)" : ""
      throw ParseError(message: "'\(trimmed)' is not a duration; \(example)\(hint)")
    }
    guard seconds > 0 else {
      throw ParseError(message: "'\(trimmed)' is zero; a phase needs a length above zero")
    }
    guard seconds <= maximumSeconds else {
      throw ParseError(
        message: "'\(trimmed)' is longer than 24 hours; check the unit (m is minutes, h is hours)")
    }
    return seconds
  }

  /// The file syntax for `seconds`, such that `parse(format(s)) == s` for every valid length.
  ///
  /// Examples: `90` → `1m30s`, `600` → `10m`, `4500` → `1h15m`.
  public static func format(_ seconds: Int) -> String {
    let parts = split(seconds)
    var text = seconds < 0 ? "-" : ""
    if parts.hours > 0 { text += "\(parts.hours)h" }
    if parts.minutes > 0 { text += "\(parts.minutes)m" }
    if parts.seconds > 0 || text.isEmpty || text == "-" { text += "\(parts.seconds)s" }
    return text
  }

  /// A length for people to read: `45 s`, `10 min`, `1 min 30 s`, `1 h 15 min`.
  public static func display(_ seconds: Int) -> String {
    let parts = split(seconds)
    var words: [String] = []
    if parts.hours > 0 { words.append("\(parts.hours) h") }
    if parts.minutes > 0 { words.append("\(parts.minutes) min") }
    if parts.seconds > 0 || words.isEmpty { words.append("\(parts.seconds) s") }
    return (seconds < 0 ? "-" : "") + words.joined(separator: " ")
  }

  private static func split(_ seconds: Int) -> (hours: Int, minutes: Int, seconds: Int) {
    let magnitude = seconds.magnitude
    return (Int(magnitude / 3600), Int(magnitude % 3600 / 60), Int(magnitude % 60))
  }

  /// Sums the parts, or returns nil when the text is not in the grammar.
  private static func scan(_ text: String) -> Int? {
    let units: [(names: [String], seconds: Int)] = [
      (["h"], 3600), (["min", "m"], 60), (["s"], 1),
    ]
    var rest = Substring(text)
    var nextUnit = 0
    var total = 0
    while true {
      rest = rest.drop(while: { $0 == " " })
      if rest.isEmpty { break }
      let digits = rest.prefix(while: \.isASCIIDigit)
      // Seven digits of seconds already exceed the maximum, so longer numbers cannot be valid
      // and must not overflow.
      guard !digits.isEmpty, digits.count <= 7, let value = Int(digits) else { return nil }
      rest = rest.dropFirst(digits.count).drop(while: { $0 == " " })
      guard
        let (index, name) = units.indices.dropFirst(nextUnit).lazy.compactMap({ index in
          units[index].names.first(where: { rest.hasPrefix($0) }).map { (index, $0) }
        }).first
      else { return nil }
      rest = rest.dropFirst(name.count)
      // A unit must end at a space, a digit or the end: "2mins" and "1hour" are not accepted.
      if let next = rest.first, !next.isASCIIDigit, next != " " { return nil }
      total += value * units[index].seconds
      nextUnit = index + 1
    }
    return total
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
