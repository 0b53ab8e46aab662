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
    ],
    defaultSubcommand: HomeCommand.self
  )

  /// Parses the arguments with a leading `--data-dir` moved after the command's name.
  static func main() {
    let commands = configuration.subcommands.map { $0._commandName }
    do {
      main(
        try LeadingOptions.reordered(Array(CommandLine.arguments.dropFirst()), commands: commands))
    } catch {
      exit(withError: error)
    }
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
}
