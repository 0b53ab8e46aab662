import ArgumentParser
import PeerConsultApp
import PeerConsultKit

/// Opens the home screen (the default when no subcommand is given).
struct HomeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "home", abstract: "Open the home screen (the default).")

  @OptionGroup var data: DataOptions

  func run() throws {
    try Self.open(data.location)
  }

  /// Runs the home screen on `location`; also the start with no command, which is not parsed
  /// (`PeerConsultCommand.main`).
  static func open(_ location: DataLocation) throws {
    let status = try InteractiveTerminal.run(location: location)
    if status != 0 { throw ExitCode(status) }
  }
}
