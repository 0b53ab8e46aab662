import Foundation
import TextLayout

extension CommandText {
  /// `peerconsult search`: each hit as a line saying where it was written (and the store its
  /// session was taken from, if one) and the note below it, matches marked; when `limit` hits came back, a hint that there may be more, in the
  /// words of the `order` they came in.
  ///
  /// `styled` marks matches in the terminal's bold; otherwise (piped, or under `NO_COLOR`)
  /// the note is plain text, without markers a reader would take for part of it. Given the
  /// terminal's `width`, the line saying where a note was written is cut with `…` to fit it;
  /// the note itself is never cut.
  public static func hits(
    _ hits: [NoteSearchHit], query: String, limit: Int, styled: Bool,
    order: NoteSearchOrder = .best, width: Int? = nil, time: ReadableTime = ReadableTime()
  ) -> String {
    guard !hits.isEmpty else { return "No notes match \(query).\n" }
    var text = ""
    for hit in hits {
      let place = hit.round.map { "Round \($0 + 1) · \(hit.phase)" } ?? hit.phase
      let speaker = hit.speaker.map { " · \(oneLine($0))" } ?? ""
      let origin = hit.origin.map { " · from \(oneLine($0))" } ?? ""
      let heading =
        "\(hit.session.short)  \(time.dayAndTime(hit.createdAt))  \(hit.kind.rawValue)  "
        + "\(oneLine(hit.sessionTitle)) · \(oneLine(place))\(speaker)\(origin)"
      text += (width.map { heading.truncated(toWidth: $0) } ?? heading) + "\n"
      if let width {
        // On a terminal the note wraps on words under its two spaces, as prose does on the
        // screens (runs of spaces shown as one).
        let note = untabbed(hit.text)
        for words in TextWrapper.lineWords(note.text, width: max(1, width - 2)) {
          text +=
            "  "
            + words.map { marked(note, in: $0, styled: styled) }
            .joined(separator: " ") + "\n"
        }
      } else {
        text += "  " + marked(hit.text, styled: styled).replacingLineBreaks(with: "\n  ")
        text += "\n"
      }
    }
    if hits.count == limit {
      let which = order == .best ? "best" : "newest"
      text += "\nShowing the \(which) \(limit); narrow the search or raise --limit to see more.\n"
    }
    return text
  }

  /// `text` with its tabs as spaces and its matches where they were: a terminal draws a tab
  /// up to eight columns wide, which wrapping cannot count, and a tab parts words as a space
  /// does.
  static func untabbed(_ text: HighlightedText) -> HighlightedText {
    guard text.text.utf8.contains(9) else { return text }
    // One byte for one, so every match's offsets in the text stand in the new one.
    let spaced = String(decoding: text.text.utf8.map { $0 == 9 ? 32 : $0 }, as: UTF8.self)
    func moved(_ index: String.Index) -> String.Index {
      spaced.utf8.index(
        spaced.startIndex, offsetBy: text.text.utf8.distance(from: text.text.startIndex, to: index))
    }
    return HighlightedText(
      text: spaced, highlights: text.highlights.map { moved($0.lowerBound)..<moved($0.upperBound) })
  }

  /// The note with each match in bold (SGR 1, ended by SGR 22, "normal intensity"), or plain.
  private static func marked(_ text: HighlightedText, styled: Bool) -> String {
    marked(text, in: text.text[...], styled: styled)
  }

  /// `part` of the note (a word of a wrapped line) with the matches within it in bold: a
  /// match broken across two lines is bold on both.
  private static func marked(_ text: HighlightedText, in part: Substring, styled: Bool)
    -> String
  {
    let (open, close) = styled ? ("\u{1B}[1m", "\u{1B}[22m") : ("", "")
    var result = ""
    var cursor = part.startIndex
    for range in text.highlights.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      let lower = max(range.lowerBound, cursor)
      let upper = min(range.upperBound, part.endIndex)
      guard lower < upper else { continue }
      result += String(text.text[cursor..<lower]).withoutControlCharacters
      result += open + String(text.text[lower..<upper]).withoutControlCharacters + close
      cursor = upper
    }
    return result + String(text.text[cursor..<part.endIndex]).withoutControlCharacters
  }
}
