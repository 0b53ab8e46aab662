import ArgumentParser
import Foundation
import PeerConsultKit
import PeerConsultStore

/// `peerconsult sync [NAME]`: brings the data folder and a shared store level.
struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Send attached programmes' new events to a store and take what others sent.",
    discussion: """
      Sends the events of the attached programmes' sessions and groups that the store lacks, \
      takes those of the programmes it grants you that this folder lacks, and carries \
      deletions and erasures both ways. Running it again sends nothing. A session changed on \
      two machines at the same places is left alone on both and named. Without NAME, the one \
      store there is.
      """)

  @OptionGroup var data: DataOptions
  @Argument(help: "The store's name.") var store: String?

  func run() throws {
    let database = try data.database()
    defer { database.closeForExit() }
    let names = try database.stores().map(\.name)
    let name: String
    if let store {
      name = store
    } else {
      guard names.count == 1, let only = names.first else {
        throw names.isEmpty
          ? CLIError("No store yet: add one with `peerconsult store add NAME URL`.")
          : CLIError("Several stores: name one (\(names.joined(separator: ", "))).")
      }
      name = only
    }
    let shared = try SharedStore.named(name, in: database)
    let folder = data.location.dataDirectory
    let report = try StoreSync(store: shared, database: database) {
      SessionLock.isLive($0, in: folder)
    }.run(now: Date())
    try StandardOutput.write(StoreText.report(report, store: shared.name))
    if !report.refused.isEmpty { throw ExitCode.failure }
  }
}
