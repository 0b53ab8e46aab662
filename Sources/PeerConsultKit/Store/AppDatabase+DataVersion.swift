import GRDB

extension AppDatabase {
  /// A number that changes whenever another connection (another PeerConsult process, or
  /// another `AppDatabase` on the same file) has committed to the database since it was last
  /// asked; commits made through this `AppDatabase` leave it unchanged.
  ///
  /// This is SQLite's `PRAGMA data_version`, which is per connection, so it is always asked on
  /// the one connection that stays the same: a pool's writer, or a reading opening's only
  /// connection. Asking costs one pragma and touches no page, so a screen can ask on every
  /// clock tick to learn that a session changed elsewhere without reading any events.
  public func dataVersion() throws(StoreError) -> Int {
    do {
      return try writer.writeWithoutTransaction { db in
        try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
      }
    } catch {
      throw StoreError.whileReading(error, path: writer.path)
    }
  }
}
