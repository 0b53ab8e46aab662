import Foundation

/// A standing group's identity: 32 lowercase hexadecimal digits, random, written like a
/// ``SessionID`` so that a prefix of it names a group on the command line too.
public struct GroupID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
  /// The full 32-digit identifier.
  public let rawValue: String

  /// Accepts exactly what a ``SessionID`` accepts: 32 ASCII hexadecimal digits, in any case.
  public init?(rawValue: String) {
    guard let same = SessionID(rawValue: rawValue) else { return nil }
    self.rawValue = same.rawValue
  }

  /// A new random identifier.
  public static func random() -> GroupID { GroupID(rawValue: SessionID.random().rawValue)! }

  /// The first eight digits, for listings.
  public var short: String { String(rawValue.prefix(8)) }

  public var description: String { rawValue }

  public static func < (lhs: GroupID, rhs: GroupID) -> Bool { lhs.rawValue < rhs.rawValue }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let raw = try container.decode(String.self)
    guard let id = GroupID(rawValue: raw) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "\(raw) is not a group id")
    }
    self = id
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
