import PeerConsultKit

/// Options typed before the command's name (`peerconsult --data-dir X import f`).
///
/// swift-argument-parser gives options before a subcommand to the root command, which has
/// none, and then takes the subcommand for arguments of the default one (`home`). `--data-dir`,
/// which every command accepts, is moved after the command instead, so it works wherever it
/// is typed; any other option there is refused with where it goes.
enum LeadingOptions {
  /// The option every command accepts.
  static let dataDirectory = "--data-dir"

  /// `arguments` (without the program's name) with a leading `--data-dir` moved after the
  /// command; a refusal when another option comes before a command's name.
  static func reordered(_ arguments: [String], commands: [String]) throws(CLIError) -> [String] {
    var leading: [String] = []
    var index = arguments.startIndex
    while index < arguments.endIndex {
      let argument = arguments[index]
      if argument == dataDirectory, index + 1 < arguments.endIndex {
        leading += arguments[index...(index + 1)]
        index += 2
      } else if argument.hasPrefix(dataDirectory + "=") {
        leading.append(argument)
        index += 1
      } else {
        break
      }
    }
    let rest = Array(arguments[index...])
    guard let first = rest.first else { return arguments }
    if first.hasPrefix("-"), !["-h", "--help", "--version", "--"].contains(first),
      let command = rest.first(where: commands.contains)
    {
      throw CLIError(
        "\(CommandText.quoted(first)) goes after the command's name: "
          + "peerconsult \(command) \(CommandText.quoted(first)) …; "
          + "only \(dataDirectory) may come first.")
    }
    guard !leading.isEmpty, commands.contains(first) else { return arguments }
    // After the command's other arguments, but before a `--` that ends the options.
    let end = rest.firstIndex(of: "--") ?? rest.endIndex
    return Array(rest[..<end]) + leading + Array(rest[end...])
  }

  /// A start that only opens a screen, with a data folder or none: home, or the review list.
  struct ScreenStart: Equatable {
    /// The screens a start opens without argument-parser.
    enum Screen: Equatable {
      /// No command: the home screen.
      case home
      /// `review`: the review list.
      case review
    }

    var screen: Screen
    /// The `--data-dir` value, if one was given.
    var dataDirectory: String?
  }

  /// The screen `arguments` (after `reordered`) ask for: the home screen for none at all, the
  /// review list for `review`, either followed by nothing else or by `--data-dir DIR` or
  /// `--data-dir=DIR` alone; nil for anything else, which argument-parser parses. Such a start
  /// is not parsed; see `PeerConsultCommand.main`.
  static func screenStart(_ arguments: [String]) -> ScreenStart? {
    let review = arguments.first == ReviewCommand.configuration.commandName
    let options = review ? Array(arguments.dropFirst()) : arguments
    let screen: ScreenStart.Screen = review ? .review : .home
    switch options.count {
    case 0:
      return ScreenStart(screen: screen)
    // `--data-dir=` with nothing after it is argument-parser's to refuse ("Missing value").
    case 1 where options[0].hasPrefix(dataDirectory + "=") && options[0] != dataDirectory + "=":
      return ScreenStart(
        screen: screen, dataDirectory: String(options[0].dropFirst(dataDirectory.count + 1)))
    case 2 where options[0] == dataDirectory && !options[1].hasPrefix("-"):
      return ScreenStart(screen: screen, dataDirectory: options[1])
    default:
      return nil
    }
  }
}
