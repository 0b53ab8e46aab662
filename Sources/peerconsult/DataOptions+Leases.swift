import Foundation
import PeerConsultKit
import PeerConsultStore

extension DataOptions {
  /// Runs `write`, which changes the stored sessions `ids` (a deletion, an erasure, a choice
  /// for sharing), with the shared store's leases on those of an attached programme held for
  /// that write and let go of right after, through the claim the screens use
  /// (`LiveSync.claim`): refused in one line naming the holder and since when, nothing
  /// changed, when another machine holds one. When the store cannot be reached it writes
  /// anyway, as a review edit does; what changed goes with the next `sync`, which reconciles.
  func holdingLeases<Result>(
    on ids: [SessionID], in database: AppDatabase, _ write: () throws -> Result
  ) throws -> Result {
    guard !ids.isEmpty, try !database.attachments().isEmpty else { return try write() }
    let pusher = LivePusher(holder: .current(dataDirectory: location.dataDirectory))
    try pusher.claim(ids, in: database)
    defer { pusher.release(ids) }
    return try write()
  }
}
