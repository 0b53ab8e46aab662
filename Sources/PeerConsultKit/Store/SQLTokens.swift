/// An SQL statement as SQLite's parser reads it: its words, literals and signs, without the
/// layout (spaces, line breaks, comments) and with names and keywords in one case.
///
/// ``StoredSchema`` compares statements so. SQLite keeps each `CREATE` statement in
/// `sqlite_master` as it was written, from the object's name on, and `ALTER TABLE … ADD
/// COLUMN` splices the column's text in before the closing parenthesis, so a database that
/// PeerConsult's migrations made holds their text to the byte. But the same statement laid out
/// otherwise makes the same thing, and a file may hold it so: the schema v1 database the tests
/// keep (`MigrationTests.schemaV1Fixture`) was typed compactly, with the columns of 0.1.0's
/// migration on fewer lines and without its comments, rather than made by 0.1.0. Layout cannot
/// change what SQLite does; any other difference (a word, a literal, a sign) counts.
enum SQLTokens {
  /// The tokens of `sql`: a string literal as written (its case and quotes kept), a quoted
  /// name unquoted, names and keywords in ASCII lower case, any other sign alone.
  static func of(_ sql: String) -> [String] {
    let scalars = Array(sql.unicodeScalars)
    var tokens: [String] = []
    var index = 0
    func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
      scalar.value > 0x7F || scalar == "_" || scalar == "$"
        || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        || ("0"..."9").contains(scalar)
    }
    /// The text up to `closing` (a doubled one standing for itself), from after the opening.
    func quoted(until closing: Unicode.Scalar) -> String {
      var text = String.UnicodeScalarView()
      index += 1
      while index < scalars.count {
        if scalars[index] == closing {
          if closing != "]", index + 1 < scalars.count, scalars[index + 1] == closing {
            text.append(closing)
            index += 2
            continue
          }
          index += 1
          break
        }
        text.append(scalars[index])
        index += 1
      }
      return String(text)
    }
    while index < scalars.count {
      let scalar = scalars[index]
      let next = index + 1 < scalars.count ? scalars[index + 1] : nil
      switch scalar {
      case " ", "\t", "\n", "\r", "\u{0C}":
        index += 1
      case "-" where next == "-":
        while index < scalars.count, scalars[index] != "\n" { index += 1 }
      case "/" where next == "*":
        index += 2
        while index < scalars.count,
          !(scalars[index] == "*" && index + 1 < scalars.count && scalars[index + 1] == "/")
        {
          index += 1
        }
        index += 2
      case "'":
        // A literal is a value: its case and its quotes are part of it.
        tokens.append("'" + quoted(until: "'").replacingOccurrences(of: "'", with: "''") + "'")
      case "\"", "`":
        tokens.append(StoredSchema.asciiLowercased(quoted(until: scalar)))
      case "[":
        tokens.append(StoredSchema.asciiLowercased(quoted(until: "]")))
      default:
        guard isWordScalar(scalar) else {
          tokens.append(String(scalar))
          index += 1
          continue
        }
        var word = String.UnicodeScalarView()
        while index < scalars.count, isWordScalar(scalars[index]) {
          word.append(scalars[index])
          index += 1
        }
        tokens.append(StoredSchema.asciiLowercased(String(word)))
      }
    }
    return tokens
  }
}
