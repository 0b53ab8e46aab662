import Foundation

/// A `#tag` written in a note, such as `#licensing` or `#night-time-economy`: how a group marks
/// a theme so that it can be counted across sessions and groups and searched on its own.
///
/// A tag is `#` followed by letters or digits of any script, joined by single `-` or `_`, with
/// at least one letter (so `#1` and `#2024` stay numbers). The `#` must start the note or
/// follow a space or punctuation other than `#`, `&` or `@`, so "C#", "A&E#2" and "##x" are not
/// tags. Tags are compared by ``key``: case, accents and the joining marks do not matter, so
/// `#Licensing`, `#licensing` and `#licénsing` are one tag, as are `#night-time` and
/// `#night_time`.
public struct NoteTag: Hashable, Sendable {
  /// The tag as written, without the `#`.
  public let text: String
  /// The tag folded for comparing and indexing: lower case, without accents, `_` as `-`.
  public let key: String
  /// Where the tag, `#` included, stands in the note's text.
  public let range: Range<String.Index>

  /// The longest tag that is kept, in characters after the `#`; a longer run is not a tag,
  /// because no one types a theme that long and an index of pasted noise helps nobody.
  public static let maximumLength = 64

  /// The tags in `text`, in order, each once per place it is written.
  public static func all(in text: String) -> [NoteTag] {
    var tags: [NoteTag] = []
    var from = text.startIndex
    // Only a `#` starts one: each is found from the bytes, without walking every character of
    // the note (an anonymised report looks for tags in ten thousand notes).
    while let hash = text.utf8[from...].firstIndex(of: UInt8(ascii: "#")) {
      from = text.utf8.index(after: hash)
      // A `#` that is not a character of its own starts nothing: one joined to what follows
      // (a keycap, "#\u{20E3}") or to what comes before (after U+0600, which joins the next).
      guard hash.samePosition(in: text) != nil, text[hash] == "#" else { continue }
      let previous = hash == text.startIndex ? nil : text[text.index(before: hash)]
      guard canStartTag(after: previous), let tag = tag(startingAt: hash, in: text) else {
        continue
      }
      tags.append(tag)
      from = tag.range.upperBound
    }
    return tags
  }

  /// The distinct keys of the tags in `text`, each with the first way it was written.
  public static func distinct(in text: String) -> [NoteTag] {
    var seen: Set<String> = []
    return all(in: text).filter { seen.insert($0.key).inserted }
  }

  /// The comparison key of a tag written `text` (with or without its `#`).
  public static func key(of text: String) -> String {
    let body = text.hasPrefix("#") ? String(text.dropFirst()) : text
    // ASCII folds to itself in small letters: without asking Foundation, for the ten thousand
    // tags of a report.
    if body.utf8.allSatisfy({ $0 < 0x80 }) {
      return String(
        decoding: body.utf8.map { byte in
          switch byte {
          case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
          case UInt8(ascii: "_"): UInt8(ascii: "-")
          default: byte
          }
        }, as: UTF8.self)
    }
    return body.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .replacingOccurrences(of: "_", with: "-")
  }

  /// The tag written `text` (with or without its `#`), or nil when it is not a whole tag.
  public static func parse(_ text: String) -> NoteTag? {
    let written = text.hasPrefix("#") ? text : "#" + text
    guard let tag = all(in: written).first, tag.range == written.startIndex..<written.endIndex
    else { return nil }
    return tag
  }

  static func canStartTag(after previous: Character?) -> Bool {
    guard let previous else { return true }
    if isTagCharacter(previous) || previous == "#" || previous == "&" || previous == "@" {
      return false
    }
    return previous.isWhitespace || previous.isPunctuation || previous.isSymbol
  }

  /// Letters, digits and combining marks of any script.
  public static func isTagCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
      || character.unicodeScalars.allSatisfy { isMark($0.properties.generalCategory) }
  }

  private static func isMark(_ category: Unicode.GeneralCategory) -> Bool {
    switch category {
    case .nonspacingMark, .spacingMark, .enclosingMark: true
    default: false
    }
  }

  static func tag(startingAt hash: String.Index, in text: String) -> NoteTag? {
    var end = text.index(after: hash)
    var lastWordEnd: String.Index?
    var length = 0
    var hasLetter = false
    while end < text.endIndex {
      let character = text[end]
      if isTagCharacter(character) {
        hasLetter = hasLetter || character.isLetter
        end = text.index(after: end)
        lastWordEnd = end
        length += 1
      } else if character == "-" || character == "_", lastWordEnd == end {
        // A joining mark counts only between word characters: "#night-time" but not a
        // trailing "#done-" or a doubled "#a--b".
        let next = text.index(after: end)
        guard next < text.endIndex, isTagCharacter(text[next]) else { break }
        end = next
        length += 1
      } else {
        break
      }
      if length > maximumLength { return nil }
    }
    guard let wordEnd = lastWordEnd, hasLetter else { return nil }
    // A tag run straight into more word-like text ("#tag#more", "#A&E") is not a tag: it is
    // something else written with a `#`, and indexing its first part would mislead.
    if wordEnd < text.endIndex, "#&@".contains(text[wordEnd]) { return nil }
    let written = String(text[text.index(after: hash)..<wordEnd])
    return NoteTag(text: written, key: key(of: written), range: hash..<wordEnd)
  }
}
