import Foundation

/// A session's identity: 32 lowercase hexadecimal digits, random, so that a short prefix
/// of it is usually enough to name a session on the command line.
public struct SessionID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
  /// The full 32-digit identifier.
  public let rawValue: String

  /// Accepts exactly 32 ASCII hexadecimal digits, in any case (`Character.isHexDigit` would
  /// take full-width digits too, which the database's lookups then reject).
  public init?(rawValue: String) {
    let isHex = { (byte: UInt8) in (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) }
    // As stored, already small: kept, not lowercased into a copy (ten thousand a listing).
    guard rawValue.utf8.count != 32 || !rawValue.utf8.allSatisfy(isHex) else {
      self.rawValue = rawValue
      return
    }
    let lowered = rawValue.lowercased()
    guard lowered.utf8.count == 32, lowered.utf8.allSatisfy(isHex) else { return nil }
    self.rawValue = lowered
  }

  /// A new random identifier.
  public static func random() -> SessionID {
    let digits = UUID().uuidString.replacingOccurrences(of: "-", with: "")
    return SessionID(rawValue: digits)!
  }

  /// The first eight digits, for listings.
  public var short: String { String(rawValue.prefix(8)) }

  public var description: String { rawValue }

  public static func < (lhs: SessionID, rhs: SessionID) -> Bool { lhs.rawValue < rhs.rawValue }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let raw = try container.decode(String.self)
    guard let id = SessionID(rawValue: raw) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "\(raw) is not a session id")
    }
    self = id
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
