/// The one definition of a control character, and the one sanitiser of text bound for a
/// terminal or a Markdown file.
///
/// A terminal obeys control characters (ESC starts a sequence that can retitle or clear it,
/// BEL rings, a C1 `CSI` does what `ESC [` does), and a reader cannot see them, so no text
/// that came from a person or a file reaches a screen, a pipe or an export with one in it.
/// The bidirectional embeddings, overrides and isolates count as controls too: unseen, they
/// make a viewer show the text around them in another order than it is stored ("Trojan
/// Source", CVE-2021-42574), so that a name kept back to front behind U+202E would read as
/// the name in a shared file that an anonymiser, reading the stored order, let through.
/// It lives here, below both the model and the terminal layer, so that the command line,
/// the exports and the screens agree on what is shown as a mark.
public enum ControlCharacters {
  /// The mark printed and exported in a control character's place.
  public static let replacement: Character = "\u{FFFD}"

  /// C0 controls (below U+0020, line breaks and tabs included), DEL, the C1 controls
  /// U+0080-U+009F and the bidirectional controls that reorder text (U+202A-U+202E,
  /// U+2066-U+2069). The marks U+200E, U+200F and U+061C are not among them: each only
  /// gives a direction to the characters beside it, as a letter of that script would, and
  /// Arabic and Hebrew text needs them.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || reorders(scalar)
  }

  /// The bidirectional embeddings and overrides (U+202A-U+202E) and isolates (U+2066-U+2069).
  static func reorders(_ scalar: Unicode.Scalar) -> Bool {
    (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
  }

  /// The characters that hide text from a reader while a program reads it: the tag
  /// characters U+E0000-U+E007F, each an invisible copy of an ASCII character (a name spelt
  /// in them shows as nothing, and no anonymiser sees it as a name), and the interlinear
  /// annotation marks U+FFF9-U+FFFB, whose annotation many viewers leave out. Keys and
  /// imports take them (a pasted flag of Wales or Scotland is the black flag and tags); every
  /// output shows one as a mark, but for such a flag (``isTagFlag(_:)``). Most tags join the
  /// character before them (U+E0020-U+E007F extend it); the rest stand alone.
  public static func hides(_ scalar: Unicode.Scalar) -> Bool {
    (0xE0000...0xE007F).contains(scalar.value) || (0xFFF9...0xFFFB).contains(scalar.value)
  }

  /// `text` without the characters that hide text (``hides(_:)``), but for flags spelt in
  /// tags: what an anonymised export shares. A name spelt in tags shows as nothing, and no
  /// anonymiser sees it as a name; one split by a tag ("Kh", a tag, "an") is the name again.
  public static func removingHidden(_ text: String) -> String {
    // Read from the string's bytes in place (as ``needsCleaning(_:)`` is), looking for the
    // byte sequences themselves: most texts have none, and a scan of the scalars of every text
    // with a byte 0xEF (every full-width comma) cost an anonymised report 7% more. A control
    // character, rarer still, only sends the text to the scan below.
    let mayHide =
      text.utf8.withContiguousStorageIfAvailable {
        holdsControl($0, besidesLineFeedsAndTabs: true, orHidden: true)
      } ?? true
    guard mayHide, text.unicodeScalars.contains(where: hides) else { return text }
    var result = ""
    for character in text {
      if isTagFlag(character) || !character.unicodeScalars.contains(where: hides) {
        result.append(character)
      } else {
        result.unicodeScalars.append(contentsOf: character.unicodeScalars.filter { !hides($0) })
      }
    }
    return result
  }

  /// Whether `character` is a flag spelt in tags: the black flag U+1F3F4, then the tags of
  /// England's, Scotland's or Wales' code ("gbeng", "gbsct", "gbwls") and the cancel tag, as
  /// Unicode's emoji list has them, and nothing else. Any other run of tags after the flag is
  /// no flag anyone draws, and may spell a name unseen.
  static func isTagFlag(_ character: Character) -> Bool {
    let scalars = Array(character.unicodeScalars)
    guard scalars.count == 7, scalars[0].value == 0x1F3F4, scalars[6].value == 0xE007F else {
      return false
    }
    let code = String(
      String.UnicodeScalarView(
        scalars[1..<6].compactMap { Unicode.Scalar($0.value &- 0xE0000) }))
    return ["gbeng", "gbsct", "gbwls"].contains(code)
  }

  /// Whether `character` holds a control character (a grapheme cluster never joins one to
  /// other scalars, except CR LF) or one that hides text (``hides(_:)``; they join the
  /// character before them), but for a flag spelt in tags.
  public static func isControl(_ character: Character) -> Bool {
    // From the bytes in place: every character a frame draws is asked, and walking its
    // scalars costs several times more.
    let holds =
      character.utf8.withContiguousStorageIfAvailable {
        holdsControl($0, besidesLineFeedsAndTabs: false, orHidden: true)
      }
      ?? character.unicodeScalars.contains { isControl($0) || hides($0) }
    return holds && !isTagFlag(character)
  }

  /// The first control character in `text` that is neither a line break nor a tab when
  /// `allowingLineBreaks`, or any when not: what a text field and an import refuse. The
  /// bidirectional controls are not refused: keys never type them now, but earlier versions
  /// stored them as typed, so a session holding one must still import, and every output
  /// shows them as a mark.
  public static func first(
    in text: some StringProtocol, allowingLineBreaks: Bool = false
  ) -> Unicode.Scalar? {
    text.unicodeScalars.first { scalar in
      isControl(scalar) && !reorders(scalar)
        && !(allowingLineBreaks && (scalar == "\n" || scalar == "\t"))
    }
  }

  /// `text` with line breaks made `\n` (CR LF and CR too), tabs kept, the line and
  /// paragraph separators U+2028 and U+2029 made spaces, and every other control character
  /// (a bidirectional one too) replaced by `mark`. The characters that hide text
  /// (``hides(_:)``) that join the letter before them leave that letter: the hidden ones
  /// become one `mark` after it, so that "Kh" and four tags then "an" reads "Kh�an", not "K�an".
  ///
  /// The separators are not controls (a text field and an import take them, as pasted text
  /// brings them), but a terminal gives them no width: `list`'s columns slid and "Asha" and
  /// "Khan" either side of one read "AshaKhan". As spaces they read as the screens show them.
  public static func cleaned(_ text: String, mark: Character = replacement) -> String {
    guard needsCleaning(text) else { return text }
    var result = ""
    for character in text {
      if character == "\r\n" || character == "\r" {
        result.append("\n")
      } else if character == "\u{2028}" || character == "\u{2029}" {
        result.append(" ")
      } else if character == "\n" || character == "\t" || !isControl(character) {
        result.append(character)
      } else {
        let scalars = character.unicodeScalars
        if !scalars.contains(where: isControl), scalars.contains(where: { !hides($0) }) {
          result.unicodeScalars.append(contentsOf: scalars.filter { !hides($0) })
        }
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

  /// ``needsCleaning(_:)-(String)`` of UTF-8 `bytes`: a control, a character that hides text,
  /// or a line or paragraph separator.
  private static func needsCleaning(_ bytes: some Sequence<UInt8>) -> Bool {
    holdsControl(bytes, besidesLineFeedsAndTabs: true, orSeparators: true, orHidden: true)
  }

  /// Whether UTF-8 `bytes` hold a control character, line feeds and tabs aside when
  /// `besidesLineFeedsAndTabs`, or U+2028 or U+2029 too when `orSeparators`, or a character
  /// that hides text (``hides(_:)``) too when `orHidden`.
  private static func holdsControl(
    _ bytes: some Sequence<UInt8>, besidesLineFeedsAndTabs: Bool, orSeparators: Bool = false,
    orHidden: Bool = false
  ) -> Bool {
    // U+2028 and U+2029 are 0xE2 0x80 0xA8 and 0xA9, just before the embeddings.
    let lowest: UInt8 = orSeparators ? 0xA8 : 0xAA
    // What the bytes before this one began: 0xC2, 0xE2, or 0xE2 then 0x80 or 0x81.
    var afterC2 = false
    var afterE2 = false
    var afterE280 = false
    var afterE281 = false
    // A tag character is 0xF3 0xA0 then 0x80 or 0x81 (U+E0000-U+E007F); an annotation mark
    // 0xEF 0xBF then 0xB9-0xBB (U+FFF9-U+FFFB).
    var afterF3 = false
    var afterF3A0 = false
    var afterEF = false
    var afterEFBF = false
    for byte in bytes {
      // C0 and DEL are one byte each; a C1 control (U+0080-U+009F) is 0xC2 then 0x80-0x9F;
      // U+202A-U+202E are 0xE2 0x80 0xAA-0xAE, and U+2066-U+2069 0xE2 0x81 0xA6-0xA9.
      if (byte < 0x20 && !(besidesLineFeedsAndTabs && (byte == 0x0A || byte == 0x09)))
        || byte == 0x7F || (afterC2 && byte <= 0x9F && byte >= 0x80)
        || (afterE280 && byte >= lowest && byte <= 0xAE)
        || (afterE281 && byte >= 0xA6 && byte <= 0xA9)
        || (orHidden
          && ((afterF3A0 && (byte == 0x80 || byte == 0x81))
            || (afterEFBF && byte >= 0xB9 && byte <= 0xBB)))
      {
        return true
      }
      afterF3A0 = afterF3 && byte == 0xA0
      afterEFBF = afterEF && byte == 0xBF
      afterF3 = byte == 0xF3
      afterEF = byte == 0xEF
      afterE280 = afterE2 && byte == 0x80
      afterE281 = afterE2 && byte == 0x81
      afterC2 = byte == 0xC2
      afterE2 = byte == 0xE2
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
