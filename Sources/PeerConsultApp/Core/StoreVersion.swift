import PeerConsultKit

/// The store's data version (``AppDatabase/dataVersion()``) on one opening of the database by
/// ``AppServices``. SQLite counts per connection, so two versions tell whether another program
/// wrote in between only when the same opening gave both: the services open the database for
/// reading first and for writing when something is written, and the two count apart.
public struct StoreVersion: Equatable, Sendable {
  /// Which of the services' openings of the database gave it, each a new number.
  public let opening: Int
  public let value: Int

  public init(opening: Int, value: Int) {
    self.opening = opening
    self.value = value
  }
}
