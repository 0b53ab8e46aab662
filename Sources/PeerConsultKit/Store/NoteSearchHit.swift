import Foundation

/// A note found by a search, with where it was written and the matching words marked.
public struct NoteSearchHit: Hashable, Sendable {
  public let session: SessionID
  public let sessionTitle: String
  public let programme: String
  public let noteID: Int
  public let createdAt: Date
  public let kind: NoteKind
  /// The round number from 0, for a note written in a round.
  public let round: Int?
  public let phase: String
  /// The speaker's name, if the note has one.
  public let speaker: String?
  /// The whole note, with every match marked.
  public let text: HighlightedText
  /// A few words around the best matches, with them marked; "…" where text was cut.
  public let snippet: HighlightedText
  /// The name of the shared store the note's session was taken from, or nil for one written
  /// here.
  public var origin: String? = nil
}

/// Text with ranges to show highlighted.
public struct HighlightedText: Hashable, Sendable {
  public let text: String
  public let highlights: [Range<String.Index>]

  public init(text: String, highlights: [Range<String.Index>]) {
    self.text = text
    self.highlights = highlights
  }

  /// Marker characters from Unicode's private use area, which typed notes do not contain;
  /// FTS5 puts them around matches and ``init(marked:)`` takes them out again.
  static let open: Unicode.Scalar = "\u{E000}"
  static let close: Unicode.Scalar = "\u{E001}"

  /// Reads text in which matches are wrapped in ``open`` and ``close``.
  init(marked: String) {
    var scalars = String.UnicodeScalarView()
    var spans: [(start: Int, end: Int)] = []
    var start: Int?
    for scalar in marked.unicodeScalars {
      switch scalar {
      case Self.open: start = scalars.count
      case Self.close:
        if let from = start { spans.append((from, scalars.count)) }
        start = nil
      default: scalars.append(scalar)
      }
    }
    let text = String(scalars)
    let view = text.unicodeScalars
    self.text = text
    highlights = spans.map {
      view.index(
        view.startIndex, offsetBy: $0.start)..<view.index(view.startIndex, offsetBy: $0.end)
    }
  }
}
