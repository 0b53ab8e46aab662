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
    // A session another program of this folder runs holds its lease under the same holder
    // already (and `delete` and `erase-person` refuse it): letting go after the write would
    // take that program's lease away.
    let claimed = ids.filter { !SessionLock.isLive($0, in: location.dataDirectory) }
    guard !claimed.isEmpty, try !database.attachments().isEmpty else { return try write() }
    let pusher = LivePusher(holder: .current(dataDirectory: location.dataDirectory))
    try pusher.claim(claimed, in: database)
    defer { pusher.release(claimed) }
    return try write()
  }
}
