import PeerConsultKit

/// The `#tags` that could finish the one being typed at the note line's cursor, from the tags
/// the programme already uses (most used first), so that a theme keeps one spelling across
/// sessions. Ctrl-T writes the first in place of what was typed.
struct TagCompletion: Equatable, Sendable {
  /// How many characters before the cursor the typed tag takes, `#` included.
  let typedLength: Int
  /// The known tags (without `#`) that start with what was typed, the most used first.
  let candidates: [String]

  /// The completion at `line`'s cursor, or nil when the cursor does not end a partial tag
  /// (or no known tag continues it).
  static func at(_ line: LineEditor, known: [String]) -> TagCompletion? {
    guard !known.isEmpty, line.cursor > 0 else { return nil }
    if line.cursor < line.text.count, NoteTag.isTagCharacter(line.text[line.cursor]) {
      return nil
    }
    // Only the word before the cursor can hold the tag being typed: a tag has no spaces, and
    // whether a `#` starts one depends on the character before it, which a space settles.
    // Reading just that word keeps a key's cost the same however long the note.
    var start = line.cursor
    while start > 0, !line.text[start - 1].isWhitespace { start -= 1 }
    let before = String(line.text[start..<line.cursor])
    guard let typed = NoteTag.all(in: before).last, typed.range.upperBound == before.endIndex
    else { return nil }
    let candidates = known.filter { $0.count > 0 && isCompletion($0, of: typed.key) }
    guard !candidates.isEmpty else { return nil }
    return TagCompletion(typedLength: typed.text.count + 1, candidates: candidates)
  }

  /// Whether `tag` continues what was typed (`key`) and adds something to it.
  private static func isCompletion(_ tag: String, of key: String) -> Bool {
    let candidate = NoteTag.key(of: tag)
    return candidate.hasPrefix(key) && candidate != key
  }

  /// `line` with the typed tag replaced by the first candidate; false if it would not fit.
  func complete(_ line: inout LineEditor) -> Bool {
    guard let tag = candidates.first else { return false }
    var completed = line
    for _ in 0..<typedLength { _ = completed.apply(.deleteBackward) }
    guard completed.insert("#" + tag) else { return false }
    line = completed
    return true
  }
}
