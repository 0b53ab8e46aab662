/// String edits a command's start makes on every run, in Swift's own string handling.
/// Foundation's `trimmingCharacters(in:)` and `replacingOccurrences(of:with:)` go through
/// `NSString`, whose first use in a process costs more than the rest of formatting a `list` or
/// a `search` (profiled in Docs/PERFORMANCE.md, "The start at scale, third pass").
extension StringProtocol {
  /// Every line break (`\n`, ASCII, never part of another character's UTF-8 bytes) replaced by
  /// `replacement`.
  func replacingLineBreaks(with replacement: String) -> String {
    guard utf8.contains(UInt8(ascii: "\n")) else { return String(self) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count)
    for byte in utf8 {
      if byte == UInt8(ascii: "\n") { bytes += replacement.utf8 } else { bytes.append(byte) }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

}

extension String {
  /// Without the spaces and tabs at either end: `trimmingCharacters(in: .whitespaces)`, whose
  /// set is Unicode's space separators and the tab.
  var trimmingSpaces: String {
    let scalars = unicodeScalars
    let isSpace = { (scalar: Unicode.Scalar) in
      scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
    }
    guard let first = scalars.firstIndex(where: { !isSpace($0) }),
      let last = scalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    // Through `Substring`'s own view: a `UnicodeScalarView` made from the slice appends through
    // generic code, whose first use scans the binary's conformance records at every search's
    // start (Docs/PERFORMANCE.md).
    return String(Substring(scalars[first...last]))
  }
}
