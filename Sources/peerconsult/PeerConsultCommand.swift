import ArgumentParser
import Foundation
import PeerConsultKit

/// The `peerconsult` command: with no subcommand it opens the home screen.
@main
struct PeerConsultCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "peerconsult",
    abstract: "Facilitate peer-consulting sessions in the terminal and keep their transcripts.",
    version: PeerConsultVersion.current,
    subcommands: [
      HomeCommand.self, RunCommand.self, ResumeCommand.self, ReviewCommand.self,
      ListCommand.self, ShowCommand.self, SearchCommand.self, ActionsCommand.self,
      ExportCommand.self, HarvestCommand.self, ImportCommand.self, ProtocolsCommand.self,
      BackupCommand.self, RestoreCommand.self, DeleteCommand.self, ErasePersonCommand.self,
      TagsCommand.self, FollowCommand.self, GroupsCommand.self, CheckCommand.self,
      StoreCommand.self, SyncCommand.self,
    ],
    defaultSubcommand: HomeCommand.self
  )

  /// Parses the arguments with a leading `--data-dir` moved after the command's name, runs
  /// the command, and reports an error in its own words on standard error.
  ///
  /// A start with no command (the home screen, the README's way in) opens the home screen
  /// without argument-parser, and so does `review` (the review list): parsing took a third of
  /// the CPU time to the home screen's first frame, even for `HomeCommand` alone (it reflects
  /// on the command's properties and, for `--generate-completion-script`, on its own; each
  /// dynamic cast scans every protocol conformance in the statically linked binary), and about
  /// 5 ms of the review list's. The data folder is checked as `DataOptions.validate` checks it.
  /// `home` itself, `review` with anything more than a data folder, and every other command
  /// are parsed as before. For the same reason each command names itself (`commandName`)
  /// rather than letting argument-parser derive the name with `String(describing:)`.
  static func main() {
    // A write past the file-size limit (`ulimit -f`) fails with EFBIG, reported in one line
    // as any failed write is (a screen's save as not saved, SQLite's "disk I/O error"),
    // instead of the signal ending the program without a word, the terminal left raw.
    signal(SIGXFSZ, SIG_IGN)
    let commands = configuration.subcommands.map { $0._commandName }
    do {
      let arguments = try LeadingOptions.reordered(
        Array(CommandLine.arguments.dropFirst()), commands: commands)
      if let start = LeadingOptions.screenStart(arguments) {
        let location = try DataOptions.location(checking: start.dataDirectory)
        switch start.screen {
        case .home: try HomeCommand.open(location)
        case .review: try ReviewCommand.open(location)
        }
        return
      }
      if var command = UnparsedCommand.command(arguments) {
        try command.run()
        return
      }
      // A word that names no command would be taken as an argument of the home screen's,
      // and refused with home's usage.
      if let word = arguments.first, !word.hasPrefix("-"), !commands.contains(word),
        word != "help"
      {
        throw CLIError(CommandText.unknownCommand(word))
      }
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch {
      report(error)
    }
  }

  /// Writes what `error` says and exits with its status, as ArgumentParser's `exit(withError:)`
  /// does, but through the program's own writers: a message that echoes an argument shows its
  /// control characters as `�`, and help written to a full disk is reported.
  private static func report(_ error: any Error) -> Never {
    let code = exitCode(for: error)
    let message = fullMessage(for: error)
    if !message.isEmpty {
      if code == .success {
        do throws(CLIError) { try StandardOutput.line(message) } catch {
          printError(error.description)
          Foundation.exit(ExitCode.failure.rawValue)
        }
      } else {
        printError(CommandText.errorLine(message))
      }
    }
    Foundation.exit(code.rawValue)
  }
}

/// Options every command accepts.
struct DataOptions: ParsableArguments {
  @Option(
    name: .customLong("data-dir"),
    help: ArgumentHelp(
      "Folder holding PeerConsult's data.",
      discussion:
        "Default: $PEERCONSULT_DATA_DIR, else $XDG_DATA_HOME/peerconsult (~/.local/share/peerconsult).",
      valueName: "DIR"))
  var dataDir: String?

  var location: DataLocation { DataLocation.resolve(dataDir: dataDir) }

  /// Refuses an empty `--data-dir` (which would quietly mean the default) and a data folder
  /// that is a file, before any command runs.
  func validate() throws {
    _ = try Self.location(checking: dataDir)
  }

  /// The data folder `dataDir` (a `--data-dir` value, or nil) chooses, after the checks of
  /// `validate`.
  static func location(checking dataDir: String?) throws -> DataLocation {
    if dataDir?.isEmpty == true {
      throw CLIError(
        "--data-dir is empty: give a folder, or leave the option out to use "
          + "\(DataLocation.resolve(dataDir: nil).dataDirectory.path).")
    }
    let location = DataLocation.resolve(dataDir: dataDir)
    try location.checkDataDirectory()
    return location
  }

  /// `database`, after a warning on standard error when other users can list its folder (the
  /// files stay private; the names would show).
  func warningAboutTheFolder(of database: AppDatabase) -> AppDatabase {
    if let warning = database.folderPermissionWarning { printError("Warning: \(warning)") }
    if let warning = database.makeFilesPrivate() { printError("Warning: \(warning)") }
    return database
  }
}
