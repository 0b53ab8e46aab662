import Foundation

/// What a programme's sessions learned, gathered into a briefing for people who were not
/// there: themes, what works well, blockages, actions with owners and status, the process
/// reviews, who took part by level and organisation, and the sessions over time.
///
/// Built from the digests of records already anonymised when sharing. Notes are quoted without their
/// speakers: a briefing carries what was said, not who said it. Deleted notes are left out.
struct ProgrammeHarvest {
  struct Session {
    let id: SessionID
    let title: String
    let createdAt: Date
    let finishedAt: Date?
    /// Cases presented: rounds that started, not the ones planned.
    let presenters: Int
    let notes: Int
    let actions: Int
    let actionsDone: Int
    /// The shared store it was taken from; nil for one written here, and always in an
    /// anonymised harvest: a store's name is the user's choice and may name an organisation.
    let origin: String?
  }

  /// A note quoted with the session it came from.
  struct Item {
    let text: String
    let createdAt: Date
    let session: SessionID
    let sessionTitle: String
  }

  struct Action {
    let text: String
    let owner: String?
    let isDone: Bool
    let doneAt: Date?
    /// When a later meeting of its group gave it up.
    let droppedAt: Date?
    let createdAt: Date
    let session: SessionID
    let sessionTitle: String
  }

  struct Review {
    let session: SessionID
    let sessionTitle: String
    let createdAt: Date
    let notes: [String]
    let ratings: [Int]
    /// The session's mean rating, as its digest gives it.
    let averageRating: Double?
  }

  /// Taking part, for one level or one organisation.
  struct Participation {
    let label: String
    /// Different people.
    let people: Int
    /// Sessions attended, summed over people.
    let attendances: Int
    /// Rounds presented.
    let presentations: Int
  }

  let programme: String
  let isAnonymised: Bool
  let sessions: [Session]
  let themes: [Item]
  let worksWell: [Item]
  let blockages: [Item]
  let actions: [Action]
  let reviews: [Review]
  let byLevel: [Participation]
  let byOrganisation: [Participation]
  let people: Int
  let organisations: Int

  /// Whether a session came from a shared store: the sessions' table then says where each
  /// came from.
  var hasOrigins: Bool { sessions.contains { $0.origin != nil } }

  /// The harvest of `digests`, one summary of each of a programme's sessions, oldest first.
  /// Actions are done or dropped as `ledger` (folded from the same sessions) says: in their
  /// own session or at a later meeting of their group.
  init(
    programme: String, sessions digests: [ProgrammeSession], ledger: ActionLedger,
    anonymised: Bool
  ) {
    var status: [ActionReference: ActionLedger.Item.Status] = [:]
    for item in ledger.items { status[item.reference] = item.status }
    func doneAt(_ session: SessionID, _ note: Int) -> Date? {
      if case .done(let at) = status[ActionReference(session: session, note: note)] { return at }
      return nil
    }
    self.programme = programme
    isAnonymised = anonymised
    var sessions: [Session] = []
    var themes: [Item] = []
    var worksWell: [Item] = []
    var blockages: [Item] = []
    var actions: [Action] = []
    var reviews: [Review] = []
    var levels: [Level: (people: Set<PersonKey>, attendances: Int, presentations: Int)] = [:]
    var organisations: [String: (people: Set<PersonKey>, attendances: Int, presentations: Int)] =
      [:]
    var organisationLabels: [[Character]: String] = [:]
    var everyone = Set<PersonKey>()
    var keys = PersonKey.Cache()
    for digest in digests {
      let title = digest.title
      sessions.append(
        Session(
          id: digest.id, title: title, createdAt: digest.createdAt,
          finishedAt: digest.finishedAt, presenters: digest.rounds.count(where: \.hasStarted),
          notes: digest.noteCount, actions: digest.notes(.action).count,
          actionsDone: digest.notes(.action).count { doneAt(digest.id, $0.id) != nil },
          origin: anonymised ? nil : digest.origin))
      func items(_ notes: [ProgrammeSession.Note]) -> [Item] {
        notes.map {
          Item(text: $0.text, createdAt: $0.createdAt, session: digest.id, sessionTitle: title)
        }
      }
      themes += items(digest.notes(.theme))
      worksWell += items(digest.notes(.worksWell))
      blockages += items(digest.notes(.blockage))
      actions += digest.notes(.action).map { note in
        let done = doneAt(digest.id, note.id)
        var dropped: Date?
        if case .dropped(let at, _) = status[ActionReference(session: digest.id, note: note.id)] {
          dropped = at
        }
        return Action(
          text: note.text, owner: note.ownerName, isDone: done != nil, doneAt: done,
          droppedAt: dropped, createdAt: note.createdAt, session: digest.id, sessionTitle: title)
      }
      reviews.append(
        Review(
          session: digest.id, sessionTitle: title, createdAt: digest.createdAt,
          notes: digest.processReview.map(\.text), ratings: digest.ratings,
          averageRating: digest.averageRating))
      let presents = digest.presentsRound
      for (index, participant) in digest.participants.enumerated() {
        let presented =
          presents[index].flatMap { round in
            digest.rounds.indices.contains(round) ? digest.rounds[round].hasStarted : nil
          } == true ? 1 : 0
        let person = keys.key(participant)
        everyone.insert(person)
        levels[participant.level, default: ([], 0, 0)].people.insert(person)
        levels[participant.level]!.attendances += 1
        levels[participant.level]!.presentations += presented
        // Spelled as first seen, so "NHS" and "nhs" count as one organisation.
        let label =
          organisationLabels[person.organisation]
          ?? participant.organisation
          .trimmingCharacters(in: .whitespacesAndNewlines)
        organisationLabels[person.organisation] = label
        organisations[label, default: ([], 0, 0)].people.insert(person)
        organisations[label]!.attendances += 1
        organisations[label]!.presentations += presented
      }
    }
    self.sessions = sessions
    self.themes = themes
    self.worksWell = worksWell
    self.blockages = blockages
    self.actions = actions
    self.reviews = reviews
    byLevel = Level.allCases.compactMap { level in
      levels[level].map {
        Participation(
          label: level.rawValue, people: $0.people.count, attendances: $0.attendances,
          presentations: $0.presentations)
      }
    }
    byOrganisation = organisations.map {
      Participation(
        label: $0.key.isEmpty ? "(no organisation given)" : $0.key, people: $0.value.people.count,
        attendances: $0.value.attendances, presentations: $0.value.presentations)
    }.sorted { ($1.attendances, $0.label) < ($0.attendances, $1.label) }
    people = everyone.count
    self.organisations = organisationLabels.keys.filter { !$0.isEmpty }.count
  }

  var presentations: Int { sessions.reduce(0) { $0 + $1.presenters } }
  var actionsDone: Int { actions.count { $0.isDone } }

  /// A session's ratings before their average: each one, or only how many when anonymised,
  /// since ratings in participant order still tell who gave which.
  func ratingsLabel(_ review: Review) -> String {
    guard isAnonymised else { return review.ratings.map(String.init).joined(separator: ", ") }
    return review.ratings.count == 1 ? "1 rating" : "\(review.ratings.count) ratings"
  }

  /// The opening paragraph: what the briefing covers, in a sentence or three, after the
  /// period it was limited to.
  func introduction(_ time: ReadableTime, period: ReportPeriod = .always) -> String {
    guard let label = period.label else { return introduction(time) }
    return label + " " + (sessions.isEmpty ? "None were held." : introduction(time))
  }

  private func introduction(_ time: ReadableTime) -> String {
    guard let first = sessions.first, let last = sessions.last else {
      return "No sessions yet."
    }
    let span =
      sessions.count == 1
      ? "One session, on \(time.day(first.createdAt))."
      : "\(sessions.count) sessions between \(time.day(first.createdAt)) and "
        + "\(time.day(last.createdAt))."
    let levels = byLevel.map { "\($0.people) \($0.label)" }.joined(separator: ", ")
    return span + " \(count(people, "person", "people")) from "
      + "\(count(organisations, "organisation", "organisations")) took part (\(levels)), and "
      + "\(count(presentations, "case was", "cases were")) presented. The groups recorded "
      + "\(count(themes.count, "theme", "themes")), \(count(worksWell.count, "thing", "things")) "
      + "that work well and \(count(blockages.count, "blockage", "blockages")), and agreed "
      + "\(count(actions.count, "action", "actions")), \(actionsDone) of them done."
  }

  private func count(_ value: Int, _ one: String, _ many: String) -> String {
    "\(value) \(value == 1 ? one : many)"
  }
}
