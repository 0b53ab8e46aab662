import Foundation
import PeerConsultKit

/// The live screen's state: a snapshot of the session plus what the facilitator is doing.
public struct LiveState: Equatable, Sendable {
  public var sessionID: SessionID
  /// The session as last committed to the store; replaced after every command.
  public var session: SessionState
  public var editor: NoteEditorState?
  /// The note picked in the transcript for edit, delete or done; nil means the latest.
  public var selectedNote: Int?
  /// The participant picked in the process-rating panel, when it is open.
  public var ratingSelection: Int?
  /// Whether the schedule view is showing.
  public var showSchedule = false
  public var scheduleScroll = 0
  /// No bell or flash at zero.
  public var muted = false
  /// Whether `g` unfolded the phase's guidance and rules that a small window folds to one line.
  public var guidanceUnfolded = false
  /// The slot whose zero has been signalled, so the bell rings once per phase.
  public var signalledSlot: Int?
  /// The programme's `#tags` (without `#`), the most used first, that Ctrl-T completes; the
  /// tags of notes saved here join them.
  public var knownTags: [String] = []
  /// When the screen last asked for what other programs stored in the session (review
  /// marking an action done); asked again on the first tick a second later.
  public var lastRefresh: Date?
  /// The kind picked in the panel of notes shared with the room, when it is open.
  public var roomNotesSelection: Int?
  /// Whether the store may hold a draft of the open note (kept at a pause in typing, or
  /// brought back from one kept when the program was ended), so that closing the note, saved
  /// or discarded, forgets it there too.
  public var draftInStore = false
  /// The draft last handed to the store for the open note; nil when none, or when keeping
  /// it failed, so that the next pause keeps it again.
  public var draftKept: NoteDraft?
  /// When the open note was first and last touched since its draft was last looked at; the
  /// draft is kept at their ``DraftTouches/due``, so that a killed program or a power cut
  /// loses no more than the last seconds of typing.
  public var draftTouched: DraftTouches?
  /// How many times in a row keeping the note being written has failed: from the second, the
  /// notice line says so (a full disk), where one failure alone may pass unseen.
  public var draftKeepFailures = 0
  /// The presenter to come last marked as gone in who is here, and the rounds to come then:
  /// kept here, with the session, so that `l` again after going back to the live screen (back
  /// from the corridor) still gives the round back (``GroupState``).
  public var leftPresenter: GroupState.LeftPresenter?

  public init(sessionID: SessionID, session: SessionState, now: Date) {
    self.sessionID = sessionID
    self.session = session
    // A phase that ran out while the program was closed shows its overtime without a bell.
    if let timer = session.timer(at: now), timer.isOvertime { signalledSlot = session.currentSlot }
  }

  /// Adds the tags written in `text` that are not known yet, after the known ones.
  mutating func learnTags(from text: String) {
    let known = Set(knownTags.map { NoteTag.key(of: $0) })
    for tag in NoteTag.distinct(in: text) where !known.contains(tag.key) {
      knownTags.append(tag.text)
    }
  }

  /// Notes shown in the transcript, oldest first.
  public var transcript: [Note] { session.visibleNotes }

  /// The note that edit, delete and done act on.
  public var targetNote: Note? {
    if let selectedNote, let note = session.note(selectedNote), !note.isDeleted { return note }
    return session.notes.last { !$0.isDeleted }
  }

  /// Where the note with `id` is in `notes`: ids count from 1 in the order written, so this
  /// is found at once, with a search only if that ever stops being so.
  static func index(of id: Int, in notes: NoteLog) -> Int? {
    if notes.indices.contains(id - 1) && notes[id - 1].id == id { return id - 1 }
    return notes.lastIndex { $0.id == id }
  }
}

/// What the summary screen shows: the finished session.
public struct SummaryState: Equatable, Sendable {
  public var sessionID: SessionID
  public var session: SessionState
  public var scroll = 0
  /// The earlier actions of its group this meeting followed up, once read
  /// (``AppCommand/loadEarlierActions(_:_:)``): the minutes show them, and so must the summary
  /// the group reviews before anything is shared.
  public var earlier: [EarlierAction] = []

  public init(sessionID: SessionID, session: SessionState) {
    self.sessionID = sessionID
    self.session = session
  }

  /// Shows the summary of `session`, reading the earlier actions it followed up, if any.
  static func shown(_ sessionID: SessionID, _ session: SessionState) -> [Effect] {
    [.show(SummaryState(sessionID: sessionID, session: session))]
      + (session.followUps.isEmpty ? [] : [.command(.loadEarlierActions(sessionID, session))])
  }
}

/// When the note being written was first and last touched since its draft was last kept.
public struct DraftTouches: Equatable, Sendable {
  /// How long typing must pause before the note is kept: shorter than a sentence spoken.
  public static let pause: TimeInterval = 2
  /// The longest typing goes on without the note being kept, pause or not.
  public static let longest: TimeInterval = 10

  public var first: Date
  public var last: Date

  /// When the draft is to be kept: at a pause in typing, or after the longest stretch.
  public var due: Date {
    min(last.addingTimeInterval(Self.pause), first.addingTimeInterval(Self.longest))
  }
}
