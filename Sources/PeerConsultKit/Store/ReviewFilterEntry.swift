import Foundation

/// What the review list's filter needs of one stored session, and no more: its id, when it
/// began, its programme and the words it can be found by (title, programme, protocol and
/// presenters, not yet folded). A filter typed over ten thousand sessions reads these instead
/// of every session's listing, and lists only the sessions it shows.
public struct ReviewFilterEntry: Hashable, Sendable {
  public let id: SessionID
  public let createdAt: Date
  public let programme: String
  /// The title, programme, protocol and presenters, each after a space; the presenters in no
  /// particular order (a filter's words hold no space, so no word can span two of them).
  public let text: String

  public init(id: SessionID, createdAt: Date, programme: String, text: String) {
    self.id = id
    self.createdAt = createdAt
    self.programme = programme
    self.text = text
  }
}
