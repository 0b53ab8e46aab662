/// The one definition of a control character, and the one sanitiser of text bound for a
/// terminal or a Markdown file.
///
/// A terminal obeys control characters (ESC starts a sequence that can retitle or clear it,
/// BEL rings, a C1 `CSI` does what `ESC [` does), and a reader cannot see them, so no text
/// that came from a person or a file reaches a screen, a pipe or an export with one in it.
/// It lives here, below both the model and the terminal layer, so that the command line,
/// the exports and the screens agree on what is shown as a mark.
public enum ControlCharacters {
  /// The mark printed and exported in a control character's place.
  public static let replacement: Character = "\u{FFFD}"

  /// C0 controls (below U+0020, line breaks and tabs included), DEL and the C1 controls
  /// U+0080-U+009F.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// Whether `character` holds a control character (a grapheme cluster never joins one to
  /// other scalars, except CR LF).
  public static func isControl(_ character: Character) -> Bool {
    // From the bytes in place: every character a frame draws is asked, and walking its
    // scalars costs several times more.
    character.utf8.withContiguousStorageIfAvailable {
      holdsControl($0, besidesLineFeedsAndTabs: false)
    }
      ?? character.unicodeScalars.contains(where: isControl)
  }

  /// The first control character in `text` that is neither a line break nor a tab when
  /// `allowingLineBreaks`, or any when not: what a text field refuses.
  public static func first(
    in text: some StringProtocol, allowingLineBreaks: Bool = false
  ) -> Unicode.Scalar? {
    text.unicodeScalars.first { scalar in
      isControl(scalar) && !(allowingLineBreaks && (scalar == "\n" || scalar == "\t"))
    }
  }

  /// `text` with line breaks made `\n` (CR LF and CR too), tabs kept, and every other
  /// control character replaced by `mark`.
  public static func cleaned(_ text: String, mark: Character = replacement) -> String {
    guard needsCleaning(text) else { return text }
    var result = ""
    for character in text {
      if character == "\r\n" || character == "\r" {
        result.append("\n")
      } else if character == "\n" || character == "\t" || !isControl(character) {
        result.append(character)
      } else {
        result.append(mark)
      }
    }
    return result
  }

  /// Whether `text` holds a control character other than a line feed or a tab, the only ones
  /// ``cleaned(_:mark:)`` keeps as they are (a line feed is a grapheme of its own, so a text
  /// without the others comes back unchanged). Read as UTF-8 bytes, not as characters: a
  /// harvest's whole output goes through here, and most texts have nothing to clean.
  static func needsCleaning(_ text: String) -> Bool {
    // From the string's own buffer: walking the UTF-8 view a byte at a time went through a
    // generic call for each byte, a few hundredths of a second over a report's 8 MB.
    if let found = text.utf8.withContiguousStorageIfAvailable(needsCleaning) { return found }
    return needsCleaning(text.utf8)
  }

  /// ``needsCleaning(_:)-(String)`` of UTF-8 `bytes`.
  private static func needsCleaning(_ bytes: some Sequence<UInt8>) -> Bool {
    holdsControl(bytes, besidesLineFeedsAndTabs: true)
  }

  /// Whether UTF-8 `bytes` hold a control character, line feeds and tabs aside when
  /// `besidesLineFeedsAndTabs`.
  private static func holdsControl(
    _ bytes: some Sequence<UInt8>, besidesLineFeedsAndTabs: Bool
  ) -> Bool {
    var afterC2 = false
    for byte in bytes {
      // C0 and DEL are one byte each; a C1 control (U+0080-U+009F) is 0xC2 then 0x80-0x9F.
      if (byte < 0x20 && !(besidesLineFeedsAndTabs && (byte == 0x0A || byte == 0x09)))
        || byte == 0x7F || (afterC2 && byte <= 0x9F && byte >= 0x80)
      {
        return true
      }
      afterC2 = byte == 0xC2
    }
    return false
  }

  /// `text` with each control character spelt out as `<U+001B>`: a value echoed in a message
  /// that says what is wrong with it.
  public static func spelledOut(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      if isControl(scalar) {
        result += "<\(codePoint(scalar))>"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// `scalar` as `U+001B`, to name it in a message without printing it.
  public static func codePoint(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }
}

extension String {
  /// The string with line breaks made `\n`, tabs kept and other control characters shown as
  /// `�`, so that printing it cannot make a terminal do anything.
  public var withoutControlCharacters: String { ControlCharacters.cleaned(self) }
}
