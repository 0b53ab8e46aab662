import Foundation

/// The harvest JSON's `report` object: ``ProgrammeReport`` for programs, times in UTC and
/// means to two decimals (Docs/EXPORT-FORMAT.md, "Harvest files").
struct HarvestReportFile: Encodable {
  struct Period: Encodable {
    /// The first and last day as given (`2027-01-15`), absent for an open end.
    let since: String?
    let until: String?
  }

  struct Session: Encodable {
    let sessionId: String
    let session: String
    let createdAt: String
    let people: Int
    /// People at each level, every level present.
    let levels: [String: Int]
    let organisations: Int
    let presenters: [String]
    let actionsAgreed: Int
    let actionsDone: Int
    /// Added within version 1 with standing groups: the group's name (a pseudonym when anonymised), absent
    /// for a session of no group, and the rest of what became of its actions.
    let group: String?
    let actionsDropped: Int
    let actionsOpen: Int
    let actionsCarried: Int
    let actionsOverdue: Int
    let ratings: Int
    let averageRating: Double?
  }

  /// A standing group across its meetings in the period (added within version 1).
  struct Group: Encodable {
    let name: String
    let meetings: Int
    let sessionIds: [String]
    let people: Int
    let levels: [String: Int]
    let organisations: Int
    let presented: Int
    let tags: Int
    let actions: Actions
  }

  struct Tag: Encodable {
    let tag: String
    let key: String
    let sessions: Int
    /// Added within version 1: standing groups whose meetings used it.
    let groups: Int
    let notes: Int
    let firstSeen: String
    let lastSeen: String
    let trend: String
  }

  struct Theme: Encodable {
    let text: String
    let sessions: Int
    let notes: Int
    let firstSeen: String
    let lastSeen: String
  }

  struct Person: Encodable {
    let name: String
    /// Left out when anonymised: a pseudonym carries its level only where that does not
    /// single someone out.
    let level: String?
    let organisation: String
    let sessions: Int
    let presentations: Int
  }

  struct Actions: Encodable {
    let agreed: Int
    let done: Int
    let open: Int
    /// Added within version 1, with standing groups.
    let dropped: Int
    let carried: Int
    let overdue: Int

    init(_ counts: ActionLedger.Counts) {
      agreed = counts.agreed
      done = counts.done
      open = counts.open
      dropped = counts.dropped
      carried = counts.carried
      overdue = counts.overdue
    }
  }

  let period: Period
  let sessions: [Session]
  let tags: [Tag]
  let themes: [Theme]
  let people: [Person]
  let actions: Actions
  let groups: [Group]
  let averageRating: Double?

  init(_ report: ProgrammeReport, anonymised: Bool) {
    period = Period(since: report.period.since, until: report.period.until)
    sessions = report.sessions.map { session in
      Session(
        sessionId: session.id.rawValue, session: session.title,
        createdAt: ExportTime.string(session.createdAt), people: session.people,
        levels: Dictionary(
          uniqueKeysWithValues: Level.allCases.map { ($0.rawValue, session.people(at: $0)) }),
        organisations: session.organisations, presenters: session.presenters,
        actionsAgreed: session.actionsAgreed, actionsDone: session.actionsDone,
        group: report.group(of: session)?.name, actionsDropped: session.actions.dropped,
        actionsOpen: session.actions.open, actionsCarried: session.actions.carried,
        actionsOverdue: session.actions.overdue, ratings: session.ratings,
        averageRating: session.averageRating.map(Self.twoDecimals))
    }
    tags = report.tags.map {
      Tag(
        tag: $0.tag, key: $0.key, sessions: $0.sessions, groups: $0.groups, notes: $0.notes,
        firstSeen: ExportTime.string($0.firstSeen), lastSeen: ExportTime.string($0.lastSeen),
        trend: $0.trend.rawValue)
    }
    themes = report.themes.map {
      Theme(
        text: $0.text, sessions: $0.sessions, notes: $0.notes,
        firstSeen: ExportTime.string($0.firstSeen), lastSeen: ExportTime.string($0.lastSeen))
    }
    people = report.people.map {
      Person(
        name: $0.name, level: anonymised ? nil : $0.level.rawValue, organisation: $0.organisation,
        sessions: $0.sessions, presentations: $0.presentations)
    }
    actions = Actions(report.actions)
    groups = report.groups.map { group in
      Group(
        name: group.name, meetings: group.meetings.count,
        sessionIds: group.meetings.map { report.sessions[$0].id.rawValue },
        people: group.people,
        levels: Dictionary(
          uniqueKeysWithValues: Level.allCases.map { ($0.rawValue, group.people(at: $0)) }),
        organisations: group.organisations, presented: group.presented, tags: group.tags,
        actions: Actions(group.actions))
    }
    averageRating = report.averageRating.map(Self.twoDecimals)
  }

  private static func twoDecimals(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
