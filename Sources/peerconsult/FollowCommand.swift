import ArgumentParser
import Foundation
import PeerConsultApp
import PeerConsultKit
import PeerConsultStore

/// `peerconsult follow [SESSION]`: the room display of a session run in another window.
struct FollowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "follow",
    abstract: "Show the room the phase, who speaks and the time of a session run elsewhere.",
    discussion: """
      A read-only view for a projector or a second terminal window, kept up to date as the \
      facilitator works in another window: it never changes the session. Without SESSION, \
      or with `latest`, it shows the session being run, else the most recently used \
      unfinished one; once it has shown a session running it stays with it until it is \
      finished, then moves to the next session run. With no session yet, it waits for one. \
      With --store NAME, it follows the session through a shared store instead, from \
      another machine (SESSION, or `latest`, the session the store changed last). \
      Keys: q leaves, ? help, b blanks the screen, f shows or hides the notes (with --notes). \
      --plain writes one line per change instead (no cursor movement; standard output may be \
      a pipe) and ends when the session is finished and no longer run.
      """)

  @Argument(
    help: ArgumentHelp(
      "A unique prefix of the session id, or `latest` (the default).", valueName: "SESSION"))
  var session: String?

  @Flag(
    help:
      "Also show the latest notes of the kinds the facilitator shares with the room, without speaker names."
  )
  var notes = false

  @Flag(help: "Write lines instead of drawing a screen: for screen readers, captions and logs.")
  var plain = false

  @Option(
    help: ArgumentHelp(
      "Follow the session through this shared store (see `store add`), from another machine.",
      valueName: "NAME"))
  var store: String?

  @OptionGroup var data: DataOptions

  func run() throws {
    if let store {
      try FollowThroughStore(store: store, session: session ?? "latest", data: data).run(
        notes: notes, plain: plain)
      return
    }
    let location = data.location
    let directory = location.dataDirectory
    // A folder that cannot be looked in is refused here, in one line. One with no session
    // yet is waited on when following the latest; a session named must be there.
    let exists = try AppDatabase.exists(in: directory)
    if named != nil && !exists { throw StoreError.noSessions }
    if plain {
      var database = try data.existingDatabase()
      defer { database?.closeForExit() }
      let follower: SessionFollower
      if let named {
        guard let database else { throw StoreError.noSessions }
        follower = try SessionFollower(
          database: database, dataDirectory: directory, session: try database.resolveSession(named))
      } else {
        follower = try PlainRoomDisplay.waitForSession(
          in: directory, write: { try StandardOutput.line($0) },
          find: {
            if database == nil { database = try data.existingDatabase() }
            return try SessionFollower.latestWhenAny(database: database, dataDirectory: directory)
          })
      }
      let status = try PlainRoomDisplay.run(
        follower, clock: SystemClock(), notes: notes, write: { try StandardOutput.line($0) })
      if status != 0 { throw ExitCode(status) }
      return
    }
    let status = try InteractiveTerminal.run(location: location, crashAdvice: Self.crashAdvice) {
      services in
      guard let named else { return .follow(nil, notes: notes) }
      guard let database = try services.database() else { throw StoreError.noSessions }
      return .follow(try database.resolveSession(named), notes: notes)
    }
    if status != 0 { throw ExitCode(status) }
  }

  /// What a room display's crash line says: it holds nothing to resume (`resume latest` would
  /// open the facilitator's session in a second window), so the same command again.
  static let crashAdvice = ": run the same `peerconsult follow` command again to show the display."

  /// The session named on the command line; nil for the latest (none named, or `latest`).
  private var named: String? {
    guard let session, session.trimmingCharacters(in: .whitespaces).lowercased() != "latest"
    else { return nil }
    return session
  }
}
