import ArgumentParser

/// Opens the home screen (the default when no subcommand is given).
struct HomeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "home", abstract: "Open the home screen (the default).")

  @OptionGroup var data: DataOptions

  func run() throws {
    print("home: \(data.location.dataDirectory.path)")
  }
}
