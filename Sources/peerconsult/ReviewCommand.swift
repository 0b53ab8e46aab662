import ArgumentParser
import PeerConsultApp
import PeerConsultKit

/// `peerconsult review`: the session browser on its own.
struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Read and search past sessions, and mark their actions done.",
    discussion: """
      Lists the sessions newest first; type to narrow the list, Ctrl-P to pick a programme, \
      Tab to search every note, Enter to read a transcript, Ctrl-S to share a session \
      anonymised after reviewing it, Ctrl-X to delete one. Esc on an empty list filter \
      leaves. Nothing is created when there are no sessions yet.
      """)

  @OptionGroup var data: DataOptions

  func run() throws {
    try Self.open(data.location)
  }

  /// Runs the review list on `location`; also `review` with no more than a data folder, which
  /// is not parsed (`PeerConsultCommand.main`).
  static func open(_ location: DataLocation) throws {
    let status = try InteractiveTerminal.run(location: location) { _ in .loadReview }
    if status != 0 { throw ExitCode(status) }
  }
}
