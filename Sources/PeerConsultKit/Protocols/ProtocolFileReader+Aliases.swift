extension ProtocolFileReader {
  /// The most aliases (`*name`) a file may use.
  ///
  /// Each alias stands for a whole anchored node, so a few hundred bytes of nested aliases can
  /// describe a tree of billions of nodes, and Yams walks such a tree whenever it compares
  /// mapping keys. With at most 32 aliases no tree can grow past about a hundred thousand nodes.
  static let maximumAliases = 32

  /// Where the first alias over the limit is, when the file has anchors and too many aliases.
  ///
  /// A plain text scan, run before YAML parsing: it skips quoted text and comments but cannot
  /// tell a `*word` inside a block of prose from an alias, so it only counts when the file also
  /// has an anchor (`&name`), without which no alias can resolve.
  static func aliasOverLimit(in text: String) -> (line: Int, column: Int)? {
    var anchors = 0
    var aliases: [(line: Int, column: Int)] = []
    for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let scalars = Array(line.unicodeScalars)
      var quote: Unicode.Scalar?
      var index = 0
      while index < scalars.count {
        let scalar = scalars[index]
        let previous: Unicode.Scalar = index == 0 ? " " : scalars[index - 1]
        let startsNode = " \t[{,:-?".unicodeScalars.contains(previous)
        if let open = quote {
          if open == "\"" && scalar == "\\" {
            index += 1
          } else if scalar == open {
            quote = nil
          }
        } else if scalar == "#" && (previous == " " || previous == "\t" || index == 0) {
          break
        } else if (scalar == "'" || scalar == "\"") && startsNode {
          quote = scalar
        } else if (scalar == "&" || scalar == "*") && " \t[{,".unicodeScalars.contains(previous),
          index + 1 < scalars.count, !" \t,[]{}".unicodeScalars.contains(scalars[index + 1])
        {
          if scalar == "&" {
            anchors += 1
          } else {
            aliases.append((lineIndex + 1, index + 1))
          }
        }
        index += 1
      }
    }
    guard anchors > 0, aliases.count > maximumAliases else { return nil }
    return aliases[maximumAliases]
  }
}
