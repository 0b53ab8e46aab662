import Foundation

extension Date {
  /// Whole milliseconds since 1970, the precision events are stored with.
  public var millisecondsSince1970: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

  public init(millisecondsSince1970 milliseconds: Int64) {
    self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
  }

  /// This date cut to what the store keeps, so live state and a replay of stored events
  /// compare equal.
  var storedPrecision: Date { Date(millisecondsSince1970: millisecondsSince1970) }
}
