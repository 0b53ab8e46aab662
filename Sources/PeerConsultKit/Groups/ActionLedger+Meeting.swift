import Foundation

extension ActionLedger {
  /// What the ledger needs of one session: when it met and for which group, whether it
  /// finished, the follow-ups recorded in it and the actions agreed in it. Read from a replayed
  /// record (``init(_:)``) or straight from the store's tables, so the fold is the same either
  /// way.
  public struct Meeting: Sendable {
    /// An action agreed in the meeting, not deleted.
    public struct Action: Sendable {
      /// The note's id in its session.
      public let note: Int
      public let text: String
      public let ownerName: String?
      public let createdAt: Date
      public let due: ActionDue?
      /// When its own session marked it done, if it did.
      public let doneAt: Date?

      public init(
        note: Int, text: String, ownerName: String?, createdAt: Date, due: ActionDue?,
        doneAt: Date?
      ) {
        self.note = note
        self.text = text
        self.ownerName = ownerName
        self.createdAt = createdAt
        self.due = due
        self.doneAt = doneAt
      }
    }

    public let id: SessionID
    public let title: String
    public let programme: String
    public let createdAt: Date
    public let group: GroupID?
    public let isFinished: Bool
    /// The latest decision recorded in this meeting about each earlier action.
    public let followUps: [ActionReference: ActionFollowUp]
    /// In the order written.
    public let actions: [Action]

    public init(
      id: SessionID, title: String, programme: String, createdAt: Date, group: GroupID?,
      isFinished: Bool, followUps: [ActionReference: ActionFollowUp], actions: [Action]
    ) {
      self.id = id
      self.title = title
      self.programme = programme
      self.createdAt = createdAt
      self.group = group
      self.isFinished = isFinished
      self.followUps = followUps
      self.actions = actions
    }

    /// The meeting `record` holds.
    public init(_ record: SessionRecord) { self.init(SessionDigest(record)) }

    /// The meeting `digest` tells of.
    public init(_ digest: SessionDigest) {
      self.init(
        id: digest.id, title: digest.title, programme: digest.programme,
        createdAt: digest.createdAt, group: digest.setup.group,
        isFinished: digest.finishedAt != nil, followUps: digest.followUps,
        actions: digest.actions.map { action in
          Action(
            note: action.note.id, text: action.text, ownerName: action.ownerName,
            createdAt: action.note.createdAt, due: action.note.due,
            doneAt: action.note.isDone ? action.note.doneAt : nil)
        })
    }
  }
}
