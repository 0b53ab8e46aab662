import ArgumentParser
import Foundation
import PeerConsultApp
import PeerConsultKit
import PeerConsultStore

/// `peerconsult follow --store NAME SESSION`: the room display of a session run on another
/// machine, read through a shared store. The session is copied into a private folder of the
/// data folder (`mirrors/`, 0700 like it) that the display reads as it reads a local one, and
/// that is removed when the display ends.
struct FollowThroughStore {
  let store: String
  let session: String
  let data: DataOptions

  func run(notes: Bool, plain: Bool) throws {
    let shared: SharedStore
    do {
      guard let database = try data.existingDatabase() else {
        throw StoreSetupError.noSuchStore(store, known: [])
      }
      defer { database.closeForExit() }
      shared = try SharedStore.named(store, in: database)
    }
    let location = data.location
    let mirrors = location.dataDirectory.appendingPathComponent("mirrors")
    try FileManager.default.createDirectory(
      at: mirrors, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let folder = mirrors.appendingPathComponent(UUID().uuidString)
    defer { try? FileManager.default.removeItem(at: folder) }
    let mirror = try AppDatabase(directory: folder)
    defer { try? mirror.close() }
    let follow = try StoreFollow.start(store: shared, session: session, mirror: mirror)
    defer { follow.stop() }
    if plain {
      guard let reader = try AppDatabase.openForReading(directory: folder) else {
        throw StoreError.noSessions
      }
      defer { try? reader.close() }
      let follower = try SessionFollower(
        database: reader, dataDirectory: folder, session: follow.session, source: follow)
      let status = try PlainRoomDisplay.run(
        follower, clock: SystemClock(), notes: notes, write: { try StandardOutput.line($0) })
      if status != 0 { throw ExitCode(status) }
      return
    }
    // Its folder is a copy made for this display, gone with it: after a crash, the command
    // that shows the display again.
    let status = try InteractiveTerminal.run(
      location: DataLocation(
        dataDirectory: folder, protocolsDirectory: location.protocolsDirectory),
      crashAdvice: FollowCommand.crashAdvice
    ) { services in
      services.followSource = follow
      return .follow(follow.session, notes: notes)
    }
    if status != 0 { throw ExitCode(status) }
  }
}
