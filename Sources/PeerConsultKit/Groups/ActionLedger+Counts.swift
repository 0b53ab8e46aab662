import Foundation

extension ActionLedger {
  /// Actions counted by what has become of them, at a moment. Every action agreed is done,
  /// dropped or open; carried and overdue are kinds of open.
  public struct Counts: Hashable, Sendable {
    public var agreed = 0
    /// Marked done in its own session or at a later meeting.
    public var done = 0
    /// Given up at a later meeting.
    public var dropped = 0
    /// Open after a later meeting carried it forward.
    public var carried = 0
    /// Open and late (``Item/isOverdue(at:timeZone:)``).
    public var overdue = 0

    /// Neither done nor dropped.
    public var open: Int { agreed - done - dropped }

    public init() {}

    /// `items` counted at `now`, a due day ending at midnight in `timeZone`.
    public init(_ items: some Sequence<Item>, at now: Date, timeZone: TimeZone) {
      let today = CalendarDay(now, in: timeZone)
      for item in items { add(item, today: today) }
    }

    /// Adds `other`'s counts to these.
    public mutating func merge(_ other: Counts) {
      agreed += other.agreed
      done += other.done
      dropped += other.dropped
      carried += other.carried
      overdue += other.overdue
    }

    /// Counts `item` too.
    public mutating func add(_ item: Item, at now: Date, timeZone: TimeZone) {
      add(item, today: CalendarDay(now, in: timeZone))
    }

    /// Counts `item` too, on `today`.
    public mutating func add(_ item: Item, today: CalendarDay) {
      agreed += 1
      switch item.status {
      case .done: done += 1
      case .dropped: dropped += 1
      case .open:
        if item.wasCarried { carried += 1 }
        if item.isOverdue(today: today) { overdue += 1 }
      }
    }
  }
}

extension ActionLedger.Item {
  /// Whether a later meeting carried it forward at least once.
  public var wasCarried: Bool {
    followUps.contains { if case .carried = $0.outcome { true } else { false } }
  }
}
