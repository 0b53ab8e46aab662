import Foundation

extension KeyedDecodingContainer {
  /// A value of a fixed set of names, refused with the names it may take.
  func decodeName<Value: RawRepresentable & CaseIterable>(
    of type: Value.Type, forKey key: Key
  ) throws -> Value where Value.RawValue == String {
    let name = try decode(String.self, forKey: key)
    guard let value = Value(rawValue: name) else {
      let names = Value.allCases.map(\.rawValue).joined(separator: ", ")
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self, debugDescription: "\"\(name)\" is not one of \(names)")
    }
    return value
  }
}
