import Foundation

/// An action agreed in a session, as `peerconsult actions` lists it.
public struct ActionItem: Hashable, Sendable {
  public let session: SessionID
  public let sessionTitle: String
  public let programme: String
  public let sessionCreatedAt: Date
  /// The note's number in its session.
  public let note: Int
  public let text: String
  /// The owner's name, if the action has one.
  public let owner: String?
  public let isDone: Bool
  public let doneAt: Date?
}

extension SessionRecord {
  /// The actions not deleted, in the order written.
  public var actions: [ActionItem] {
    state.visibleNotes.filter(\.isAction).map { note in
      ActionItem(
        session: id, sessionTitle: state.setup.title, programme: state.setup.programme,
        sessionCreatedAt: state.createdAt, note: note.id, text: note.text,
        owner: note.owner.map { state.participants[$0].name }, isDone: note.isDone,
        doneAt: note.doneAt)
    }
  }
}
