import ArgumentParser
import Foundation
import PeerConsultKit

/// `peerconsult show`: one session's transcript and summary as plain text.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show a session: who was there, the notes by round and phase, and the summary.",
    discussion: "Deleted notes are left out; `export --format json` keeps every version.")

  @OptionGroup var data: DataOptions

  @Argument(
    help: ArgumentHelp("A unique prefix of the session's id, or `latest`.", valueName: "SESSION"))
  var session: String

  func run() throws {
    guard let database = try data.existingDatabase() else { throw StoreError.noSessions }
    defer { database.closeForExit() }
    // Written as it is laid out, from the session's snapshot rather than every event, each
    // phase's notes decoded as they are written.
    let id = try database.resolveSession(session)
    let (state, asOf) = try database.openedSession(id)
    // On a terminal a long line wraps on words under its indent; piped, lines are whole.
    let width = outputColumns
    let earlier = try database.earlierActions(followedUpIn: state)
    try SessionExport.plainText(
      id, state, at: asOf, earlier: earlier, group: try database.standingGroup(of: state)
    ) {
      (text: String) throws(CLIError) in
      try StandardOutput.write(CommandText.wrapped(text, width: width))
    }
  }
}
