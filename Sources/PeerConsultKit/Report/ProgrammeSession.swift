import Foundation

/// What a programme's harvest and report read of one session: who was there and who
/// presented, the notes they quote (themes, what works, blockages, actions and the closing
/// phases' notes), the `#tags` of every note, the ratings and the follow-ups. Deleted notes are
/// left out.
///
/// Made from a session's digest (``init(_:)``: what sharing anonymised records uses, since
/// they exist only in memory) or read straight from the store's tables
/// (``AppDatabase/programmeSessions(programme:in:)``) without replaying a session, so a report
/// of a thousand sessions reads its notes by kind instead of rebuilding every session.
public struct ProgrammeSession: Sendable {
  /// A round as held: whether any of its phases ever ran.
  public struct Round: Hashable, Sendable {
    /// The participant who presents it.
    public let presenter: Int
    public let hasStarted: Bool
  }

  /// A note the harvest quotes.
  public struct Note: Hashable, Sendable {
    /// Its id in its session.
    public let id: Int
    public let kind: NoteKind
    public let text: String
    public let createdAt: Date
    /// Written in a closing phase: part of the session's process review.
    public let isClosing: Bool
    /// For an action: who owns it (their place in ``ProgrammeSession/participants`` and their
    /// name) and when its own session marked it done.
    public let owner: Int?
    public let ownerName: String?
    public let doneAt: Date?
    /// For an action: when it is due as agreed.
    public let due: ActionDue?
  }

  /// A `#tag` in a note: a note counts once however often it repeats the tag.
  public struct TagUse: Hashable, Sendable {
    public let key: String
    /// As written in the note, without `#`.
    public let tag: String
    public let createdAt: Date
  }

  public let id: SessionID
  public let title: String
  public let programme: String
  public let createdAt: Date
  public let finishedAt: Date?
  public let group: GroupID?
  /// In the order they joined: a participant's index is their place here.
  public let participants: [Participant]
  /// In round order.
  public let rounds: [Round]
  /// Notes not deleted, of every kind.
  public let noteCount: Int
  /// The quoted notes, in the order written.
  public let notes: [Note]
  /// Every tag of every note not deleted, oldest note first.
  public let tags: [TagUse]
  /// The standing ratings in participant order.
  public let ratings: [Int]
  /// What this meeting decided about its group's earlier actions.
  public let followUps: [ActionReference: ActionFollowUp]
  /// The name of the shared store the session was taken from, or nil for one written here
  /// (and for one read from records: an anonymised harvest never names it).
  public var origin: String?

  /// The kinds a harvest quotes wherever they were written; any kind is quoted from a closing
  /// phase.
  static let quotedKinds: Set<NoteKind> = [.theme, .worksWell, .blockage, .action]

  init(
    id: SessionID, title: String, programme: String, createdAt: Date, finishedAt: Date?,
    group: GroupID?, participants: [Participant], rounds: [Round], noteCount: Int,
    notes: [Note], tags: [TagUse], ratings: [Int],
    followUps: [ActionReference: ActionFollowUp]
  ) {
    self.id = id
    self.title = title
    self.programme = programme
    self.createdAt = createdAt
    self.finishedAt = finishedAt
    self.group = group
    self.participants = participants
    self.rounds = rounds
    self.noteCount = noteCount
    self.notes = notes
    self.tags = tags
    self.ratings = ratings
    self.followUps = followUps
    origin = nil
  }

  /// The session `digest` tells of.
  public init(_ digest: SessionDigest) {
    let visible = digest.visibleNotes
    self.init(
      id: digest.id, title: digest.title, programme: digest.programme,
      createdAt: digest.createdAt, finishedAt: digest.finishedAt, group: digest.setup.group,
      participants: digest.people.map(\.participant),
      rounds: digest.rounds.map { Round(presenter: $0.presenter, hasStarted: $0.hasStarted) },
      noteCount: visible.count,
      notes: visible.filter { Self.quotedKinds.contains($0.kind) || $0.slot.part == .closing }
        .map { entry in
          Note(
            id: entry.note.id, kind: entry.kind, text: entry.text,
            createdAt: entry.note.createdAt, isClosing: entry.slot.part == .closing,
            owner: entry.kind == .action ? entry.note.owner : nil,
            ownerName: entry.kind == .action ? entry.ownerName : nil,
            doneAt: entry.note.isDone ? entry.note.doneAt : nil, due: entry.note.due)
        },
      tags: visible.flatMap { entry in
        NoteTag.distinct(in: entry.text).map {
          TagUse(key: $0.key, tag: $0.text, createdAt: entry.note.createdAt)
        }
      },
      ratings: digest.ratings.map(\.rating), followUps: digest.followUps)
  }

  /// The quoted notes of `kind`, in the order written.
  public func notes(_ kind: NoteKind) -> [Note] { notes.filter { $0.kind == kind } }

  /// The closing phases' notes: what helped and what got in the way.
  public var processReview: [Note] { notes.filter(\.isClosing) }

  /// The name of participant `index`, or `?` for one the session does not have.
  public func name(_ index: Int) -> String {
    participants.indices.contains(index) ? participants[index].name : "?"
  }

  /// The round each participant presents (the last, for one presenting twice).
  public var presentsRound: [Int: Int] {
    var presents: [Int: Int] = [:]
    for (number, round) in rounds.enumerated() { presents[round.presenter] = number }
    return presents
  }

  /// The mean rating, or nil when nobody rated.
  public var averageRating: Double? {
    ratings.isEmpty ? nil : Double(ratings.reduce(0, +)) / Double(ratings.count)
  }

  /// The meeting ``ActionLedger`` folds.
  public var meeting: ActionLedger.Meeting {
    ActionLedger.Meeting(
      id: id, title: title, programme: programme, createdAt: createdAt, group: group,
      isFinished: finishedAt != nil, followUps: followUps,
      actions: notes(.action).map {
        ActionLedger.Meeting.Action(
          note: $0.id, text: $0.text, ownerName: $0.ownerName, createdAt: $0.createdAt,
          due: $0.due, doneAt: $0.doneAt)
      })
  }
}
