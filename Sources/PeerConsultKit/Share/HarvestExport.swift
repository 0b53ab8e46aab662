import Foundation

/// The programme harvest (see ``ProgrammeHarvest``) in Markdown, HTML or JSON. A harvest is a
/// briefing: its JSON (`"format": "peerconsult-harvest"`, Docs/EXPORT-FORMAT.md) is for
/// programs to read and cannot be imported.
public enum HarvestExport {
  /// The value of a harvest file's `format` key.
  public static let format = "peerconsult-harvest"
  public static let version = 1

  /// The harvest of `records` held in `period`, which should all belong to `programme`, in
  /// `format`: the briefing and the report that tests the programme's model
  /// (``ProgrammeReport``). `groups` names the programme's standing groups; anonymised, they
  /// are called `[Group 1]`, `[Group 2]`… in the order they first met instead, since a
  /// group's name may be a person's. Actions are counted at `now`.
  public static func render(
    _ records: [SessionRecord], programme: String, as format: ShareFormat,
    options: ShareOptions = ShareOptions(), period: ReportPeriod = .always,
    groups: [GroupID: String] = [:], now: Date = Date()
  ) throws(ShareError) -> String {
    // Only the period's sessions are anonymised, so pseudonyms follow the people it shows.
    let records = try options.prepare(Self.records(records, in: period))
    let digests = records.map(SessionDigest.init)
    return String(piecesOf: { write in
      render(
        digests.map(ProgrammeSession.init), programme: programme, as: format,
        timeZone: options.timeZone, anonymised: options.anonymise, period: period,
        groups: options.anonymise ? Anonymiser.groupPseudonyms(digests) : groups, now: now,
        into: write)
    })
  }

  /// The harvest of `sessions` (oldest first, all of `programme` and held in `period`), as
  /// read from the store's tables without replaying them
  /// (``AppDatabase/programmeSessions(programme:in:)``).
  public static func render(
    sessions: [ProgrammeSession], programme: String, as format: ShareFormat,
    timeZone: TimeZone = .current, period: ReportPeriod = .always,
    groups: [GroupID: String] = [:], now: Date = Date()
  ) -> String {
    String(piecesOf: { write in
      render(
        sessions: sessions, programme: programme, as: format, timeZone: timeZone, period: period,
        groups: groups, now: now, into: write)
    })
  }

  /// ``render(sessions:programme:as:timeZone:period:groups:now:)`` handed to `write` a piece at
  /// a time, in order (the HTML page apart from its long lists; see
  /// ``HarvestHTML/render(_:_:into:)``).
  public static func render<Failure: Error>(
    sessions: [ProgrammeSession], programme: String, as format: ShareFormat,
    timeZone: TimeZone = .current, period: ReportPeriod = .always,
    groups: [GroupID: String] = [:], now: Date = Date(),
    into write: (String) throws(Failure) -> Void
  ) throws(Failure) {
    try render(
      sessions, programme: programme, as: format, timeZone: timeZone, anonymised: false,
      period: period, groups: groups, now: now, into: write)
  }

  /// The anonymised harvest of `sessions`, read from the store's tables and anonymised
  /// together (``AppDatabase/anonymisedProgrammeSessions(programme:in:)``): the same as
  /// ``render(_:programme:as:options:period:groups:now:)`` anonymising the sessions' records,
  /// standing groups called `[Group 1]`, `[Group 2]`… in the order they first met.
  public static func render(
    anonymisedSessions sessions: [ProgrammeSession], programme: String, as format: ShareFormat,
    timeZone: TimeZone = .current, period: ReportPeriod = .always, now: Date = Date()
  ) -> String {
    String(piecesOf: { write in
      render(
        anonymisedSessions: sessions, programme: programme, as: format, timeZone: timeZone,
        period: period, now: now, into: write)
    })
  }

  /// ``render(anonymisedSessions:programme:as:timeZone:period:now:)`` handed to `write` a
  /// piece at a time, in order.
  public static func render<Failure: Error>(
    anonymisedSessions sessions: [ProgrammeSession], programme: String, as format: ShareFormat,
    timeZone: TimeZone = .current, period: ReportPeriod = .always, now: Date = Date(),
    into write: (String) throws(Failure) -> Void
  ) throws(Failure) {
    try render(
      sessions, programme: programme, as: format, timeZone: timeZone, anonymised: true,
      period: period, groups: Anonymiser.groupPseudonyms(groups: sessions.map(\.group)), now: now,
      into: write)
  }

  private static func render<Failure: Error>(
    _ sessions: [ProgrammeSession], programme: String, as format: ShareFormat,
    timeZone: TimeZone, anonymised: Bool, period: ReportPeriod, groups: [GroupID: String],
    now: Date, into write: (String) throws(Failure) -> Void
  ) throws(Failure) {
    // The ledger first: the harvest needs it, and is made on another core while the report
    // counts the rest.
    let ledger = ProgrammeReport.ledger(of: sessions, in: period)
    // Named as the sessions name it, which anonymising has scrubbed like any other text.
    let harvestWork = BackgroundWork {
      ProgrammeHarvest(
        programme: sessions.first?.programme ?? programme, sessions: sessions, ledger: ledger,
        anonymised: anonymised)
    }
    let report = ProgrammeReport(
      sessions: sessions, period: period, groupNames: groups, now: now, timeZone: timeZone,
      ledger: ledger)
    let harvest = harvestWork.value()
    let time = ReadableTime(timeZone: timeZone)
    switch format {
    case .markdown: try write(HarvestMarkdown(time: time).render(harvest, report))
    case .html: try HarvestHTML(time: time).render(harvest, report, into: write)
    case .json: try write(HarvestFile(harvest, report).json)
    }
  }

  /// The records of `records` held in `period`: those a harvest over it reads, for the review
  /// before sharing to look at the same sessions.
  public static func records(_ records: [SessionRecord], in period: ReportPeriod)
    -> [SessionRecord]
  {
    records.filter { period.contains($0.state.createdAt) }
  }
}

/// The harvest as JSON: the same content as the briefing, times in UTC. Written by ``json``;
/// its `Encodable` conformance is what that writer must match.
struct HarvestFile: Encodable {
  struct Session: Encodable {
    let id: String
    let title: String
    let createdAt: String
    let finishedAt: String?
    let presenters: Int
    let notes: Int
    let actions: Int
    let actionsDone: Int
    /// Added within version 1: the shared store the session was taken from; absent for one
    /// written here, and in an anonymised harvest.
    let origin: String?
  }

  struct Item: Encodable {
    let text: String
    let createdAt: String
    let session: String
    let sessionId: String
  }

  struct Action: Encodable {
    let text: String
    let owner: String?
    let done: Bool
    let doneAt: String?
    /// Added within version 1, with standing groups.
    let droppedAt: String?
    let createdAt: String
    let session: String
    let sessionId: String
  }

  struct Review: Encodable {
    let session: String
    let sessionId: String
    let createdAt: String
    let notes: [String]
    /// Left out when anonymised: the ratings in participant order still tell who gave which.
    let ratings: [Int]?
    /// The mean rating to two decimals, absent when nobody rated.
    let averageRating: Double?
  }

  struct Participation: Encodable {
    let people: Int
    let organisations: Int
    let byLevel: [Group]
    let byOrganisation: [Group]
  }

  struct Group: Encodable {
    let name: String
    let people: Int
    let attendances: Int
    let presentations: Int
  }

  let format = HarvestExport.format
  let version = HarvestExport.version
  let anonymised: Bool
  let programme: String
  let sessions: [Session]
  let themes: [Item]
  let worksWell: [Item]
  let blockages: [Item]
  let actions: [Action]
  let processReviews: [Review]
  let participation: Participation
  /// Added in version 1 without changing the keys above (Docs/EXPORT-FORMAT.md).
  let report: HarvestReportFile

  init(_ harvest: ProgrammeHarvest, _ report: ProgrammeReport) {
    self.report = HarvestReportFile(report, anonymised: harvest.isAnonymised)
    func items(_ items: [ProgrammeHarvest.Item]) -> [Item] {
      items.map {
        Item(
          text: $0.text, createdAt: ExportTime.string($0.createdAt), session: $0.sessionTitle,
          sessionId: $0.session.rawValue)
      }
    }
    func groups(_ groups: [ProgrammeHarvest.Participation]) -> [Group] {
      groups.map {
        Group(
          name: $0.label, people: $0.people, attendances: $0.attendances,
          presentations: $0.presentations)
      }
    }
    anonymised = harvest.isAnonymised
    programme = harvest.programme
    sessions = harvest.sessions.map {
      Session(
        id: $0.id.rawValue, title: $0.title, createdAt: ExportTime.string($0.createdAt),
        finishedAt: $0.finishedAt.map(ExportTime.string), presenters: $0.presenters,
        notes: $0.notes, actions: $0.actions, actionsDone: $0.actionsDone, origin: $0.origin)
    }
    themes = items(harvest.themes)
    worksWell = items(harvest.worksWell)
    blockages = items(harvest.blockages)
    actions = harvest.actions.map {
      Action(
        text: $0.text, owner: $0.owner, done: $0.isDone, doneAt: $0.doneAt.map(ExportTime.string),
        droppedAt: $0.droppedAt.map(ExportTime.string),
        createdAt: ExportTime.string($0.createdAt), session: $0.sessionTitle,
        sessionId: $0.session.rawValue)
    }
    processReviews = harvest.reviews.map {
      Review(
        session: $0.sessionTitle, sessionId: $0.session.rawValue,
        createdAt: ExportTime.string($0.createdAt), notes: $0.notes,
        ratings: harvest.isAnonymised ? nil : $0.ratings,
        averageRating: $0.averageRating.map { ($0 * 100).rounded() / 100 })
    }
    participation = Participation(
      people: harvest.people, organisations: harvest.organisations,
      byLevel: groups(harvest.byLevel), byOrganisation: groups(harvest.byOrganisation))
  }
}
