import Foundation

/// The numbers that test a programme's peer-learning model, counted once from its sessions
/// (``ProgrammeSession``s, from their digests or from the store's tables) for every view of
/// them (the harvest report in each format, the programme view):
/// which `#tags` and theme notes recur and whether they are rising or fading, what happened
/// to the actions, who took part at which level and who has presented, and how the sessions
/// rated themselves over time.
///
/// Deleted notes are left out, as in every digest. Built from the digests of records already
/// anonymised when sharing anonymised, so tags and names are counted as the reader will see them.
public struct ProgrammeReport: Sendable {
  /// One session's row: the slice of the system in the room, its actions and its ratings.
  public struct Session: Hashable, Sendable {
    public let id: SessionID
    public let title: String
    public let createdAt: Date
    /// Different people in the room.
    public let people: Int
    /// People at each level, in ``Level/allCases`` order.
    public let levels: [Int]
    /// Different organisations in the room, by name as the anonymiser compares them.
    public let organisations: Int
    /// The names of those who presented a case, in the order they did.
    public let presenters: [String]
    /// The standing group it was a meeting of, if any.
    public let group: GroupID?
    /// The actions agreed in the session, counted by what has become of them since
    /// (``ActionLedger``).
    public let actions: ActionLedger.Counts
    /// How many rated the session, and their mean rating (nil when nobody did).
    public let ratings: Int
    public let averageRating: Double?

    /// People at `level`.
    public func people(at level: Level) -> Int {
      levels[Level.allCases.firstIndex(of: level) ?? 0]
    }

    /// Actions agreed in the session, and of those how many are done.
    public var actionsAgreed: Int { actions.agreed }
    public var actionsDone: Int { actions.done }
  }

  /// A standing group across its meetings in the period: the slice of the system it brought
  /// together and what became of the actions it agreed.
  public struct Group: Hashable, Sendable {
    public let id: GroupID
    /// As the caller named it: the group's name, or a pseudonym when anonymised.
    public let name: String
    /// Its meetings' places in ``ProgrammeReport/sessions``, oldest first.
    public let meetings: [Int]
    /// Different people at its meetings, and of those at each level (``Level/allCases``
    /// order), from how many organisations, and how many presented a case.
    public let people: Int
    public let levels: [Int]
    public let organisations: Int
    public let presented: Int
    /// Every action agreed at its meetings.
    public let actions: ActionLedger.Counts
    /// Different `#tags` written at its meetings.
    public let tags: Int

    /// People at `level`.
    public func people(at level: Level) -> Int {
      levels[Level.allCases.firstIndex(of: level) ?? 0]
    }
  }

  /// A `#tag` across the programme's sessions.
  public struct Tag: Hashable, Sendable {
    /// As last written, without the `#`.
    public let tag: String
    /// Its ``NoteTag/key``.
    public let key: String
    /// Notes carrying it (a note counts once however often it repeats the tag).
    public let notes: Int
    public let sessions: Int
    /// Standing groups whose meetings used it.
    public let groups: Int
    public let firstSeen: Date
    public let lastSeen: Date
    /// Whether it comes up more or less in the latest sessions (``TagTrend``).
    public let trend: TagTrend
  }

  /// Theme notes written alike (case, accents and spacing aside) across sessions.
  public struct Theme: Hashable, Sendable {
    /// As first written.
    public let text: String
    public let notes: Int
    public let sessions: Int
    public let firstSeen: Date
    public let lastSeen: Date
  }

  /// Someone who took part, and how often they presented.
  public struct Person: Hashable, Sendable {
    /// As first written.
    public let name: String
    /// The level and organisation they last came with.
    public let level: Level
    public let organisation: String
    public let sessions: Int
    public let presentations: Int
  }

  public let period: ReportPeriod
  /// The sessions counted, oldest first.
  public let sessions: [Session]
  /// The most used first: by sessions, then notes, then key (as `peerconsult tags`).
  public let tags: [Tag]
  /// The most recurring first: by sessions, then notes, then first seen.
  public let themes: [Theme]
  /// Everyone who took part: those who presented most first, then by sessions and name.
  public let people: [Person]
  /// Every action agreed in the period, folded across meetings by ``ActionLedger`` (the same
  /// fold as `peerconsult actions`) and counted at the report's moment.
  public let actions: ActionLedger.Counts
  /// The standing groups that met in the period, in the order of their first meeting.
  public let groups: [Group]
  /// The period's actions, each with what became of it.
  public let ledger: ActionLedger

  /// The report of `digests`, as ``init(sessions:period:groupNames:now:timeZone:)``.
  public init(
    digests: [SessionDigest], period: ReportPeriod = .always, groupNames: [GroupID: String] = [:],
    now: Date = Date(), timeZone: TimeZone = .current
  ) {
    self.init(
      sessions: digests.map(ProgrammeSession.init), period: period, groupNames: groupNames,
      now: now, timeZone: timeZone)
  }

  /// The report of `sessions`, one programme's sessions in `period` (sessions outside it are
  /// left out here too), in any order. `groupNames` names the standing groups (a group
  /// without one is called by its place); actions are counted at `now`, a due day ending at
  /// midnight in `timeZone`.
  public init(
    sessions: [ProgrammeSession], period: ReportPeriod = .always,
    groupNames: [GroupID: String] = [:], now: Date = Date(), timeZone: TimeZone = .current
  ) {
    self.init(
      sessions: sessions, period: period, groupNames: groupNames, now: now, timeZone: timeZone,
      ledger: nil)
  }

  /// The report as ``init(sessions:period:groupNames:now:timeZone:)`` makes it, with its
  /// ``ledger`` already made by ``ledger(of:in:)`` when not nil.
  init(
    sessions: [ProgrammeSession], period: ReportPeriod, groupNames: [GroupID: String],
    now: Date, timeZone: TimeZone, ledger: ActionLedger?
  ) {
    self.period = period
    let held = Self.held(sessions, in: period)
    // The tags and themes (a third of the work, over every note quoted) on another core
    // while the rest is counted here.
    let patterns = BackgroundWork { (tags: Self.tags(held), themes: Self.themes(held)) }
    self.ledger = ledger ?? ActionLedger(meetings: held.map(\.meeting))
    let today = CalendarDay(now, in: timeZone)
    var counts: [SessionID: ActionLedger.Counts] = [:]
    for item in self.ledger.items {
      counts[item.reference.session, default: .init()].add(item, today: today)
    }
    // Each session's people as keys, each name folded once however often its owner came.
    var cache = PersonKey.Cache()
    let keys = held.map { $0.participants.map { cache.key($0) } }
    self.sessions = zip(held, keys).map {
      Self.session($0, keys: $1, actions: counts[$0.id] ?? .init())
    }
    (tags, themes) = patterns.value()
    people = Self.people(held, keys: keys)
    actions = ActionLedger.Counts(self.ledger.items, at: now, timeZone: timeZone)
    groups = Self.groups(held, keys: keys, sessions: self.sessions, names: groupNames)
  }

  /// The sessions of `sessions` held in `period`, oldest first: those the report counts.
  private static func held(_ sessions: [ProgrammeSession], in period: ReportPeriod)
    -> [ProgrammeSession]
  {
    sessions.filter { period.contains($0.createdAt) }
      .sorted { ($0.createdAt, $0.id.rawValue) < ($1.createdAt, $1.id.rawValue) }
  }

  /// The ``ledger`` of a report of `sessions` over `period`: only the period's follow-ups
  /// count, like everything else in it.
  static func ledger(of sessions: [ProgrammeSession], in period: ReportPeriod) -> ActionLedger {
    ActionLedger(meetings: held(sessions, in: period).map(\.meeting))
  }

  /// Each standing group's meetings, slice, actions and tags; `keys` are each session's
  /// participants' ``PersonKey``s.
  private static func groups(
    _ digests: [ProgrammeSession], keys: [[PersonKey]], sessions: [Session],
    names: [GroupID: String]
  ) -> [Group] {
    var order: [GroupID] = []
    var meetings: [GroupID: [Int]] = [:]
    for (place, session) in sessions.enumerated() {
      guard let group = session.group else { continue }
      if meetings[group] == nil { order.append(group) }
      meetings[group, default: []].append(place)
    }
    return order.enumerated().map { number, id in
      let places = meetings[id] ?? []
      var levels = [Int](repeating: 0, count: Level.allCases.count)
      var people = Set<PersonKey>()
      var organisations = Set<[Character]>()
      var presenters = Set<PersonKey>()
      var tags = Set<String>()
      var actions = ActionLedger.Counts()
      for place in places {
        let digest = digests[place]
        for (participant, key) in zip(digest.participants, keys[place]) {
          if people.insert(key).inserted {
            levels[Level.allCases.firstIndex(of: participant.level) ?? 0] += 1
          }
          if !key.organisation.isEmpty { organisations.insert(key.organisation) }
        }
        for round in digest.rounds
        where round.hasStarted && digest.participants.indices.contains(round.presenter) {
          presenters.insert(keys[place][round.presenter])
        }
        for use in digest.tags { tags.insert(use.key) }
        actions.merge(sessions[place].actions)
      }
      return Group(
        id: id, name: names[id] ?? "Group \(number + 1)", meetings: places,
        people: people.count, levels: levels, organisations: organisations.count,
        presented: presenters.count, actions: actions, tags: tags.count)
    }
  }

  /// The standing group `session` was a meeting of, if it met in the period.
  public func group(of session: Session) -> Group? {
    guard let id = session.group else { return nil }
    return groups.first { $0.id == id }
  }

  /// The sessions' ratings over time: those rated, oldest first.
  public var ratedSessions: [Session] { sessions.filter { $0.averageRating != nil } }

  /// The mean of every rating given in the period, or nil when there were none.
  public var averageRating: Double? {
    let count = sessions.reduce(0) { $0 + $1.ratings }
    guard count > 0 else { return nil }
    let sum = sessions.reduce(0.0) { $0 + ($1.averageRating ?? 0) * Double($1.ratings) }
    return sum / Double(count)
  }

  /// How many people presented at least once, and how many took part.
  public var presented: Int { people.count { $0.presentations > 0 } }

  private static func session(
    _ digest: ProgrammeSession, keys: [PersonKey], actions: ActionLedger.Counts
  ) -> Session {
    var levels = [Int](repeating: 0, count: Level.allCases.count)
    var organisations = Set<[Character]>()
    var people = Set<PersonKey>()
    for (participant, key) in zip(digest.participants, keys) where people.insert(key).inserted {
      levels[Level.allCases.firstIndex(of: participant.level) ?? 0] += 1
      if !key.organisation.isEmpty { organisations.insert(key.organisation) }
    }
    return Session(
      id: digest.id, title: digest.title, createdAt: digest.createdAt, people: people.count,
      levels: levels, organisations: organisations.count,
      presenters: digest.rounds.filter(\.hasStarted).map { digest.name($0.presenter) },
      group: digest.group, actions: actions, ratings: digest.ratings.count,
      averageRating: digest.averageRating)
  }

  private static func tags(_ digests: [ProgrammeSession]) -> [Tag] {
    struct Use {
      var tag: String
      var notes = 0
      var sessions: Set<Int> = []
      var groups: Set<GroupID> = []
      var firstSeen: Date
      var lastSeen: Date
    }
    var uses: [String: Use] = [:]
    for (position, digest) in digests.enumerated() {
      let group = digest.group
      for tag in digest.tags {
        let date = tag.createdAt
        var use = uses[tag.key] ?? Use(tag: tag.tag, firstSeen: date, lastSeen: date)
        use.notes += 1
        use.sessions.insert(position)
        if let group { use.groups.insert(group) }
        use.firstSeen = min(use.firstSeen, date)
        // Named as last written, as the tag index names it.
        if date >= use.lastSeen {
          use.lastSeen = date
          use.tag = tag.tag
        }
        uses[tag.key] = use
      }
    }
    return uses.map { key, use in
      Tag(
        tag: use.tag, key: key, notes: use.notes, sessions: use.sessions.count,
        groups: use.groups.count, firstSeen: use.firstSeen, lastSeen: use.lastSeen,
        trend: TagTrend.of(carrying: use.sessions, sessionCount: digests.count))
    }.sorted { ($1.sessions, $1.notes, $0.key) < ($0.sessions, $0.notes, $1.key) }
  }

  private static func themes(_ digests: [ProgrammeSession]) -> [Theme] {
    struct Use {
      var text: String
      var notes = 0
      var sessions = 0
      /// The last digest counted in `sessions`: a digest's notes come together.
      var lastDigest: Int
      var firstSeen: Date
      var lastSeen: Date
    }
    // In order of first use; alike when only case, accents, spacing or a closing full stop
    // differ (their folded key).
    var uses: [Use] = []
    var byKey: [[Character]: Int] = [:]
    // Each different text trimmed and folded once, and its use found once: themes recur,
    // which is the point, and hashing the folded key at every note cost more than the rest.
    var byText: [String: Int?] = [:]
    for (digestIndex, digest) in digests.enumerated() {
      for entry in digest.notes(.theme) {
        let index: Int
        if let known = byText[entry.text] {
          guard let known else { continue }
          index = known
        } else {
          let text = entry.text.trimmedOfWhitespace
          let key = TermReplacer.fold(
            text.split(whereSeparator: \.isWhitespace).joined(separator: " ").trimmingFullStops)
          guard !key.isEmpty else {
            byText[entry.text] = .some(nil)
            continue
          }
          if let existing = byKey[key] {
            index = existing
          } else {
            index = uses.count
            byKey[key] = index
            uses.append(
              Use(text: text, lastDigest: -1, firstSeen: entry.createdAt, lastSeen: entry.createdAt)
            )
          }
          byText[entry.text] = index
        }
        let date = entry.createdAt
        uses[index].notes += 1
        if uses[index].lastDigest != digestIndex {
          uses[index].lastDigest = digestIndex
          uses[index].sessions += 1
        }
        uses[index].firstSeen = min(uses[index].firstSeen, date)
        uses[index].lastSeen = max(uses[index].lastSeen, date)
      }
    }
    return uses.map {
      Theme(
        text: $0.text, notes: $0.notes, sessions: $0.sessions, firstSeen: $0.firstSeen,
        lastSeen: $0.lastSeen)
    }.sorted { ($1.sessions, $1.notes, $0.firstSeen) < ($0.sessions, $0.notes, $1.firstSeen) }
  }

  private static func people(_ digests: [ProgrammeSession], keys: [[PersonKey]]) -> [Person] {
    struct Taking {
      var name: String
      var level: Level
      var organisation: String
      var sessions = 0
      var presentations = 0
    }
    var takings: [PersonKey: Taking] = [:]
    for (digest, keys) in zip(digests, keys) {
      var started: [Int: Int] = [:]
      for round in digest.rounds where round.hasStarted {
        started[round.presenter, default: 0] += 1
      }
      var seen = Set<PersonKey>()
      for (index, (participant, key)) in zip(digest.participants, keys).enumerated() {
        var taking =
          takings[key]
          ?? Taking(
            name: participant.name.trimmingCharacters(in: .whitespacesAndNewlines),
            level: participant.level, organisation: participant.organisation)
        taking.level = participant.level
        taking.organisation = participant.organisation.trimmingCharacters(
          in: .whitespacesAndNewlines)
        if seen.insert(key).inserted { taking.sessions += 1 }
        taking.presentations += started[index] ?? 0
        takings[key] = taking
      }
    }
    return takings.values.map {
      Person(
        name: $0.name, level: $0.level, organisation: $0.organisation, sessions: $0.sessions,
        presentations: $0.presentations)
    }.sorted {
      ($1.presentations, $1.sessions, $0.name, $0.organisation)
        < ($0.presentations, $0.sessions, $1.name, $1.organisation)
    }
  }
}
