import Foundation
import PeerConsultKit

/// One session as the review list's filter sees it: its id, its programme and its text,
/// folded once for every key typed after.
struct FilterEntry: Equatable, Sendable {
  let id: SessionID
  let programme: String
  let text: FilterText

  /// The entries of `listings`, read for the list.
  static func entries(of listings: [SessionListing], _ timeZone: TimeZone) -> [FilterEntry] {
    var folder = HaystackFolder()
    return listings.map {
      FilterEntry(
        id: $0.id, programme: $0.programme,
        text: FilterText(folder.fold(ReviewState.text(of: $0, timeZone))))
    }
  }

  /// The entries of every stored session, as the store gave them.
  static func entries(of stored: [ReviewFilterEntry], _ timeZone: TimeZone) -> [FilterEntry] {
    var folder = HaystackFolder()
    let time = ReadableTime(timeZone: timeZone)
    return stored.map {
      FilterEntry(
        id: $0.id, programme: $0.programme,
        text: FilterText(folder.fold($0.text + " " + time.dayAndTime($0.createdAt))))
    }
  }
}
