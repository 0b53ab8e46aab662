import Foundation
import PeerConsultKit

/// Finds people by the start of their name, as a facilitator types it while someone talks.
///
/// A query matches the start of any part of a name (after a space, an apostrophe or a hyphen:
/// "ne" finds Amira O'Neill, "o'n" too), and for names written in CJK scripts, which have no
/// spaces, the start of any of its characters ("小明" finds 王小明). Case, accents, the kind
/// of apostrophe ("o'n" finds O’Neill), full-width forms and Simplified or Traditional characters are ignored, so "zoe mu" finds
/// Zoë Müller and 黃 finds 黄伟.
public enum PersonMatcher {
  /// The indices of `names` that `query` matches: those whose name starts with it first
  /// ("gra" is Grace Hope before Bill Grace: Enter on a first name's start picked the
  /// surname's owner), then the rest, each in their order; every index when the query is
  /// empty.
  public static func matches(_ query: String, in names: [String]) -> [Int] {
    let wanted = fold(
      Participant.inSimplifiedCharacters(query.trimmingCharacters(in: .whitespaces)))
    guard !wanted.isEmpty else { return Array(names.indices) }
    var first: [Int] = []
    var rest: [Int] = []
    for index in names.indices {
      let starts = starts(of: names[index])
      if starts.first?.hasPrefix(wanted) == true {
        first.append(index)
      } else if starts.dropFirst().contains(where: { $0.hasPrefix(wanted) }) {
        rest.append(index)
      }
    }
    return first + rest
  }

  /// The name from every place a query may start matching, folded, in Simplified characters.
  static func starts(of name: String) -> [String] {
    let characters = Array(Participant.inSimplifiedCharacters(name))
    var starts: [String] = []
    for index in characters.indices {
      let previous = index > 0 ? characters[index - 1] : nil
      let afterBreak = previous.map { $0.isWhitespace || "'’-‐.".contains($0) } ?? true
      if (afterBreak && !characters[index].isWhitespace)
        || Participant.isIdeographic(characters[index])
      {
        starts.append(fold(String(characters[index...])))
      }
    }
    return starts
  }

  static func fold(_ text: String) -> String {
    Participant.withStraightApostrophes(text).folding(
      options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
  }
}
