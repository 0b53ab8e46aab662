import ArgumentParser
import PeerConsultApp

/// Opens the home screen (the default when no subcommand is given).
struct HomeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "home", abstract: "Open the home screen (the default).")

  @OptionGroup var data: DataOptions

  func run() throws {
    let status = try InteractiveTerminal.run(location: data.location)
    if status != 0 { throw ExitCode(status) }
  }
}
