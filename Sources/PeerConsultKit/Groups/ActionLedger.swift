import Foundation

/// Actions followed from meeting to meeting: every action of a set of sessions with its state
/// folded across them. An action is agreed in one session; later meetings of the same standing
/// group mark it done, carry it forward or drop it (``SessionEvent/actionFollowedUp(action:outcome:)``,
/// each in the later session's own log), and review may mark it done in its own session. This
/// projection is the one place that puts those together, for the opening step, review and
/// `peerconsult actions`.
public struct ActionLedger: Sendable {
  /// One action and what became of it.
  public struct Item: Hashable, Sendable {
    public enum Status: Hashable, Sendable {
      case open
      case done(at: Date)
      case dropped(at: Date, reason: String)
    }

    /// A later meeting's decision about it.
    public struct Step: Hashable, Sendable {
      public let session: SessionID
      public let sessionTitle: String
      public let at: Date
      public let outcome: FollowUpOutcome
    }

    public let reference: ActionReference
    public let group: GroupID?
    public let sessionTitle: String
    public let programme: String
    public let sessionCreatedAt: Date
    public let text: String
    public let ownerName: String?
    public let createdAt: Date
    /// When it was due as agreed.
    public let agreedDue: ActionDue?
    public internal(set) var status: Status = .open
    /// Later meetings' decisions, oldest first.
    public internal(set) var followUps: [Step] = []
    /// Meetings of its group since it was agreed or last carried forward, none of which
    /// followed it up.
    public internal(set) var meetingsSince = 0
    /// Whether the first of those meetings has finished.
    public internal(set) var nextMeetingFinished = false

    public var isOpen: Bool { status == .open }

    /// What the last follow-up at a later meeting made of it, whatever its own session says:
    /// done, dropped, or open (carried forward, or not followed up). ``status`` is this
    /// unless its own session marked it done; a screen that has just marked it asks this.
    public var followedUpStatus: Status {
      guard let last = followUps.last else { return .open }
      switch last.outcome {
      case .done: return .done(at: last.at)
      case .dropped(let reason): return .dropped(at: last.at, reason: reason)
      case .carried: return .open
      }
    }

    /// When it is due now: a carried action is due at the group's next meeting.
    public var due: ActionDue? { wasCarried ? .nextSession : agreedDue }

    /// Whether it is open and late at `now`: its day has passed (in `timeZone`), or it was
    /// due at the next meeting and that meeting finished, or a later one started, without it
    /// being done or carried.
    public func isOverdue(at now: Date, timeZone: TimeZone) -> Bool {
      isOverdue(today: CalendarDay(now, in: timeZone))
    }

    /// Whether it is open and late on `today`, as ``isOverdue(at:timeZone:)`` says; for
    /// counting many actions at one moment without working out the day for each.
    public func isOverdue(today: CalendarDay) -> Bool {
      isOpen && isLate(today: today)
    }

    /// Whether its due time has gone by on `today`, open or not: ``isOverdue(today:)`` of an
    /// open action. A screen whose ledger was read before it reopened the action asks this,
    /// since ``status`` still says done.
    public func isLate(today: CalendarDay) -> Bool {
      due?.hasPassed(
        today: today, meetingsSince: meetingsSince, nextMeetingFinished: nextMeetingFinished)
        ?? false
    }
  }

  /// Every action not deleted, in the order agreed (sessions oldest first, then note id).
  public let items: [Item]

  /// Folds the actions of `records` (any order; they are taken oldest first).
  public init(_ records: [SessionRecord]) {
    self.init(meetings: records.map(Meeting.init))
  }

  /// Folds the actions of `meetings` (any order; they are taken oldest first, as sessions are
  /// listed: by creation, then id). Whether read from replayed records or from the store's
  /// tables (``AppDatabase/actionMeetings(programme:)``), every view of the actions folds them
  /// here.
  public init(meetings: [Meeting]) {
    var items: [Item] = []
    var position: [ActionReference: Int] = [:]
    var doneAt: [ActionReference: Date] = [:]
    // Each group's meetings in order, with whether each finished: how many meetings of its
    // group an action has waited through is counted from these once at the end. Counted at
    // each meeting for each of its group's actions, it grew with the square of a group's
    // meetings (a group of 2,000 meetings took 23 s to list its actions).
    var groupMeetings: [GroupID: [(index: Int, isFinished: Bool)]] = [:]
    // The meeting (by its place in time) each item was agreed in, then the last one that
    // followed it up: the meetings of its group after it are the ones it waited through.
    var anchor: [Int] = []
    let sorted = meetings.sorted(by: { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) })
    for (meetingIndex, meeting) in sorted.enumerated() {
      for (reference, followUp) in meeting.followUps.sorted(by: { $0.value.at < $1.value.at }) {
        guard let index = position[reference] else { continue }
        anchor[index] = meetingIndex
        items[index].followUps.append(
          Item.Step(
            session: meeting.id, sessionTitle: meeting.title, at: followUp.at,
            outcome: followUp.outcome))
      }
      if let group = meeting.group {
        groupMeetings[group, default: []].append((meetingIndex, meeting.isFinished))
      }
      for action in meeting.actions {
        let reference = ActionReference(session: meeting.id, note: action.note)
        position[reference] = items.count
        doneAt[reference] = action.doneAt
        anchor.append(meetingIndex)
        items.append(
          Item(
            reference: reference, group: meeting.group, sessionTitle: meeting.title,
            programme: meeting.programme, sessionCreatedAt: meeting.createdAt, text: action.text,
            ownerName: action.ownerName, createdAt: action.createdAt, agreedDue: action.due))
      }
    }
    for index in items.indices {
      if let group = items[index].group, let later = groupMeetings[group] {
        let first = later.partitionPoint { $0.index > anchor[index] }
        items[index].meetingsSince = later.count - first
        items[index].nextMeetingFinished = first < later.count && later[first].isFinished
      }
      items[index].status = Self.status(of: items[index], doneAt: doneAt[items[index].reference])
    }
    self.items = items
  }

  /// Done when its own session marked it done or the last follow-up did; dropped when the
  /// last follow-up dropped it; else open.
  private static func status(of item: Item, doneAt: Date?) -> Item.Status {
    doneAt.map { .done(at: $0) } ?? item.followedUpStatus
  }

  /// The open actions, newest first: what the opening step of a group's next meeting lists.
  public var openNewestFirst: [Item] {
    items.filter(\.isOpen).sorted { ($0.createdAt, $0.reference) > ($1.createdAt, $1.reference) }
  }
}
