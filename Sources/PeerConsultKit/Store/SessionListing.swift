import Foundation

/// One session in a listing: enough to choose it without loading its events.
public struct SessionListing: Hashable, Sendable {
  public let id: SessionID
  public let createdAt: Date
  /// When its last event was stored.
  public let updatedAt: Date
  public let finishedAt: Date?
  public let title: String
  public let programme: String
  public let protocolName: String
  /// Presenters' names, in round order.
  public let presenters: [String]
  /// Notes not deleted.
  public let noteCount: Int
  /// Actions not deleted, and how many of them are done.
  public let actionCount: Int
  public let actionsDone: Int
  /// The name of the shared store the session was taken from (`peerconsult sync`), or nil for
  /// one written here: listings mark it with its origin.
  public var origin: String? = nil

  public var isFinished: Bool { finishedAt != nil }
}
