extension Character {
  /// Whether this is the space U+0020 alone, told from its bytes: `== " "` compares a
  /// character that is not ASCII through Unicode's canonical equivalence, several times the
  /// cost, and laying out a note asks it of every character.
  public var isPlainSpace: Bool {
    utf8.withContiguousStorageIfAvailable { $0.count == 1 && $0[0] == 0x20 } ?? (self == " ")
  }
}
