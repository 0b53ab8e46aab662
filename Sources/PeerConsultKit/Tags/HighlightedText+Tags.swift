import Foundation

extension HighlightedText {
  /// This text with every `#tag` that `tags` asks for highlighted too.
  func marking(_ tags: [NoteSearchQuery.Tag]) -> HighlightedText {
    guard !tags.isEmpty else { return self }
    let found = NoteTag.all(in: text).filter { written in
      tags.contains { $0.isPrefix ? written.key.hasPrefix($0.key) : written.key == $0.key }
    }
    guard !found.isEmpty else { return self }
    let ranges = (highlights + found.map(\.range)).sorted { $0.lowerBound < $1.lowerBound }
    var merged: [Range<String.Index>] = []
    for range in ranges {
      if let last = merged.last, range.lowerBound <= last.upperBound {
        merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
      } else {
        merged.append(range)
      }
    }
    return HighlightedText(text: text, highlights: merged)
  }

  /// About as much text as a search index's snippet shows (``excerptLength`` characters),
  /// around the first highlight and cut at spaces, with "…" where text was left out: for
  /// hits that the search index did not find, such as a tag alone.
  func excerpt() -> HighlightedText {
    guard text.count > Self.excerptLength else { return self }
    let first = highlights.first?.lowerBound ?? text.startIndex
    var start =
      text.index(first, offsetBy: -Self.excerptLength / 3, limitedBy: text.startIndex)
      ?? text.startIndex
    if start > text.startIndex, let space = text[start..<first].firstIndex(of: " ") {
      start = text.index(after: space)
    }
    var end =
      text.index(start, offsetBy: Self.excerptLength, limitedBy: text.endIndex) ?? text.endIndex
    if end < text.endIndex, let space = text[first..<end].lastIndex(of: " ") {
      end = space
    }
    let lead = start > text.startIndex ? "…" : ""
    let cut = lead + text[start..<end] + (end < text.endIndex ? "…" : "")
    // The kept highlights, moved to the cut text by their distance from its start.
    let offset = lead.count
    let kept = highlights.compactMap { range -> Range<String.Index>? in
      guard range.lowerBound >= start, range.upperBound <= end else { return nil }
      let lower = cut.index(
        cut.startIndex, offsetBy: offset + text.distance(from: start, to: range.lowerBound))
      return
        lower..<cut.index(
          lower, offsetBy: text.distance(from: range.lowerBound, to: range.upperBound))
    }
    return HighlightedText(text: cut, highlights: kept)
  }

  /// The length of an ``excerpt()`` in characters, near FTS5's 24-word snippets.
  static let excerptLength = 160
}
