import Foundation

extension AppDatabase {
  /// The programme as stored, for a name typed in any case and with or without accents.
  public func programme(named name: String) throws(StoreError) -> String? {
    let programmes = try programmes().map(\.name)
    if programmes.contains(name) { return name }
    let wanted = TermReplacer.fold(name.trimmingCharacters(in: .whitespacesAndNewlines))
    return programmes.first { TermReplacer.fold($0) == wanted }
  }

  /// The records of every session, or of one programme's, oldest first.
  public func records(programme: String? = nil) throws(StoreError) -> [SessionRecord] {
    var records: [SessionRecord] = []
    for listing in try sessions() where programme == nil || listing.programme == programme {
      records.append(try record(of: listing.id))
    }
    return SessionRecord.chronological(records)
  }
}
