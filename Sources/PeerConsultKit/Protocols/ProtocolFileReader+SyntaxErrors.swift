import Yams

extension ProtocolFileReader {
  /// A YAML parser error in plain words, with a hint for the mistakes people actually make.
  static func issue(for error: YamlError, in text: String) -> ProtocolFileError.Issue {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var message = "YAML syntax error: \(plainProblem(problem))"
      if let context, context.mark.line != mark.line || context.mark.column != mark.column {
        message +=
          " (\(context.text) that starts at line \(context.mark.line), column \(context.mark.column))"
      }
      if let hint = hint(for: problem, at: mark, in: text) { message += "; \(hint)" }
      return .init(line: mark.line, column: mark.column, message: message)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      return .init(
        line: context.mark.line, column: context.mark.column,
        message: "the key \(keys) appears more than once in the same block; keep one")
    case .reader(let problem, let offset, let value, _):
      let place = offset.map { position(ofCharacter: $0, in: text) }
      let code = Unicode.Scalar(UInt32(clamping: value)).map { " (\(codePoint($0)))" } ?? ""
      return .init(
        line: place?.line, column: place?.column,
        message:
          "the file contains a character YAML does not allow\(code): \(problem); remove it")
    default:
      return .init(message: "the file could not be read as YAML: \(error)")
    }
  }

  private static func plainProblem(_ problem: String) -> String {
    if problem.hasPrefix("Maximum nesting level") { return "the file is nested too deeply" }
    if problem == "but found another document" {
      return "the file holds more than one YAML document (a second '---')"
    }
    return problem
  }

  private static func hint(for problem: String, at mark: Mark, in text: String) -> String? {
    if problem.contains("mapping values are not allowed") {
      return "if a value contains ': ', put the whole value in quotes"
    }
    if problem.contains("cannot start any token") {
      switch character(at: mark, in: text) {
      case "\t": return "YAML is indented with spaces, not tabs"
      case "@", "`": return "a value starting with @ or ` must be in quotes"
      default: return "if this is text, put it in quotes"
      }
    }
    if problem.contains("did not find expected key") || problem.contains("expected '-' indicator") {
      return "check the indentation: keys of the same block must line up"
    }
    if problem.contains("found unexpected end of stream") {
      return "a quote or bracket opened here is never closed"
    }
    if problem.contains("undefined alias") {
      return
        "'*name' refers to an anchor '&name' that is not defined; to write a value starting with *, put it in quotes"
    }
    if problem == "but found another document" {
      return "keep one protocol per file"
    }
    return nil
  }

  /// The character at a 1-based line and column (counted in Unicode scalars, as libyaml does).
  private static func character(at mark: Mark, in text: String) -> Unicode.Scalar? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard mark.line >= 1, mark.line <= lines.count else { return nil }
    let scalars = Array(lines[mark.line - 1].unicodeScalars)
    guard mark.column >= 1, mark.column <= scalars.count else { return nil }
    return scalars[mark.column - 1]
  }

  /// The 1-based line and column of the character at `offset`.
  private static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int)
  {
    var line = 1
    var column = 1
    for character in text.prefix(offset) {
      if character.isNewline {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return (line, column)
  }
}
