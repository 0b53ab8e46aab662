import PeerConsultKit

/// A change to the live session, performed on the store first and shown only once committed.
public enum SessionCommand: Equatable, Sendable {
  case next, previous, togglePause
  case adjust(minutes: Int)
  case addNote(NoteContent)
  case editNote(Int, NoteContent)
  case deleteNote(Int)
  case setActionDone(Int, Bool)
  case rate(participant: Int, rating: Int)
}
