import Foundation

extension Participant {
  /// Whether `other`'s name differs from this one's only in case, accents, width, blanks,
  /// apostrophes or hyphens ("Amira ONeill" and "Amira O'Neill", "Zoe Muller" and "Zoë
  /// Müller"): a slip when someone is added twice, which the anonymiser can then tell apart
  /// from neither (both become "[a participant]").
  public func looksAlike(_ other: Participant) -> Bool {
    Self.likenessKey(name) == Self.likenessKey(other.name)
  }

  private static func likenessKey(_ name: String) -> [Character] {
    TermReplacer.nameKey(name).filter { $0.isLetter || $0.isNumber }
  }
}
