/// Who a search's `--speaker` means among the names of everyone who took part: the whole
/// name, or a run of whole words of it ("Patel", "priya" and "Neill" are Priya Patel's and
/// Seán O'Neill's; a hyphen or an apostrophe parts words too), compared without case,
/// accents, width or Chinese script, as the speaker picker compares them.
/// A part matches everyone it is part of: the hits name each note's speaker. In a script
/// written without spaces each character is a part (`小明` and `王` are 王小明's). What an
/// erasure left (`[Erased person 1]`) is no one: only the whole of it names it.
enum SpeakerNames {
  /// The names among `names` that `wanted` names, in their order.
  static func matching(_ wanted: String, among names: [String]) -> [String] {
    let key = words(wanted)
    guard !key.isEmpty else { return [] }
    return names.filter { name in
      if PersonEraser.isPseudonym(name) { return words(name) == key }
      let parts = words(name)
      guard parts.count >= key.count else { return false }
      return (0...(parts.count - key.count)).contains { start in
        Array(parts[start..<(start + key.count)]) == key
      }
    }
  }

  /// `name`'s folded words.
  private static func words(_ name: String) -> [[Character]] {
    TermReplacer.nameKey(Participant.inSimplifiedCharacters(name)).split {
      !$0.isLetter && !$0.isNumber
    }.flatMap { word -> [[Character]] in
      // Each character of a script without spaces is a part; other letters stay together.
      var parts: [[Character]] = [[]]
      for character in word {
        if Participant.isIdeographic(character) {
          parts += [[character], []]
        } else {
          parts[parts.count - 1].append(character)
        }
      }
      return parts.filter { !$0.isEmpty }
    }
  }
}
