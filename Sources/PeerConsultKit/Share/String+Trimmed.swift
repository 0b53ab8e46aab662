import Foundation

extension String {
  /// The text without white space and line ends around it, as
  /// `trimmingCharacters(in: .whitespacesAndNewlines)` makes it, but without Foundation's copy
  /// through `NSString` when neither end has any: names and themes are trimmed by the
  /// thousand in a report, and almost none need it.
  var trimmedOfWhitespace: String {
    let scalars = unicodeScalars
    guard let first = scalars.first, let last = scalars.last,
      !CharacterSet.whitespacesAndNewlines.contains(first),
      !CharacterSet.whitespacesAndNewlines.contains(last)
    else { return trimmingCharacters(in: .whitespacesAndNewlines) }
    return self
  }

  /// The text without full stops at either end, as `trimmingCharacters(in:
  /// CharacterSet(charactersIn: "."))` makes it: scalar by scalar, so a full stop that an
  /// accent joins goes and the accent stays, as Foundation leaves it.
  var trimmingFullStops: String {
    let scalars = unicodeScalars
    guard scalars.first == "." || scalars.last == "." else { return self }
    guard let first = scalars.firstIndex(where: { $0 != "." }),
      let last = scalars.lastIndex(where: { $0 != "." })
    else { return "" }
    return String(scalars[first...last])
  }

  /// The text without the full stop that ends it, for a reason put in brackets inside a
  /// sentence: "(… apart)", not "(… apart.)."; an ellipsis of dots stays.
  var withoutClosingFullStop: String {
    hasSuffix(".") && !hasSuffix("..") ? String(dropLast()) : self
  }
}
