import Foundation

extension Participant {
  /// Whether `other`'s name differs from this one's only in case, accents, width, blanks,
  /// apostrophes or hyphens, or Simplified and Traditional characters ("Amira ONeill" and
  /// "Amira O'Neill", "Zoe Muller" and "Zoë Müller", 黃偉 and 黄伟): a slip when someone is
  /// added twice, which the anonymiser can then tell apart from neither (both become "[a
  /// participant]").
  public func looksAlike(_ other: Participant) -> Bool {
    Self.likenessKey(name) == Self.likenessKey(other.name)
  }

  /// `text` with its Traditional Chinese characters in their Simplified form, so that what is
  /// typed on either keyboard finds a name written on the other (the speaker search: 黃 finds
  /// 黄伟).
  public static func inSimplifiedCharacters(_ text: String) -> String {
    NameForms.simplified(text)
  }

  /// `text` with its curly and other look-alike apostrophes as `'`, so that "o'n" typed on a
  /// terminal finds "Amira O’Neill" pasted from a document, and "o’n" finds "O'Neill".
  public static func withStraightApostrophes(_ text: String) -> String {
    guard text.contains(where: TermReplacer.apostrophes.contains) else { return text }
    return String(text.map { TermReplacer.apostrophes.contains($0) ? "'" : $0 })
  }

  /// Whether a character belongs to a script written without spaces between name parts
  /// (Chinese, Japanese kana, Korean syllables): each of its characters may start a part, as
  /// 小 does in 王小明.
  public static func isIdeographic(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first else { return false }
    switch scalar.value {
    case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF,
      0x20000...0x3134F:
      return true
    default:
      return false
    }
  }

  private static func likenessKey(_ name: String) -> [Character] {
    // In Simplified characters too: 黃偉 beside 黄伟 is one person typed on two keyboards.
    let key = TermReplacer.nameKey(NameForms.simplified(name)).filter { $0.isLetter || $0.isNumber }
    // A name of symbols alone has no letters to compare: it is its whole self.
    return key.isEmpty ? Array(name) : key
  }
}

extension Collection where Element == Participant {
  /// The first of these whose name is not `participant`'s (in any case) but looks like it
  /// (``Participant/looksAlike(_:)``): the one person given twice that the form, `w`, a
  /// group's commands and `run` refuse.
  public func firstLookingAlike(_ participant: Participant) -> Participant? {
    let name = participant.name.lowercased()
    return first { $0.name.lowercased() != name && $0.looksAlike(participant) }
  }
}
