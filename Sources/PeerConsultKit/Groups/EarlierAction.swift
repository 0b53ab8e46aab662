import Foundation

/// An action of an earlier meeting of the group as a later meeting followed it up: what it
/// said, who owned it, where it was agreed, and what the later meeting decided. The later
/// meeting's log holds the decision alone (``SessionEvent/actionFollowedUp(action:outcome:)``);
/// its minutes (`show`, the Markdown and HTML exports) list these under "Actions from last
/// time", read from the earlier meetings (``AppDatabase/earlierActions(followedUpIn:)``).
public struct EarlierAction: Hashable, Sendable {
  public let reference: ActionReference
  /// The action's text as it stands in the meeting it was agreed in.
  public var text: String
  public var ownerName: String?
  /// The title of the meeting it was agreed in.
  public var agreedIn: String
  /// When that meeting began.
  public let agreedAt: Date
  public private(set) var followUp: ActionFollowUp

  public init(
    reference: ActionReference, text: String, ownerName: String?, agreedIn: String,
    agreedAt: Date, followUp: ActionFollowUp
  ) {
    self.reference = reference
    self.text = text
    self.ownerName = ownerName
    self.agreedIn = agreedIn
    self.agreedAt = agreedAt
    self.followUp = followUp
  }

  /// What the meeting decided, in the minutes' words ("done", "carried forward: …",
  /// "dropped: …"), what was said written through `inline`, and whether it is still open
  /// (carried) or was dropped, for its box.
  public func decision(_ inline: (String) -> String) -> (words: String, open: Bool, dropped: Bool) {
    switch followUp.outcome {
    case .done: ("done", false, false)
    case .carried(let note):
      (note.isEmpty ? "carried forward" : "carried forward: \(inline(note))", true, false)
    case .dropped(let reason): ("dropped: \(inline(reason))", false, true)
    }
  }

  /// This action with its texts, owner and what was said of it as `scrub` leaves them: for
  /// an anonymised export.
  public func scrubbed(_ scrub: (String) -> String) -> EarlierAction {
    var action = self
    action.text = scrub(text)
    action.ownerName = ownerName.map(scrub)
    action.agreedIn = scrub(agreedIn)
    let outcome: FollowUpOutcome =
      switch followUp.outcome {
      case .done: .done
      case .carried(let note): .carried(note: scrub(note))
      case .dropped(let reason): .dropped(reason: scrub(reason))
      }
    action.followUp = ActionFollowUp(outcome: outcome, at: followUp.at)
    return action
  }
}

extension AppDatabase {
  /// The actions of earlier meetings that `state`'s meeting followed up, in the order it
  /// decided them. One whose meeting does not rebuild or is no longer there, or that its
  /// meeting deleted, is left out: the decision is still in this meeting's log.
  public func earlierActions(followedUpIn state: SessionState) throws(StoreError)
    -> [EarlierAction]
  {
    let followUps = state.followUps
    guard !followUps.isEmpty else { return [] }
    let sessions = Set(followUps.keys.map(\.session)).sorted { $0.rawValue < $1.rawValue }
    var earlier: [SessionID: SessionRecord] = [:]
    for session in sessions {
      do throws(StoreError) {
        earlier[session] = try record(of: session)
      } catch .damagedSession, .noSuchSession {
        continue
      }
    }
    return followUps.compactMap { reference, followUp -> EarlierAction? in
      // An action its own meeting deleted afterwards was withdrawn: it travels nowhere, as
      // deleted notes do not (an anonymised export had still carried its text and what was
      // said of it under this meeting).
      guard let record = earlier[reference.session], let note = record.state.note(reference.note),
        !note.isDeleted
      else { return nil }
      return EarlierAction(
        reference: reference, text: note.text,
        ownerName: note.owner.map { SessionDigest.name($0, in: record.state) },
        agreedIn: record.state.setup.title, agreedAt: record.state.createdAt, followUp: followUp)
    }.sorted { ($0.followUp.at, $0.reference) < ($1.followUp.at, $1.reference) }
  }

  /// How many meetings each of `sessions` followed up actions from that this folder does not
  /// hold: an import of a later meeting alone shows none of them under its actions from last
  /// time, and said nothing of it.
  public func meetingsMissing(followedUpIn sessions: [SessionID]) throws(StoreError)
    -> [SessionID: Int]
  {
    guard !sessions.isEmpty else { return [:] }
    return try read { db in
      var missing: [SessionID: Int] = [:]
      for session in sessions {
        let count =
          try Int.fetchOne(
            db,
            sql: """
              SELECT count(DISTINCT f.action_session) FROM action_follow_ups f
              WHERE f.session_id = ? AND f.action_session != f.session_id
                AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = f.action_session)
              """, arguments: [session.rawValue]) ?? 0
        if count > 0 { missing[session] = count }
      }
      return missing
    }
  }
}
