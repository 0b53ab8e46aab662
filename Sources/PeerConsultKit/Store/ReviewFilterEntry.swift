import Foundation

/// What the review list's filter needs of one stored session, and no more: its id, when it
/// began, its programme and the words it can be found by (title, programme, protocol and
/// presenters), folded. A filter typed over ten thousand sessions reads these, kept folded
/// with the sessions (schema v16's `review_filter`), instead of every session's listing, and
/// lists only the sessions it shows.
public struct ReviewFilterEntry: Equatable, Sendable {
  public let id: SessionID
  public let createdAt: Date
  public let programme: String
  /// The title, programme, protocol and presenters in round order, each after a space,
  /// folded (``HaystackFolder``). The date, shown in the reader's zone, is not in it.
  public let text: FilterText

  public init(id: SessionID, createdAt: Date, programme: String, text: FilterText) {
    self.id = id
    self.createdAt = createdAt
    self.programme = programme
    self.text = text
  }

  /// The entry of `listing`, its text folded by `folder`.
  public init(_ listing: SessionListing, folder: inout HaystackFolder) {
    self.init(
      id: listing.id, createdAt: listing.createdAt, programme: listing.programme,
      text: FilterText(folder.fold(Self.words(of: listing))))
  }

  /// The words `listing` is found by, not folded: its title, programme, protocol and
  /// presenters, each after a space.
  public static func words(of listing: SessionListing) -> String {
    words(
      title: listing.title, programme: listing.programme, protocolName: listing.protocolName,
      presenters: listing.presenters)
  }

  /// The words a session with these is found by, not folded.
  static func words(
    title: String, programme: String, protocolName: String, presenters: [String]
  ) -> String {
    ([title, programme, protocolName] + presenters).joined(separator: " ")
  }

  /// The folded text a session with these is found by, folded by `fold`: a
  /// ``HaystackFolder``'s for many sessions, ``HaystackFolder/folded(_:)`` for one (a new
  /// folder asks Foundation for the foldings of a whole block of letters at each one it meets).
  static func text(
    title: String, programme: String, protocolName: String, presenters: [String],
    fold: (String) -> String
  ) -> FilterText {
    FilterText(
      fold(
        words(
          title: title, programme: programme, protocolName: protocolName, presenters: presenters)))
  }
}
