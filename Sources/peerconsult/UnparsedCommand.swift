import ArgumentParser

/// The reading commands a start builds without argument-parser: `list`, `search` and `show`
/// with plain arguments (`PlainArguments`), built as argument-parser builds them and run by
/// the same `run()`.
///
/// Parsing cost each of them about 2.8 ms of CPU time, 40 % of `list`'s whole start on an
/// empty folder: argument-parser reflects on the command's properties and, to look for
/// `--generate-completion-script`, on its own, and each dynamic cast scans every protocol
/// conformance of the statically linked binary (Docs/PERFORMANCE.md). Anything not plain,
/// and a data folder `DataOptions.validate` refuses, is left to argument-parser, so that its
/// help and its refusals stay its own; `UnparsedCommandTests` compares each command built
/// here with argument-parser's.
enum UnparsedCommand {
  /// The command `arguments` (after `LeadingOptions.reordered`) ask for, when it is one of
  /// the three with plain arguments and a data folder that passes the checks; nil for
  /// anything argument-parser should parse.
  static func command(_ arguments: [String]) -> (any ParsableCommand)? {
    guard let name = arguments.first else { return nil }
    let rest = arguments.dropFirst()
    let command: (any ParsableCommand)?
    switch name {
    case ListCommand.configuration.commandName: command = list(rest)
    case SearchCommand.configuration.commandName: command = search(rest)
    case ShowCommand.configuration.commandName: command = show(rest)
    default: command = nil
    }
    // A command's own checks, as argument-parser runs them after parsing; one that refuses is
    // left to argument-parser, to refuse in its words. (None of the three has any yet.)
    guard var command, (try? command.validate()) != nil else { return nil }
    return command
  }

  /// The option every command takes.
  private static let dataDirectory = LeadingOptions.dataDirectory

  /// `list [--programme P] [--limit N] [--all] [--json]`.
  private static func list(_ arguments: ArraySlice<String>) -> ListCommand? {
    guard
      let plain = PlainArguments(
        arguments, options: [dataDirectory, "--programme", "--limit"], flags: ["--all", "--json"]),
      plain.positionals.isEmpty, let data = data(plain), let limit = optionalInt("--limit", plain)
    else { return nil }
    var command = ListCommand()
    command.data = data
    command.programme = plain.values["--programme"]
    command.limit = limit
    command.all = plain.flags.contains("--all")
    command.json = plain.flags.contains("--json")
    return command
  }

  /// `search [QUERY] [--programme P] [--kind K] [--speaker NAME] [--limit N] [--newest]
  /// [--json]`, the query left out only with a speaker.
  private static func search(_ arguments: ArraySlice<String>) -> SearchCommand? {
    guard
      let plain = PlainArguments(
        arguments, options: [dataDirectory, "--programme", "--kind", "--speaker", "--limit"],
        flags: ["--newest", "--json"]),
      plain.positionals.count == 1 || plain.positionals.isEmpty && plain.values["--speaker"] != nil,
      let data = data(plain), let limit = optionalInt("--limit", plain)
    else { return nil }
    var command = SearchCommand()
    command.data = data
    command.query = plain.positionals.first
    command.speaker = plain.values["--speaker"]
    command.programme = plain.values["--programme"]
    command.kind = plain.values["--kind"]
    command.limit = limit ?? SearchCommand.defaultLimit
    command.newest = plain.flags.contains("--newest")
    command.json = plain.flags.contains("--json")
    return command
  }

  /// `show SESSION`.
  private static func show(_ arguments: ArraySlice<String>) -> ShowCommand? {
    guard let plain = PlainArguments(arguments, options: [dataDirectory], flags: []),
      plain.positionals.count == 1, let data = data(plain)
    else { return nil }
    var command = ShowCommand()
    command.data = data
    command.session = plain.positionals[0]
    return command
  }

  /// The data folder `plain` names, or the default, when `DataOptions.validate` accepts it;
  /// nil when it refuses it, for argument-parser to refuse in its own words.
  private static func data(_ plain: PlainArguments) -> DataOptions? {
    var data = DataOptions()
    data.dataDir = plain.values[dataDirectory]
    guard (try? data.validate()) != nil else { return nil }
    return data
  }

  /// `option`'s whole number: `.some(nil)` when it is not given, nil when it is not a number,
  /// which argument-parser refuses.
  private static func optionalInt(_ option: String, _ plain: PlainArguments) -> Int?? {
    guard let value = plain.values[option] else { return .some(nil) }
    return Int(value).map { .some($0) }
  }
}
