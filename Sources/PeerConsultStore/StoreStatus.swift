import Foundation
import PeerConsultKit

/// What a data folder has shared with a store and what waits to be sent, read from the
/// folder alone (no network): `peerconsult store status`.
public struct StoreStatus: Hashable, Sendable {
  public let store: String
  public let address: String
  public let programmes: [String]
  /// Events the store holds of this folder's logs, as of the last sync.
  public let synced: Int
  /// Events written here since, and the logs they belong to.
  public let pending: Int
  public let pendingLogs: Int
  /// Sessions deleted here whose removal the next sync carries to the store.
  public let pendingDeletions: Int
  /// Sessions that came from the store.
  public let fromStore: Int
  public let lastSync: LastSync?

  /// The status of `store` in `database`.
  public static func of(_ store: SharedStore, in database: AppDatabase) throws -> StoreStatus {
    let attachments = try database.attachments(store: store.name)
    let local = try database.streams(ofProgrammes: attachments.map(\.programme))
    let records = try database.syncRecords(store: store.name)
    let others = try database.lastSequences(of: Array(Set(records.keys).subtracting(local.keys)))
    var pending = 0
    var pendingLogs = 0
    for (key, log) in local {
      let behind = log.last - (records[key]?.syncedSequence ?? 0)
      if behind > 0 {
        pending += behind
        pendingLogs += 1
      }
    }
    return StoreStatus(
      store: store.name, address: store.address.description,
      programmes: attachments.map(\.programme),
      synced: records.values.map(\.syncedSequence).reduce(0, +), pending: pending,
      pendingLogs: pendingLogs,
      pendingDeletions: records.keys.filter { local[$0] == nil && others[$0] == nil }.count,
      fromStore: records.filter { $0.key.kind == .session && !$0.value.writtenHere }.count,
      lastSync: try database.lastSync(store: store.name))
  }
}
