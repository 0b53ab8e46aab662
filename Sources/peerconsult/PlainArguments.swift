/// A command's arguments read without argument-parser, for the starts that skip it
/// (`UnparsedCommand`): values in place, options with a value and flags, each option or flag
/// at most once.
///
/// It reads only what argument-parser would read the same way, and is nil for anything else,
/// which argument-parser then parses and, where it must, refuses in its own words: an option
/// the command does not take (`--help`, `-h` and misspellings among them), `--`, an option or
/// flag given twice, an option's value missing, empty, or starting with `-`, and a value in
/// place starting with `-`.
struct PlainArguments: Equatable {
  /// The values in place (a search's query, a session's id), in order.
  var positionals: [String] = []
  /// Each option given, by its name with the dashes (`--limit`), and its value.
  var values: [String: String] = [:]
  /// The flags given, by their names with the dashes (`--json`).
  var flags: Set<String> = []

  /// `arguments` (after the command's name) read for a command taking the options `options`
  /// and the flags `flags`, each named with its dashes; nil when they are not plain.
  init?(_ arguments: some Sequence<String>, options: Set<String>, flags: Set<String>) {
    var pending: String?
    for argument in arguments {
      if let option = pending {
        guard Self.isPlainValue(argument) else { return nil }
        values[option] = argument
        pending = nil
      } else if options.contains(argument) {
        guard values[argument] == nil else { return nil }
        pending = argument
      } else if flags.contains(argument) {
        guard self.flags.insert(argument).inserted else { return nil }
      } else if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--"),
        options.contains(String(argument[..<equals]))
      {
        let option = String(argument[..<equals])
        let value = String(argument[argument.index(after: equals)...])
        guard values[option] == nil, Self.isPlainValue(value) else { return nil }
        values[option] = value
      } else {
        guard Self.isPlainValue(argument) else { return nil }
        positionals.append(argument)
      }
    }
    guard pending == nil else { return nil }
  }

  /// Whether argument-parser reads `value` as a value wherever it stands: not empty, and not
  /// what it might take for an option (`-x`, `--x`, `--`, `-`).
  private static func isPlainValue(_ value: String) -> Bool {
    !value.isEmpty && !value.hasPrefix("-")
  }
}
