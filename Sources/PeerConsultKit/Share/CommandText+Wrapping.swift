import Foundation
import TextLayout

extension CommandText {
  /// `text` (whole lines) for a terminal `width` columns wide, or as it is when there is none
  /// (piped or written to a file). A line wider than the terminal wraps on words under its
  /// indent, and under the text of a list item ("- 16:58 · insight · …"), instead of the
  /// terminal breaking it in the middle of a word ("overd" / "ue"); runs of spaces in such a
  /// line are shown as one, as in `search`. Lines that fit are left as they are. Tabs are
  /// spaces here (a terminal draws one up to eight columns wide, which no line can count), and
  /// the text is cleaned first, as its printing would clean it, so that what is measured is
  /// what is shown.
  public static func wrapped(_ text: String, width: Int?) -> String {
    guard let width, width > 0 else { return text }
    let text = printable(text).replacingOccurrences(of: "\t", with: " ")
    var wrapped = ""
    wrapped.reserveCapacity(text.utf8.count)
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      if number > 0 { wrapped += "\n" }
      guard String(line).displayWidth > width else {
        wrapped += line
        continue
      }
      let spaces = line.prefix { $0 == " " }.count
      // A list item's text starts after its bullet, or after its box ("[x] ", in `actions`).
      let body = line.dropFirst(spaces)
      let isBox = body.count > 4 && body.first == "[" && body.dropFirst(2).hasPrefix("] ")
      let item = body.hasPrefix("- ") ? 2 : isBox ? 4 : 0
      // An indent that leaves less than half the width is not kept under the lines.
      let indent = spaces + item < width / 2 ? spaces + item : 0
      // The advice flag in one piece: "⚑" ended a line of `show` with "advice?" on the next.
      let flagged = line.contains(SessionDigest.adviceFlag)
      let text = String(line.dropFirst(indent))
      let lines = TextWrapper.lineWords(
        flagged
          ? text.replacingOccurrences(
            of: SessionDigest.adviceFlag, with: SessionDigest.adviceFlagJoined) : text,
        width: width - indent)
      for (index, words) in lines.enumerated() {
        if index > 0 { wrapped += "\n" }
        wrapped +=
          (index == 0 ? String(line.prefix(indent)) : String(repeating: " ", count: indent))
        let joined = words.joined(separator: " ")
        wrapped += flagged ? SessionDigest.separatingAdviceFlag(joined) : joined
      }
    }
    return wrapped
  }
}
