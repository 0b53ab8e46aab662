import ArgumentParser
import PeerConsultApp
import PeerConsultKit

/// `peerconsult resume [SESSION]`: back to an unfinished session where it stopped.
struct ResumeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resume",
    abstract: "Carry on a session where it stopped, or reopen a finished one.",
    discussion: """
      Returns to the same round and phase with the same notes, pause and remaining time; a \
      phase that ran out while PeerConsult was closed shows its overtime; a session never \
      started is still ready. Without SESSION, resumes the most recently used unfinished \
      session. A finished session shows its summary and asks whether to reopen its last \
      phase; --reopen reopens it without asking. A session of a programme shared with a \
      store is refused while another machine holds it; --take-over takes it from a machine \
      whose lease expired.
      """)

  @Argument(
    help: ArgumentHelp("A unique prefix of the session id, or `latest`.", valueName: "SESSION"))
  var session: String?

  @Flag(help: "Reopen a finished session's last phase without asking.")
  var reopen = false

  @Flag(
    help: ArgumentHelp(
      "Take the session over from a machine whose lease on the shared store expired (it "
        + "stopped without letting go)."))
  var takeOver = false

  @OptionGroup var data: DataOptions

  func run() throws {
    let location = data.location
    guard try AppDatabase.exists(in: location.dataDirectory) else {
      throw CLIError(
        "No sessions yet in \(location.dataDirectory.path): start one with `peerconsult run` or `peerconsult`."
      )
    }
    let status = try InteractiveTerminal.run(location: location, takeOver: takeOver) {
      services in
      guard let database = try services.database() else {
        throw CLIError("No sessions yet in \(location.dataDirectory.path).")
      }
      let id: SessionID
      if let session {
        id = try database.resolveSession(session)
      } else {
        guard let latest = try database.unfinishedSessions().first else {
          throw CLIError("No unfinished session to resume; `peerconsult list` shows them all.")
        }
        id = latest.id
      }
      return reopen ? .reopen(id) : .resume(id)
    }
    if status != 0 { throw ExitCode(status) }
  }
}
