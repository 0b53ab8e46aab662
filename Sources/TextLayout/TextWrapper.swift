/// Word-wraps text to a column width, aware of wide characters.
public enum TextWrapper {
  /// Lines of at most `width` columns. Words longer than a line are broken; explicit
  /// newlines are kept; an empty text gives one empty line.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lines.append(contentsOf: wrapParagraph(String(paragraph), width: width))
    }
    return lines
  }

  private static func wrapParagraph(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      var word = String(word)
      var wordWidth = word.displayWidth
      if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
        line += " " + word
        lineWidth += 1 + wordWidth
        continue
      }
      if lineWidth > 0 {
        lines.append(line)
        line = ""
        lineWidth = 0
      }
      // Break a word that cannot fit on a line of its own.
      while wordWidth > width {
        var head = ""
        var headWidth = 0
        var rest = word[...]
        while let c = rest.first, headWidth + DisplayWidth.of(c) <= width {
          head.append(c)
          headWidth += DisplayWidth.of(c)
          rest = rest.dropFirst()
        }
        if head.isEmpty, let c = rest.first {  // a wide char in a 1-column area
          head = String(c)
          rest = rest.dropFirst()
        }
        lines.append(head)
        word = String(rest)
        wordWidth = word.displayWidth
      }
      line = word
      lineWidth = wordWidth
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }
}
