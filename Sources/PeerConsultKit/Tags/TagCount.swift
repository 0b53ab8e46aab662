import Foundation

/// How often a `#tag` was used: in how many notes and sessions, and when first and last.
public struct TagCount: Hashable, Sendable {
  /// The tag as last written, without the `#`.
  public let tag: String
  /// The tag's ``NoteTag/key``.
  public let key: String
  public let notes: Int
  public let sessions: Int
  public let firstSeen: Date
  public let lastSeen: Date

  public init(
    tag: String, key: String, notes: Int, sessions: Int, firstSeen: Date, lastSeen: Date
  ) {
    self.tag = tag
    self.key = key
    self.notes = notes
    self.sessions = sessions
    self.firstSeen = firstSeen
    self.lastSeen = lastSeen
  }
}
