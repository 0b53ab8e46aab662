/// Word-wraps text to a column width, aware of wide characters.
public enum TextWrapper {
  /// Lines of at most `width` columns. Words longer than a line are broken; explicit
  /// newlines are kept; an empty text gives one empty line.
  public static func wrap(_ text: String, width: Int) -> [String] {
    lineWords(text, width: width).map { $0.joined(separator: " ") }
  }

  /// The words of each line ``wrap(_:width:)`` makes, as slices of `text`, so that a caller
  /// can carry what it knows of the text's ranges (a search's matches) onto the lines. A word
  /// longer than a line comes as its pieces, one per line.
  public static func lineWords(_ text: String, width: Int) -> [[Substring]] {
    guard width > 0 else { return [] }
    var lines: [[Substring]] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lines.append(contentsOf: wrapParagraph(paragraph, width: width))
    }
    return lines
  }

  private static func wrapParagraph(_ text: Substring, width: Int) -> [[Substring]] {
    var lines: [[Substring]] = []
    var line: [Substring] = []
    var lineWidth = 0
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      var word = word
      var wordWidth = DisplayWidth.of(word)
      if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
        line.append(word)
        lineWidth += 1 + wordWidth
        continue
      }
      // A line of nothing but words that take no columns (a zero-width space, a direction
      // mark) gives way to the next word, as it always has, rather than stand as a line
      // that looks empty.
      if lineWidth > 0 { lines.append(line) }
      line = []
      lineWidth = 0
      // Break a word that cannot fit on a line of its own.
      while wordWidth > width {
        var end = word.startIndex
        var headWidth = 0
        while end < word.endIndex, headWidth + DisplayWidth.of(word[end]) <= width {
          headWidth += DisplayWidth.of(word[end])
          end = word.index(after: end)
        }
        if end == word.startIndex {  // a wide char in a 1-column area
          end = word.index(after: end)
        }
        lines.append([word[..<end]])
        word = word[end...]
        wordWidth = DisplayWidth.of(word)
      }
      line = word.isEmpty ? [] : [word]
      lineWidth = wordWidth
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }
}
