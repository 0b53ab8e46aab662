import TextLayout

/// Why a protocol file was refused: every problem found in it, each placed as precisely as known.
///
/// `description` gives one line per problem in the compiler style editors understand:
/// `path:line:column: message`.
public struct ProtocolFileError: Error, Sendable, Hashable, CustomStringConvertible {
  /// One problem, at a line and column (both counted from 1) when the problem has a place.
  public struct Issue: Sendable, Hashable {
    public var line: Int?
    public var column: Int?
    /// What is wrong and what to do, in plain words.
    public var message: String

    public init(line: Int? = nil, column: Int? = nil, message: String) {
      self.line = line
      self.column = column
      self.message = message
    }
  }

  /// The file as the user named it.
  public var path: String
  /// Never empty.
  public var issues: [Issue]

  public init(path: String, issues: [Issue]) {
    self.path = path
    self.issues = issues
  }

  init(path: String, message: String) {
    self.init(path: path, issues: [Issue(message: message)])
  }

  /// The most problems listed before the rest are counted, so one broken file cannot flood a
  /// terminal.
  static let listedIssues = 20

  /// One line per problem, each starting with the file's path, its control characters spelt
  /// out: a file named with a line break made rows of its own, and could forge a listing's.
  public var description: String {
    let path = ControlCharacters.spelledOut(path)
    var lines = issues.prefix(Self.listedIssues).map { issue in
      var place = path
      if let line = issue.line {
        place += ":\(line)"
        if let column = issue.column { place += ":\(column)" }
      }
      return "\(place): \(issue.message)"
    }
    if issues.count > Self.listedIssues {
      lines.append("\(path): … and \(issues.count - Self.listedIssues) more problems")
    }
    return lines.joined(separator: "\n")
  }
}
